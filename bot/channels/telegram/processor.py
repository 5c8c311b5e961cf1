"""Processing one Telegram update exactly once: claim it, run the dialog turn, deliver, finish.

Order of effects, and why:
1. claim ``update:<id>`` in the state store: a redelivered or concurrent duplicate stops here. The
   claim is a short lease renewed while the turn runs, so a worker killed mid-turn holds the chat
   for seconds, not a minute;
2. the dialog turn runs under the chat's lock; a ticket is committed to the database inside it,
   then the chat's state (with the replies) is saved;
3. the replies are sent, each noted in the update's progress once Telegram took it; only then is
   the claim marked done.
If step 2 or 3 fails for an outage, the claim is released and the error propagates (the webhook
answers 503, polling retries): a redelivery either re-runs the turn (nothing was saved; ticket
creation is idempotent) or, if the state was saved, sends the saved replies not yet sent, and
neither answers the button press again nor edits its message again.

An update that can never succeed is set aside in the dead-letter table and acknowledged: one that
cannot be parsed at once, one whose turn fails (not an outage) on ``MAX_ATTEMPTS`` attempts, and
one whose turn killed its worker that often.
"""

from __future__ import annotations

import asyncio
import html
import logging
import time
import traceback
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

import orjson
from telegram import Bot, Message, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, TelegramError

from bot.channels.telegram.convert import to_inbound
from bot.channels.telegram.render import MAX_TEXT
from bot.channels.telegram.sender import TelegramSender, post
from bot.domain.residents import Resident
from bot.domain.tickets import Ticket
from bot.errors import BackendUnavailable
from bot.messaging import ChatUnreachable
from bot.metrics import DEAD_LETTERS, UPDATE_SECONDS, UPDATES
from dialogs.engine import Engine
from dialogs.events import EventKind
from integrations.deadletters import DeadLetters, DeadReason
from integrations.state import Claim, StateStore
from integrations.state.keys import CLAIM_TTL_S, LEASE_RENEW_S, LEASE_S

log = logging.getLogger(__name__)

# Starts of one update's turn (a worker that died in it counts too) before it is set aside.
MAX_ATTEMPTS = 3
# Waits between attempts within one delivery, after a failure that is not an outage.
RETRY_DELAYS = (0.2, 1.0)
# Telegram refuses to answer a button press after a short while ("query is too old"); a press first
# seen longer ago than this is not answered on a redelivery (the turn itself still runs).
CALLBACK_ANSWER_WINDOW_S = 10.0

_SEEN_MAX = 10_000

# Progress fields of an update (StateStore.note), written as its effects happen.
_ATTEMPTS, _FIRST_SEEN, _ERROR, _DEAD = "attempts", "first_seen", "error", "dead"
_ANSWERED, _MARKED, _SENT, _APOLOGISED = "answered", "marked", "sent", "apologised"


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
        dead_letters: DeadLetters | None = None,
        clock: Callable[[], float] = time.time,
        private_commands: Callable[[Update], Awaitable[bool]] | None = None,
    ) -> None:
        self.bot = bot
        self.engine = engine
        self.store = store
        self.sender = TelegramSender(bot)
        self.after_turn = after_turn
        self.group_handler = group_handler
        self.dead_letters = dead_letters
        self.clock = clock
        # Staff commands sent in a private chat are refused (and recorded) there, not taken for a resident's.
        self.private_commands = private_commands
        self._background: set[asyncio.Task[None]] = set()
        # When this process first saw each recent update, for a press first seen while the store was down.
        self._seen: OrderedDict[int, float] = OrderedDict()

    async def receive(self, payload: bytes | dict[str, Any]) -> None:
        """An update as Telegram sent it (the webhook's body, one item of getUpdates): parse, process.

        One that python-telegram-bot cannot read is dead-lettered at once: retrying cannot help."""
        raw = payload if isinstance(payload, bytes) else orjson.dumps(payload)
        data: Any = None
        try:
            data = orjson.loads(raw) if isinstance(payload, bytes) else payload
            if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
                raise ValueError("not an update: no integer update_id")
            update = Update.de_json(data, self.bot)
            if update is None:
                raise ValueError("empty update")
        except Exception as exc:
            update_id = data.get("update_id") if isinstance(data, dict) else None
            await self._set_aside(
                update_id if isinstance(update_id, int) else None,
                raw,
                DeadReason.UNPARSABLE,
                f"{type(exc).__name__}: {exc}",
                1,
            )
            return
        await self.process(update, raw=raw)

    async def process(self, update: Update, *, raw: bytes | None = None) -> None:
        key = f"update:{update.update_id}"
        first_seen = self._seen.setdefault(update.update_id, self.clock())
        while len(self._seen) > _SEEN_MAX:
            self._seen.popitem(last=False)
        # One round trip: the claim, and if it is ours the first sighting noted, one more attempt counted
        # (before the turn runs, so a turn that kills its worker is counted too) and the progress read.
        claim, progress = await self.store.begin(
            key, lease=LEASE_S, first={_FIRST_SEEN: repr(first_seen)}, count=_ATTEMPTS
        )
        if claim is Claim.DONE:
            UPDATES.labels("duplicate").inc()
            return
        if claim is Claim.BUSY:
            UPDATES.labels("busy").inc()
            raise DuplicateInProgress(f"update {update.update_id} is being processed by another worker")
        keeper = asyncio.create_task(self._keep_claim(key))
        try:
            await self._attempts(update, key, raw, progress)
        finally:
            keeper.cancel()
        # The last reply's progress is not noted on its own: finishing forgets the progress anyway, and
        # one atomic step leaves a redelivery the same choice a note just before it would (sent or not).
        await self.store.finish(key)

    async def _attempts(self, update: Update, key: str, raw: bytes | None, progress: dict[str, str]) -> None:
        """Run the turn; retry what failed (not an outage) up to MAX_ATTEMPTS starts, then set it aside."""
        attempts = int(progress.get(_ATTEMPTS) or 1)
        if attempts > MAX_ATTEMPTS:
            # Its workers died on it, or it was given up but the dead letter could not be stored then.
            reason = DeadReason(progress.get(_DEAD) or DeadReason.CRASHED)
            error = progress.get(_ERROR) or f"the worker stopped {attempts - 1} times while handling it"
            await self._give_up(update, key, raw, reason, error, attempts - 1)
            return
        delays = iter(RETRY_DELAYS)
        while True:
            try:
                with UPDATE_SECONDS.time():
                    await self._process(update, key, progress)
            except (BackendUnavailable, asyncio.CancelledError):
                # An outage: not the update's fault, so not an attempt. Telegram redelivers it.
                await _quietly(self.store.count(key, _ATTEMPTS, -1))
                await _quietly(self.store.release(key))
                UPDATES.labels("deferred").inc()
                raise
            except Exception as exc:
                error = "".join(traceback.format_exception(exc))
                await _quietly(self.store.note(key, {_ERROR: error}))
                if attempts >= MAX_ATTEMPTS:
                    await self._give_up(update, key, raw, DeadReason.FAILED, error, attempts)
                    return
                log.debug("update %s failed (attempt %d of %d)", update.update_id, attempts, MAX_ATTEMPTS)
                await asyncio.sleep(next(delays, RETRY_DELAYS[-1]))
                attempts = await self.store.count(key, _ATTEMPTS)
                continue
            UPDATES.labels("processed").inc()
            return

    async def _give_up(
        self, update: Update, key: str, raw: bytes | None, reason: DeadReason, error: str, attempts: int
    ) -> None:
        """Dead-letter the update and tell the resident once. If it cannot be stored, it is not acknowledged."""
        payload = raw if raw is not None else update.to_json().encode()
        try:
            await self._set_aside(update.update_id, payload, reason, error, attempts)
        except BaseException:
            await _quietly(self.store.note(key, {_DEAD: reason.value}))
            await _quietly(self.store.release(key))
            raise
        UPDATES.labels("failed").inc()
        try:
            if _APOLOGISED in await self.store.progress(key):
                return
        except BackendUnavailable:
            pass
        await self._apologise(update)
        await _quietly(self.store.note(key, {_APOLOGISED: "1"}))

    async def _set_aside(
        self, update_id: int | None, payload: bytes, reason: DeadReason, error: str, attempts: int
    ) -> None:
        if self.dead_letters is not None:
            await self.dead_letters.add(
                update_id=update_id, reason=reason, payload=payload, error=error, attempts=attempts
            )
        # Logged once, when it is set aside (attempts before are logged at debug level only).
        log.error(
            "update %s set aside as a dead letter (%s) after %d attempt(s)%s: %s",
            update_id,
            reason.value,
            attempts,
            "" if self.dead_letters is not None else ", no dead-letter table to keep it",
            error.rstrip(),
        )
        DEAD_LETTERS.labels(reason.value).inc()

    async def _keep_claim(self, key: str) -> None:
        """Renew the claim's lease while the turn runs; a worker that dies stops renewing it, and a turn
        that hangs lets go after CLAIM_TTL_S, so a redelivery is processed."""
        loop = asyncio.get_running_loop()
        until = loop.time() + CLAIM_TTL_S
        while loop.time() < until:
            await asyncio.sleep(LEASE_RENEW_S)
            try:
                if not await self.store.renew(key, LEASE_S):
                    log.warning("the claim of %s lapsed while its turn ran", key)
                    return
            except BackendUnavailable as exc:
                log.warning("could not renew the claim of %s: %s", key, exc)

    async def _note(self, key: str, progress: dict[str, str], fields: dict[str, str]) -> None:
        """Note what was done, in the store (for a redelivery) and in this attempt's copy (for a retry)."""
        await self.store.note(key, fields)
        progress.update(fields)

    async def _process(self, update: Update, key: str, done: dict[str, str]) -> None:
        """One attempt of the turn; ``done`` is what earlier attempts (of any worker) did already."""
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
            # The press is answered and its question marked answered side by side, then both noted at once.
            first_seen = float(done.get(_FIRST_SEEN) or self.clock())
            effects: list[tuple[str, Coroutine[Any, Any, None]]] = []
            if _ANSWERED not in done and self.clock() - first_seen <= CALLBACK_ANSWER_WINDOW_S:
                effects.append((_ANSWERED, self._answer(query.id, outcome.toast, outcome.alert)))
            if (
                _MARKED not in done
                and event.kind is EventKind.CHOICE
                and isinstance(query.message, Message)
                and outcome.toast is None
            ):
                # The question is answered: show the answer in place of its buttons, so the chat
                # reads as a record and the buttons cannot be pressed twice.
                effects.append((_MARKED, self._mark_answered(query.message, query.data or "")))
            if effects:
                results = await asyncio.gather(*(effect for _, effect in effects), return_exceptions=True)
                fields = {
                    name: "1"
                    for (name, _), result in zip(effects, results, strict=True)
                    if not isinstance(result, BaseException)
                }
                if fields:
                    await self._note(key, done, fields)
                for result in results:
                    if isinstance(result, BaseException):
                        raise result
        chat_id = int(event.chat.split(":", 1)[1])
        sent = int(done.get(_SENT) or 0)
        last = len(outcome.replies) - 1
        try:
            for index, reply in enumerate(outcome.replies):
                if index < sent:
                    continue  # delivered by an earlier attempt
                await self.sender.send(chat_id, reply)
                # A reply whose request was in flight when its worker died is sent again: Telegram
                # has no idempotency key, and losing a ticket number is worse than a repeat. The last
                # one is noted by finishing the update (see process).
                if index < last:
                    await self._note(key, done, {_SENT: str(index + 1)})
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
                    # Without reply_markup the edit takes the buttons away.
                    await post(
                        self.bot,
                        "editMessageText",
                        {
                            "chat_id": message.chat.id,
                            "message_id": message.message_id,
                            "text": text,
                            "parse_mode": ParseMode.HTML,
                        },
                    )
                    return
            await post(
                self.bot, "editMessageReplyMarkup", {"chat_id": message.chat.id, "message_id": message.message_id}
            )
        except BadRequest as exc:
            log.debug("could not mark the answer: %s", exc)
        except TelegramError as exc:
            log.info("could not mark the answer: %s", exc)

    async def drain(self) -> None:
        """Wait for background work (card posting) started by earlier turns."""
        while self._background:
            await asyncio.gather(*list(self._background), return_exceptions=True)


async def _quietly(aw: Awaitable[object]) -> None:
    try:
        await aw
    except Exception as exc:
        log.warning("could not update the claim: %s", exc)
