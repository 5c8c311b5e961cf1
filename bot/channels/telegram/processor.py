"""Processing one Telegram update exactly once: claim it, run the dialog turn, deliver, finish.

Order of effects, and why:
1. claim ``update:<id>`` in the state store: a redelivered or concurrent duplicate stops here;
2. the dialog turn runs under the chat's lock; a ticket is committed to the database inside it,
   then the chat's state (with the replies) is saved;
3. the replies are sent; only then is the claim marked done.
If step 2 or 3 fails, the claim is released and the error propagates (the webhook answers 503,
polling retries): a redelivery either re-runs the turn (nothing was saved; ticket creation is
idempotent) or, if the state was saved, re-sends the saved replies.
"""

from __future__ import annotations

import asyncio
import html
import logging
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from telegram import Bot, Message, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, TelegramError

from bot.channels.telegram.convert import to_inbound
from bot.channels.telegram.render import MAX_TEXT
from bot.channels.telegram.sender import TelegramSender
from bot.domain.residents import Resident
from bot.domain.tickets import Ticket
from bot.errors import BackendUnavailable
from bot.messaging import ChatUnreachable
from bot.metrics import UPDATE_SECONDS, UPDATES
from dialogs.engine import Engine
from dialogs.events import EventKind
from integrations.state import Claim, StateStore

log = logging.getLogger(__name__)


class DuplicateInProgress(BackendUnavailable):
    """Another worker holds this update right now; Telegram should redeliver it later."""


class UpdateProcessor:
    def __init__(
        self,
        bot: Bot,
        engine: Engine,
        store: StateStore,
        after_turn: Callable[[list[Ticket], Resident | None], Coroutine[Any, Any, None]] | None = None,
        group_handler: Callable[[Update], Awaitable[None]] | None = None,
        private_commands: Callable[[Update], Awaitable[bool]] | None = None,
    ) -> None:
        self.bot = bot
        self.engine = engine
        self.store = store
        self.sender = TelegramSender(bot)
        self.after_turn = after_turn
        self.group_handler = group_handler
        # Staff commands sent in a private chat are refused (and recorded) there, not taken for a resident's.
        self.private_commands = private_commands
        self._background: set[asyncio.Task[None]] = set()

    async def process(self, update: Update) -> None:
        key = f"update:{update.update_id}"
        claim = await self.store.claim(key)
        if claim is Claim.DONE:
            UPDATES.labels("duplicate").inc()
            return
        if claim is Claim.BUSY:
            UPDATES.labels("busy").inc()
            raise DuplicateInProgress(f"update {update.update_id} is being processed by another worker")
        try:
            with UPDATE_SECONDS.time():
                await self._process(update)
        except (BackendUnavailable, asyncio.CancelledError):
            await _quietly(self.store.release(key))
            UPDATES.labels("deferred").inc()
            raise
        except Exception:
            # A bug, not an outage: redelivery would fail the same way. Log first, then tell the
            # resident, and count the update as handled so it cannot block the chat forever.
            log.exception("update %s failed", update.update_id)
            UPDATES.labels("failed").inc()
            await self._apologise(update)
        else:
            UPDATES.labels("processed").inc()
        await self.store.finish(key)

    async def _process(self, update: Update) -> None:
        if self.private_commands is not None and update.message is not None and await self.private_commands(update):
            return
        event = to_inbound(update)
        if event is None:
            if self.group_handler is not None:
                await self.group_handler(update)
            return
        outcome = await self.engine.handle(event)
        query = update.callback_query
        if query is not None:
            await self._answer(query.id, outcome.toast, outcome.alert)
            if event.kind is EventKind.CHOICE and isinstance(query.message, Message) and outcome.toast is None:
                # The question is answered: show the answer in place of its buttons, so the chat
                # reads as a record and the buttons cannot be pressed twice.
                await self._mark_answered(query.message, query.data or "")
        chat_id = int(event.chat.split(":", 1)[1])
        try:
            for reply in outcome.replies:
                await self.sender.send(chat_id, reply)
        except ChatUnreachable:
            log.info("resident chat %s blocked the bot; replies dropped", chat_id)
        if outcome.tickets and self.after_turn is not None:
            task = asyncio.create_task(self.after_turn(outcome.tickets, outcome.resident))
            self._background.add(task)
            task.add_done_callback(self._background.discard)

    async def _apologise(self, update: Update) -> None:
        query = update.callback_query
        if query is not None:
            # Whatever failed, the press is answered: Telegram would show it loading until it times out.
            await self._answer(query.id, "Sorry, something went wrong. 抱歉，系統出錯。", False)
        chat = update.effective_chat
        if chat is None or chat.type != "private":
            return
        try:
            await self.bot.send_message(
                chat.id,
                "Sorry, something went wrong on our side. Please try again, or send /cancel to start over.\n"
                "抱歉，系統出錯，請再試一次，或發送 /cancel 重新開始。",
            )
        except TelegramError as exc:
            log.warning("could not apologise to chat %s: %s", chat.id, exc)

    async def _answer(self, query_id: str, text: str | None, alert: bool) -> None:
        try:
            await self.bot.answer_callback_query(query_id, text=text, show_alert=alert)
        except TelegramError as exc:
            # Queries older than ~15 minutes can't be answered; the turn itself still counts.
            log.info("callback answer failed: %s", exc)

    async def _mark_answered(self, message: Message, data: str) -> None:
        label = None
        markup = message.reply_markup
        if markup is not None:
            for row in markup.inline_keyboard:
                for button in row:
                    if button.callback_data == data:
                        label = button.text
        try:
            if label and message.text:
                text = f"{message.text_html}\n\n✅ {html.escape(label)}"
                if len(text) <= MAX_TEXT:
                    await self.bot.edit_message_text(
                        text, message.chat.id, message.message_id, parse_mode=ParseMode.HTML, reply_markup=None
                    )
                    return
            await self.bot.edit_message_reply_markup(message.chat.id, message.message_id, reply_markup=None)
        except BadRequest as exc:
            log.debug("could not mark the answer: %s", exc)
        except TelegramError as exc:
            log.info("could not mark the answer: %s", exc)

    async def drain(self) -> None:
        """Wait for background work (card posting) started by earlier turns."""
        while self._background:
            await asyncio.gather(*list(self._background), return_exceptions=True)


async def _quietly(aw: Awaitable[None]) -> None:
    try:
        await aw
    except Exception as exc:
        log.warning("could not release claim: %s", exc)
