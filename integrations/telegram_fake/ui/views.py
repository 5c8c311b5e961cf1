"""What the browser chat UI is shown: the people one can act as, and chats and messages as plain JSON."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from integrations.telegram_fake.model import JSON, ChatType, FakeChat, FakeMessage, FakeUser, TelegramState

# Enough of the replied-to message to recognise it in a quote.
_QUOTE_CHARS = 90


@dataclass(frozen=True)
class Person:
    """Someone the UI can act as: a resident or a staff member, with the fake Telegram user behind them."""

    user_id: int
    name: str
    # The picker's section ("Residents", "Staff · Engineering").
    group: str
    # Shown beside the name: "3-502", "supervisor".
    detail: str = ""
    # What the "share contact" button sends, as Telegram's clients do: international digits, no "+".
    phone: str | None = None
    # The chat opened when the UI starts acting as this person (their private chat, their staff group).
    home_chat_id: int | None = None
    # Staff and managers: their private chats with the bot are listed apart from the residents'.
    staff: bool = False

    def to_json(self) -> JSON:
        return {
            "user_id": self.user_id,
            "name": self.name,
            "group": self.group,
            "detail": self.detail,
            "has_phone": self.phone is not None,
            "home_chat_id": self.home_chat_id if self.home_chat_id is not None else self.user_id,
            "staff": self.staff,
        }


class ClockControl(Protocol):
    """The demo's clock as the UI moves it; ``advance`` also runs whatever is due at the new time."""

    def now(self) -> datetime: ...

    def offset(self) -> timedelta: ...

    async def advance(self, delta: timedelta) -> None: ...


def clock_json(clock: ClockControl) -> JSON:
    return {"now": clock.now().isoformat(), "offset_seconds": clock.offset().total_seconds()}


def user_name(user: FakeUser) -> str:
    return f"{user.first_name} {user.last_name}" if user.last_name else user.first_name


def chat_title(chat: FakeChat) -> str:
    if chat.type is ChatType.PRIVATE and chat.user is not None:
        return user_name(chat.user)
    return chat.title or str(chat.id)


def chat_json(state: TelegramState, chat: FakeChat) -> JSON:
    """A chat as the chat list and a pane's header need it, with the reply keyboard its user sees now."""
    messages = state.messages(chat.id)
    last = messages[-1] if messages else None
    return {
        "id": chat.id,
        "type": str(chat.type),
        "title": chat_title(chat),
        "is_forum": chat.is_forum,
        "topics": [
            {"id": t.message_thread_id, "name": t.name, "closed": t.is_closed, "icon_color": t.icon_color}
            for t in chat.topics.values()
        ],
        # Who may write here: the owner of a private chat, the members of a group.
        "members": [chat.id] if chat.type is ChatType.PRIVATE else sorted(chat.members),
        "reply_keyboard": _reply_keyboard(chat.reply_keyboard),
        "message_count": len(messages),
        "last": _preview(last) if last is not None else None,
    }


def _reply_keyboard(markup: JSON | None) -> JSON | None:
    if not markup or "keyboard" not in markup:
        return None
    rows = []
    for row in markup["keyboard"]:
        cells = []
        for button in row:
            if isinstance(button, str):
                cells.append({"text": button, "request": None})
                continue
            request = next((key for key in button if key != "text" and button[key]), None)
            cells.append({"text": button["text"], "request": request})
        rows.append(cells)
    return {
        "rows": rows,
        "one_time": bool(markup.get("one_time_keyboard")),
        "placeholder": markup.get("input_field_placeholder"),
    }


def _preview(message: FakeMessage) -> JSON:
    return {"message_id": message.message_id, "date": message.date, "text": summary(message)}


def summary(message: FakeMessage) -> str:
    """One line for a chat list or a reply quote: the text, else what kind of message it is."""
    body = message.body.strip()
    if body:
        line = " ".join(body.split())
        return line if len(line) <= _QUOTE_CHARS else line[: _QUOTE_CHARS - 1] + "…"
    if message.photo:
        return "🖼 Photo"
    if message.document is not None:
        return "📄 " + str(message.document.get("file_name") or "File")
    if message.sticker is not None:
        return str(message.sticker.get("emoji") or "") + " Sticker"
    if message.contact is not None:
        return "👤 Contact"
    if message.location is not None:
        return "📍 Location"
    if message.service:
        return service_text(message.service)
    return ""


def service_text(service: JSON) -> str:
    """A service message as Telegram's clients word it ("Topic created: Leaks")."""
    key, value = next(iter(service.items()))
    detail = value if isinstance(value, dict) else {}
    if key == "forum_topic_created":
        return f"Topic created: {detail.get('name', '')}"
    if key == "forum_topic_edited":
        return f"Topic renamed: {detail['name']}" if "name" in detail else "Topic icon changed"
    if key == "forum_topic_closed":
        return "Topic closed"
    if key == "forum_topic_reopened":
        return "Topic reopened"
    return key.replace("_", " ").capitalize()


def file_url(file_id: str) -> str:
    return f"/ui/api/files/{file_id}"


def message_json(state: TelegramState, message: FakeMessage) -> JSON:
    """A message with everything a Telegram client draws: formatted text, media, buttons, reply, edits."""
    chat = state.chats[message.chat_id]
    is_caption = message.text is None
    data: JSON = {
        "chat_id": message.chat_id,
        "message_id": message.message_id,
        "date": message.date,
        "from": {"id": message.sender.id, "name": user_name(message.sender), "is_bot": message.sender.is_bot},
        "text": message.body,
        "entities": message.caption_entities if is_caption else message.entities,
        "html": message.html,
        "is_caption": is_caption and message.caption is not None,
        "thread_id": message.message_thread_id,
        "is_topic_message": message.is_topic_message,
        "media_group_id": message.media_group_id,
        "edited": message.edited,
        "edit_date": message.edit_date,
        "deleted": message.deleted,
        "reactions": _reactions(message),
        "inline_keyboard": [
            [{k: v for k, v in button.items() if k in ("text", "callback_data", "url")} for button in row]
            for row in message.inline_keyboard
        ],
        "photo": None,
        "document": None,
        "sticker": None,
        "contact": message.contact,
        "location": message.location,
        "service": service_text(message.service) if message.service else None,
        "reply_to": None,
        # The bot asks for a reply to this message: Telegram's clients open the reply box on it.
        "force_reply": _force_reply(message.reply_markup),
    }
    if message.photo:
        largest = message.photo[-1]
        data["photo"] = {
            "file_id": largest["file_id"],
            "url": file_url(largest["file_id"]),
            "width": largest.get("width"),
            "height": largest.get("height"),
        }
    if message.document is not None:
        data["document"] = {
            "file_name": message.document.get("file_name"),
            "mime_type": message.document.get("mime_type"),
            "file_size": message.document.get("file_size"),
            "url": file_url(message.document["file_id"]),
        }
    if message.sticker is not None:
        data["sticker"] = {"emoji": message.sticker.get("emoji"), "url": file_url(message.sticker["file_id"])}
    if message.reply_to_message_id is not None:
        replied = chat.messages.get(message.reply_to_message_id)
        data["reply_to"] = {
            "message_id": message.reply_to_message_id,
            "from_id": replied.sender.id if replied is not None else None,
            "from_name": user_name(replied.sender) if replied is not None else "",
            "text": summary(replied) if replied is not None and not replied.deleted else "Deleted message",
        }
    return data


def _force_reply(markup: JSON | None) -> JSON | None:
    if not markup or not markup.get("force_reply"):
        return None
    return {"selective": bool(markup.get("selective")), "placeholder": markup.get("input_field_placeholder")}


def _reactions(message: FakeMessage) -> list[JSON]:
    """Each emoji under the message with how many chose it, in the order they were first chosen."""
    counts: dict[str, int] = {}
    for emoji in message.reactions.values():
        for e in emoji:
            counts[e] = counts.get(e, 0) + 1
    return [{"emoji": e, "count": n} for e, n in counts.items()]
