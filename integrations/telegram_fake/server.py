"""``FakeTelegram``: a local Bot API server for tests and demos, with people to talk to the bot."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any, TypeVar

from aiohttp import web

from integrations.telegram_fake.botapi import BotApi, FakeStats, Hold, make_app
from integrations.telegram_fake.errors import SimulationError, WaitTimeout
from integrations.telegram_fake.limits import FloodControl, FloodLimits
from integrations.telegram_fake.media import TINY_JPEG
from integrations.telegram_fake.model import (
    JSON,
    ApiCall,
    CallbackQueryRecord,
    FakeChat,
    FakeMessage,
    FakeUser,
    TelegramState,
    WebhookAttempt,
)
from integrations.telegram_fake.webhook import WebhookDelivery

T = TypeVar("T")

DEFAULT_TOKEN = "123456:TEST"
# The contact's user_id defaults to the sender's own id (sharing one's own number via the contact button).
_SENDER = object()
# A small valid WebP, so a sticker downloads as an image.
_TINY_WEBP = bytes.fromhex("52494646240000005745425056503820180000003001009d012a0100010002003425a400037000fefb94000000")
_STATE_KEY = web.AppKey("telegram_fake", object)


class FakeTelegram:
    """A fake Bot API server holding one bot's world. Point python-telegram-bot at it::

        fake = FakeTelegram()
        async with fake.serve():
            app = (Application.builder().token(fake.token).base_url(f"{fake.url}/bot")
                   .base_file_url(f"{fake.url}/file/bot").build())
            fake.add_user(1001, "Mei")
            await fake.send_text(1001, "/start")
            reply = await fake.next_bot_message(1001)

    ``fake.app`` can instead be mounted in another aiohttp app (``add_subapp``); it serves one runner at a time.

    ``token=None`` accepts any token. With ``enforce_limits`` sends beyond Telegram's flood limits get a 429.
    ``clock`` gives message dates (wall time); ``monotonic`` drives the flood limits (a test can step it).
    """

    def __init__(
        self,
        token: str | None = DEFAULT_TOKEN,
        *,
        enforce_limits: bool = False,
        limits: FloodLimits | None = None,
        bot_user: FakeUser | None = None,
        webhook_retry_delay: float = 1.0,
        webhook_max_retry_delay: float = 60.0,
        webhook_timeout: float = 10.0,
        clock: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.token = token
        if bot_user is None:
            prefix = (token or DEFAULT_TOKEN).split(":", 1)[0]
            bot_id = int(prefix) if prefix.isdigit() else int(DEFAULT_TOKEN.split(":", 1)[0])
            bot_user = FakeUser(bot_id, "Estatedesk", is_bot=True, username="estatedesk_bot")
        self.state = TelegramState(bot_user, clock=clock)
        self.stats = FakeStats()
        self.flood = FloodControl(limits, clock=monotonic) if enforce_limits else None
        self.api = BotApi(self.state, token=token, flood=self.flood, stats=self.stats)
        self.webhook = WebhookDelivery(
            self.state,
            retry_delay=webhook_retry_delay,
            max_retry_delay=webhook_max_retry_delay,
            timeout=webhook_timeout,
        )
        self.app = make_app(self.api)
        self.app[_STATE_KEY] = self.state
        # Webhook delivery runs whenever the app runs, here or embedded as a sub-app of another server.
        self.app.cleanup_ctx.append(self._run_webhook_delivery)
        self.url = ""

    async def _run_webhook_delivery(self, app: web.Application) -> AsyncIterator[None]:
        self.api.closing = False
        task = asyncio.create_task(self.webhook.run(), name="fake-telegram webhook delivery")
        yield
        # Long polls still waiting answer now (empty), so the server can stop at once.
        self.api.closing = True
        self.webhook.stop()
        await task

    @asynccontextmanager
    async def serve(self, host: str = "127.0.0.1", port: int = 0) -> AsyncIterator[FakeTelegram]:
        """Serve the Bot API in the running loop; ``port=0`` picks a free port. Sets :attr:`url` meanwhile."""
        runner = web.AppRunner(self.app, handler_cancellation=True, shutdown_timeout=1.0)
        await runner.setup()
        try:
            site = web.TCPSite(runner, host, port)
            await site.start()
            bound_port = runner.addresses[0][1]
            self.url = f"http://{host}:{bound_port}"
            yield self
        finally:
            self.url = ""
            await runner.cleanup()

    # --- setting the scene ---------------------------------------------------------------------------------

    @property
    def bot(self) -> FakeUser:
        return self.state.bot

    def add_user(
        self,
        user_id: int,
        first_name: str,
        language_code: str | None = "en",
        username: str | None = None,
        last_name: str | None = None,
    ) -> FakeUser:
        return self.state.add_user(
            user_id, first_name, language_code=language_code, username=username, last_name=last_name
        )

    def add_group(
        self,
        chat_id: int,
        title: str,
        *,
        forum: bool = False,
        members: tuple[int, ...] | list[int] = (),
        supergroup: bool | None = None,
        bot_is_admin: bool = True,
        username: str | None = None,
    ) -> FakeChat:
        return self.state.add_group(
            chat_id,
            title,
            forum=forum,
            members=members,
            supergroup=supergroup,
            bot_is_admin=bot_is_admin,
            username=username,
        )

    def join(self, chat_id: int, user_id: int) -> None:
        self._chat(chat_id).members.add(user_id)

    def block(self, chat_id: int) -> None:
        """The person blocks the bot (or the group removes it): every send there answers 403."""
        self._chat(chat_id).blocked = True

    def unblock(self, chat_id: int) -> None:
        self._chat(chat_id).blocked = False

    def fail_next(
        self,
        method: str,
        status: int = 429,
        *,
        times: int = 1,
        retry_after: int = 1,
        description: str | None = None,
    ) -> None:
        """The next ``times`` calls of ``method`` ("*" for any) fail with ``status`` instead of running."""
        self.api.inject(method, status, times=times, retry_after=retry_after, description=description)

    def hold(self, method: str, *, chat_id: int | None = None, skip: int = 0) -> Hold:
        """Hold the next call of ``method`` before Telegram sees it, until ``release()`` (see BotApi.hold)."""
        return self.api.hold(method, chat_id=chat_id, skip=skip)

    def rejected_calls(self) -> list[ApiCall]:
        """Requests Telegram refused by its own rules (injected failures left out)."""
        return [call for call in self.state.calls if call.rejected]

    def _chat(self, chat_id: int) -> FakeChat:
        chat = self.state.chat(chat_id)
        if chat is None:
            raise SimulationError(f"no chat {chat_id}")
        return chat

    # --- people acting -------------------------------------------------------------------------------------
    # Each returns the update it queued for the bot. They are coroutines so a caller can await them the same
    # way whether the update goes to getUpdates or to a webhook.

    async def upgrade_group(self, user_id: int, chat_id: int, new_chat_id: int | None = None) -> JSON:
        """The member ``user_id`` upgrades the basic group ``chat_id`` to a supergroup (see
        ``TelegramState.user_upgrades_group``); the new id is the update's ``message.migrate_to_chat_id``."""
        return self.state.user_upgrades_group(user_id, chat_id, new_chat_id)

    async def send_text(
        self,
        user_id: int,
        text: str,
        chat_id: int | None = None,
        reply_to: int | FakeMessage | None = None,
        thread_id: int | None = None,
    ) -> JSON:
        """The person writes ``text`` (in their private chat unless ``chat_id``); "/cmd" is a bot_command."""
        return self.state.user_text(user_id, text, chat_id=chat_id, reply_to=_message_id(reply_to), thread_id=thread_id)

    async def send_contact(
        self,
        user_id: int,
        phone_number: str,
        *,
        contact_user_id: Any = _SENDER,
        first_name: str | None = None,
        last_name: str | None = None,
        chat_id: int | None = None,
    ) -> JSON:
        """The person shares a contact: by default their own (as the "share phone number" button does)."""
        user = self.state.users.get(user_id)
        if user is None:
            raise SimulationError(f"no user {user_id}: call add_user first")
        own = contact_user_id is _SENDER
        return self.state.user_contact(
            user_id,
            phone_number,
            contact_user_id=user_id if own else contact_user_id,
            first_name=first_name or (user.first_name if own else "Contact"),
            last_name=last_name if last_name is not None else (user.last_name if own else None),
            chat_id=chat_id,
        )

    async def send_photo(
        self,
        user_id: int,
        data: bytes = TINY_JPEG,
        caption: str | None = None,
        chat_id: int | None = None,
        reply_to: int | FakeMessage | None = None,
        thread_id: int | None = None,
    ) -> JSON:
        return self.state.user_photo(
            user_id, data, caption, chat_id=chat_id, reply_to=_message_id(reply_to), thread_id=thread_id
        )

    async def send_document(
        self,
        user_id: int,
        data: bytes,
        file_name: str = "file.pdf",
        mime_type: str = "application/pdf",
        caption: str | None = None,
        chat_id: int | None = None,
    ) -> JSON:
        return self.state.user_document(user_id, data, file_name, mime_type, caption, chat_id=chat_id)

    async def send_sticker(self, user_id: int, emoji: str = "👍", chat_id: int | None = None) -> JSON:
        return self.state.user_sticker(user_id, emoji, _TINY_WEBP, chat_id=chat_id)

    async def send_location(self, user_id: int, latitude: float, longitude: float, chat_id: int | None = None) -> JSON:
        return self.state.user_location(user_id, latitude, longitude, chat_id=chat_id)

    async def edit_text(self, user_id: int, message: FakeMessage, text: str) -> JSON:
        return self.state.user_edits(user_id, message, text)

    async def press(self, user_id: int, message: FakeMessage, data_or_button_text: str, *, forge: bool = False) -> JSON:
        """The person taps the inline button with this callback_data (or this text) under ``message``.

        Refused unless the button is on the message as it is now; ``forge=True`` sends the data anyway.
        """
        return self.state.user_presses(user_id, message, data_or_button_text, forge=forge)

    async def push_update(self, raw: JSON) -> JSON:
        """Queue any update as given (an update_id is added if missing), e.g. shapes a property test makes up."""
        return self.state.queue_raw(raw)

    async def redeliver(self, update: JSON) -> JSON:
        """Send the same update (same update_id) again, as Telegram does after a webhook failure.

        In polling mode it comes back in the next getUpdates even if its id was confirmed already.
        """
        return self.state.queue_raw(update, forced=True)

    # --- reading the conversation --------------------------------------------------------------------------

    def messages(self, chat_id: int) -> list[FakeMessage]:
        return self.state.messages(chat_id)

    def bot_messages(self, chat_id: int) -> list[FakeMessage]:
        """Messages the bot sent to the chat (service messages such as "topic created" left out)."""
        return [m for m in self.state.messages(chat_id) if m.from_bot and not m.service]

    @property
    def calls(self) -> list[ApiCall]:
        return self.state.calls

    def calls_to(self, method: str) -> list[ApiCall]:
        return [call for call in self.state.calls if call.method.lower() == method.lower()]

    @property
    def webhook_attempts(self) -> list[WebhookAttempt]:
        return self.state.webhook_attempts

    def callback_answer(self, update_or_query_id: JSON | str) -> CallbackQueryRecord:
        """The record of a callback query (answered or not), from the update :meth:`press` returned."""
        if isinstance(update_or_query_id, dict):
            query_id = update_or_query_id["callback_query"]["id"]
        else:
            query_id = update_or_query_id
        return self.state.callback_queries[query_id]

    async def wait_for(self, predicate: Callable[[], T | None], timeout: float = 5.0, *, what: str = "") -> T:
        """Wait until ``predicate()`` is truthy and return its value; re-checked on every change of state."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            result = predicate()
            if result:
                return result
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise WaitTimeout(f"{what or 'condition'} not met within {timeout} s; {self._recent()}")
            await self.state.wait_change(remaining)

    async def next_bot_message(
        self, chat_id: int, timeout: float = 5.0, after: int | FakeMessage | None = None
    ) -> FakeMessage:
        """The first bot message after ``after`` (a message or id); by default after the person's last message."""
        if after is None:
            after_id = max((m.message_id for m in self.state.messages(chat_id) if not m.from_bot), default=0)
        else:
            after_id = _message_id(after) or 0

        def first() -> FakeMessage | None:
            return next((m for m in self.bot_messages(chat_id) if m.message_id > after_id), None)

        return await self.wait_for(first, timeout, what=f"a bot message in chat {chat_id} after #{after_id}")

    def _recent(self) -> str:
        calls = ", ".join(f"{c.method}->{c.status}" for c in self.state.calls[-8:])
        return f"last calls: [{calls}], pending updates: {len(self.state.updates)}"


def _message_id(message: int | FakeMessage | None) -> int | None:
    return message.message_id if isinstance(message, FakeMessage) else message
