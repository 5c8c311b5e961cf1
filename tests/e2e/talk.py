"""Acting as residents and staff in end-to-end tests: link a chat, press a button, read what the bot said."""

from __future__ import annotations

import re
from typing import Any

from bot.demo.harness import Harness
from integrations.telegram_fake.model import FakeMessage


async def link(h: Harness, user_id: int, name: str, phone: str, lang: str = "en") -> None:
    """A resident opens the bot and shares their own phone number."""
    h.fake.add_user(user_id, name, language_code=lang)
    await h.act(h.fake.send_text(user_id, "/start"))
    await h.act(h.fake.send_contact(user_id, phone))


async def press(h: Harness, user_id: int, chat_id: int, button: str) -> dict[str, Any]:
    """Tap the newest bot message's button with this text (or data) in ``chat_id``, and wait for the bot."""
    message = next(m for m in reversed(h.fake.messages(chat_id)) if m.from_bot and m.find_button(button))
    return await h.act(h.fake.press(user_id, message, button))


def last_bot(h: Harness, chat_id: int) -> FakeMessage:
    return h.fake.bot_messages(chat_id)[-1]


def bot_texts(h: Harness, chat_id: int) -> str:
    """Everything the bot wrote in the chat, as one string."""
    return "\n".join(m.text or "" for m in h.fake.bot_messages(chat_id))


def last_number(h: Harness, chat_id: int) -> str:
    """The newest ticket number the bot mentioned in the chat."""
    for m in reversed(h.fake.bot_messages(chat_id)):
        if found := re.search(r"[A-Z]-\d{6}", m.text or ""):
            return found.group(0)
    raise AssertionError(f"no ticket number in chat {chat_id}")


async def report_repair(h: Harness, user_id: int, text: str) -> str:
    """A linked resident (unit A-1203) reports an electrical repair of normal urgency; its ticket number."""
    await h.act(h.fake.send_text(user_id, "/repair"))
    await press(h, user_id, user_id, "Electrical")
    await press(h, user_id, user_id, "My unit A-1203")
    await h.act(h.fake.send_text(user_id, text))
    await press(h, user_id, user_id, "Skip photos")
    await press(h, user_id, user_id, "Normal")
    await press(h, user_id, user_id, "Confirm")
    return last_number(h, user_id)
