"""Notices onto Telegram: one private chat per call, no retries inside (the delivery engine decides), errors ours.

Bulk sends bypass the bot's PTB rate limiter: :class:`bot.notices.pacing.Pacer` paces them, and a 429 must
reach the engine at once so that every send pauses, instead of being retried quietly per chat.
"""

from __future__ import annotations

from typing import Any

from telegram import Bot
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut

from bot.channels.telegram.ratelimit import retry_after_seconds
from bot.channels.telegram.render import render_text
from bot.domain.notices import Notice
from bot.domain.residents import Language
from bot.errors import BackendUnavailable
from bot.i18n import Translator
from bot.messaging import ChatUnreachable, RateLimited
from bot.notices.delivery import DeliveryUncertain
from dialogs.replies import Reply

CAPTION_LIMIT = 1024


def notice_reply(notice: Notice, language: str) -> Reply:
    _ = Translator(Language.from_code(language))
    title = _("⚠️ Emergency notice") if notice.emergency else _("Notice from the management office")
    return Reply(text=notice.text, title=title)


class TelegramNoticeTransport:
    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    def calls(self, notice: Notice) -> int:
        media = notice.photo or notice.document
        return 2 if media and len(notice.text) > CAPTION_LIMIT - 100 else 1

    async def deliver(self, chat_id: int, notice: Notice, language: str) -> int:
        text = render_text(notice_reply(notice, language))
        media = notice.photo or notice.document
        if media and self.calls(notice) == 1:
            if notice.photo:
                return await self._call(
                    self.bot.send_photo(chat_id, notice.photo, caption=text, parse_mode=ParseMode.HTML)
                )
            return await self._call(
                self.bot.send_document(chat_id, notice.document or "", caption=text, parse_mode=ParseMode.HTML)
            )
        message_id = await self._call(
            self.bot.send_message(chat_id, text, parse_mode=ParseMode.HTML, disable_web_page_preview=True)
        )
        if media:
            # The text went: a failure now must not send it again, so the media is best effort.
            try:
                if notice.photo:
                    await self._call(self.bot.send_photo(chat_id, notice.photo, reply_to_message_id=message_id))
                else:
                    await self._call(self.bot.send_document(chat_id, media, reply_to_message_id=message_id))
            except Exception:  # reported as sent: the notice's text arrived
                pass
        return message_id

    async def _call(self, request: Any) -> int:
        try:
            result = await request
        except Forbidden as exc:
            raise ChatUnreachable(str(exc)) from exc
        except RetryAfter as exc:
            raise RateLimited(str(exc), retry_after_seconds(exc)) from exc
        except BadRequest as exc:
            if "chat not found" in exc.message.lower():
                raise ChatUnreachable(str(exc)) from exc
            raise
        except TimedOut as exc:
            raise DeliveryUncertain(f"telegram: {exc}") from exc
        except NetworkError as exc:
            raise BackendUnavailable(f"telegram: {exc}") from exc
        return int(result.message_id)
