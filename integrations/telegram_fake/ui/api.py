"""The chat UI's HTTP side: the page, a small JSON API to act as people, and a live event stream (SSE).

It sits on the fake's own aiohttp app, so one address serves the Bot API to the bot and the UI to a browser.
"""

from __future__ import annotations

import asyncio
import json
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from datetime import timedelta
from pathlib import Path
from typing import Any

from aiohttp import web

from integrations.telegram_fake.errors import FakeTelegramError, SimulationError
from integrations.telegram_fake.media import image_size
from integrations.telegram_fake.model import JSON, Change, ChangeKind, ChatType, FakeChat, FakeMessage, TelegramState
from integrations.telegram_fake.server import FakeTelegram
from integrations.telegram_fake.ui.views import ClockControl, Person, chat_json, clock_json, message_json

_HERE = Path(__file__).parent
# The page's files sit beside this module (package data); only these names are served.
_ASSETS = {
    "chat.js": "application/javascript",
    "chat.css": "text/css",
}
_HEARTBEAT_S = 15.0
_MAX_ADVANCE = timedelta(days=366)
_MAX_TEXT = 4096
_MAX_CAPTION = 1024  # what Telegram's clients let a (non-premium) user attach to a photo

# Put in every stream's queue when the server stops.
_CLOSING: JSON = {"event": "closing"}


class UiRequestError(FakeTelegramError):
    """A UI API request that cannot be carried out; ``status`` is the HTTP status it is answered with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@web.middleware
async def _errors(request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]) -> Any:
    """The one place UI errors become HTTP answers: a JSON ``{"error": ...}`` a person can read."""
    try:
        return await handler(request)
    except UiRequestError as exc:
        return web.json_response({"error": str(exc)}, status=exc.status)
    except SimulationError as exc:
        # The person tried something Telegram would not let them do (press a button that is gone).
        return web.json_response({"error": str(exc)}, status=409)


class ChatUI:
    """A browser chat UI over a :class:`FakeTelegram`. Mount it before the fake starts serving::

        ui = ChatUI(fake, people=[Person(7001, "Mrs Chan", "Residents", "3-502", phone="85291234567")])
        ui.mount()
        async with fake.serve(port=8080): ...   # the page at /, the API at /ui/api/

    ``clock`` (optional) lets the page move the demo's time forward; ``timezone`` is the one times are shown in.
    """

    def __init__(
        self,
        fake: FakeTelegram,
        *,
        people: Iterable[Person] = (),
        clock: ClockControl | None = None,
        timezone: str | None = None,
        title: str = "estatedesk demo",
        routes: Iterable[web.RouteDef] = (),
    ) -> None:
        self.fake = fake
        self.people = {person.user_id: person for person in people}
        self.clock = clock
        self.timezone = timezone
        self.title = title
        # More API routes under /ui/ (the demo's phone), served with the UI's error answers.
        self.routes = list(routes)
        # Changes that are not the fake's own (the clock moved) go to every open stream.
        self._streams: set[asyncio.Queue[Change | JSON]] = set()
        # A new boot id tells a reconnecting page that the world was replaced and it must reload.
        self.boot_id = secrets.token_hex(6)

    @property
    def state(self) -> TelegramState:
        return self.fake.state

    # --- wiring ------------------------------------------------------------------------------------------

    def make_app(self) -> web.Application:
        """The UI as an aiohttp app of its own: the page's assets and the JSON API, meant for ``/ui/``."""
        app = web.Application(middlewares=[_errors])
        app[UI_KEY] = self
        app.add_routes(
            [
                web.get("/", self._index),
                web.get("/assets/{name}", self._asset),
                web.get("/api/state", self._get_state),
                web.get("/api/people", self._get_people),
                web.get("/api/chats", self._get_chats),
                web.get("/api/chats/{chat_id}/messages", self._get_messages),
                web.post("/api/chats/{chat_id}/messages", self._post_text),
                web.post("/api/chats/{chat_id}/photos", self._post_file),
                web.post("/api/chats/{chat_id}/contact", self._post_contact),
                web.post("/api/chats/{chat_id}/messages/{message_id}/press", self._press),
                web.get("/api/files/{file_id}", self._file),
                web.get("/api/events", self._events),
                web.get("/api/clock", self._get_clock),
                web.post("/api/clock", self._post_clock),
                *self.routes,
            ]
        )
        app.on_shutdown.append(self._shutdown)
        return app

    def mount(self, root: web.Application | None = None) -> None:
        """Serve the page at ``/`` and the UI under ``/ui/`` of ``root`` (the fake's own app by default)."""
        root = root if root is not None else self.fake.app
        root.router.add_get("/", self._index)
        root.add_subapp("/ui/", self.make_app())

    async def _shutdown(self, app: web.Application) -> None:
        # Open event streams end now, before the server waits for its handlers to finish.
        self.broadcast(_CLOSING)

    # --- the page ----------------------------------------------------------------------------------------

    async def _index(self, request: web.Request) -> web.StreamResponse:
        return web.FileResponse(_HERE / "index.html", headers={"Cache-Control": "no-cache"})

    async def _asset(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        if name not in _ASSETS:
            raise web.HTTPNotFound()
        return web.FileResponse(_HERE / name, headers={"Content-Type": _ASSETS[name], "Cache-Control": "no-cache"})

    # --- reading -----------------------------------------------------------------------------------------

    def chats(self) -> list[FakeChat]:
        """Groups first, then the private chats of the people one can act as, then any other chat in use."""
        chats = self.state.chats.values()
        groups = [c for c in chats if c.type is not ChatType.PRIVATE]
        known = [self.state.chats[p.user_id] for p in self.people.values() if p.user_id in self.state.chats]
        known_private = [c for c in known if c.type is ChatType.PRIVATE]
        listed = {c.id for c in groups} | {c.id for c in known_private}
        others = [c for c in chats if c.id not in listed and c.messages]
        return groups + known_private + others

    def _chat(self, request: web.Request) -> FakeChat:
        chat_id = _int(request.match_info["chat_id"], "chat_id")
        chat = self.state.chat(chat_id)
        if chat is None:
            raise UiRequestError(404, f"no chat {chat_id}")
        return chat

    async def _get_state(self, request: web.Request) -> web.Response:
        return web.json_response(
            {
                "title": self.title,
                "boot_id": self.boot_id,
                "bot": {
                    "id": self.state.bot.id,
                    "name": self.state.bot.first_name,
                    "username": self.state.bot.username,
                },
                "timezone": self.timezone,
                "people": [p.to_json() for p in self.people.values()],
                "chats": [chat_json(self.state, c) for c in self.chats()],
                "clock": clock_json(self.clock) if self.clock is not None else None,
            }
        )

    async def _get_people(self, request: web.Request) -> web.Response:
        return web.json_response([p.to_json() for p in self.people.values()])

    async def _get_chats(self, request: web.Request) -> web.Response:
        return web.json_response([chat_json(self.state, c) for c in self.chats()])

    async def _get_messages(self, request: web.Request) -> web.Response:
        chat = self._chat(request)
        limit = _int(request.query.get("limit", "500"), "limit")
        messages = self.state.messages(chat.id)[-max(1, min(limit, 5000)) :]
        return web.json_response(
            {"chat": chat_json(self.state, chat), "messages": [message_json(self.state, m) for m in messages]}
        )

    async def _file(self, request: web.Request) -> web.StreamResponse:
        stored = self.state.files.get(request.match_info["file_id"])
        if stored is None:
            raise web.HTTPNotFound()
        headers = {"Cache-Control": "private, max-age=86400"}
        return web.Response(
            body=stored.data, content_type=stored.mime_type or "application/octet-stream", headers=headers
        )

    # --- acting as a person ------------------------------------------------------------------------------

    def _posted(self, chat: FakeChat, update: JSON) -> web.Response:
        """The answer to a person's message: the update the bot gets and the message as the chat shows it."""
        message_id = update["message"]["message_id"]
        posted = chat.message(message_id)
        return web.json_response(
            {
                "update_id": update["update_id"],
                "message": message_json(self.state, posted) if posted is not None else None,
                "chat": chat_json(self.state, chat),
            }
        )

    async def _post_text(self, request: web.Request) -> web.Response:
        chat = self._chat(request)
        body = await json_body(request)
        user_id = _int(body.get("user_id"), "user_id")
        text = body.get("text")
        if not isinstance(text, str) or not text.strip():
            raise UiRequestError(400, "text is empty")
        if len(text) > _MAX_TEXT:
            raise UiRequestError(400, f"text is longer than Telegram's {_MAX_TEXT} characters")
        update = await self.fake.send_text(
            user_id,
            text,
            chat_id=chat.id,
            reply_to=_optional_int(body.get("reply_to"), "reply_to"),
            thread_id=_optional_int(body.get("thread_id"), "thread_id"),
        )
        return self._posted(chat, update)

    async def _post_file(self, request: web.Request) -> web.Response:
        """A photo (any image) or, for other files, a document; multipart with the file in ``photo``."""
        chat = self._chat(request)
        if request.content_type != "multipart/form-data":
            raise UiRequestError(400, "send the photo as multipart/form-data")
        form = await request.post()
        upload = form.get("photo")
        if not isinstance(upload, web.FileField):
            raise UiRequestError(400, "no file in the form field 'photo'")
        data = upload.file.read()
        if not data:
            raise UiRequestError(400, "the file is empty")
        user_id = _int(form.get("user_id"), "user_id")
        caption = form.get("caption")
        caption = caption.strip() if isinstance(caption, str) and caption.strip() else None
        if caption is not None and len(caption) > _MAX_CAPTION:
            raise UiRequestError(400, f"caption is longer than Telegram's {_MAX_CAPTION} characters")
        reply_to = _optional_int(form.get("reply_to"), "reply_to")
        thread_id = _optional_int(form.get("thread_id"), "thread_id")
        if image_size(data) is not None:
            update = await self.fake.send_photo(
                user_id, data, caption=caption, chat_id=chat.id, reply_to=reply_to, thread_id=thread_id
            )
        else:
            # Telegram's clients send anything that is not a picture as a file.
            update = self.state.user_document(
                user_id,
                data,
                upload.filename or "file",
                upload.content_type or "application/octet-stream",
                caption,
                chat_id=chat.id,
                reply_to=reply_to,
                thread_id=thread_id,
            )
        return self._posted(chat, update)

    async def _post_contact(self, request: web.Request) -> web.Response:
        """The person taps "share my phone number": their own contact, with their phone, as Telegram sends it."""
        chat = self._chat(request)
        body = await json_body(request)
        user_id = _int(body.get("user_id"), "user_id")
        person = self.people.get(user_id)
        if person is None or person.phone is None:
            raise UiRequestError(409, f"user {user_id} has no phone number in the demo to share")
        update = await self.fake.send_contact(user_id, person.phone, chat_id=chat.id)
        return self._posted(chat, update)

    async def _press(self, request: web.Request) -> web.Response:
        chat = self._chat(request)
        message_id = _int(request.match_info["message_id"], "message_id")
        message = chat.message(message_id)
        if message is None:
            raise UiRequestError(404, f"no message {message_id} in chat {chat.id}")
        body = await json_body(request)
        user_id = _int(body.get("user_id"), "user_id")
        data = body.get("callback_data")
        if not isinstance(data, str) or not data:
            raise UiRequestError(400, "callback_data is empty")
        update = await self.fake.press(user_id, message, data)
        return web.json_response(
            {"update_id": update["update_id"], "callback_query_id": update["callback_query"]["id"]}
        )

    # --- the clock ---------------------------------------------------------------------------------------

    def _clock(self) -> ClockControl:
        if self.clock is None:
            raise UiRequestError(404, "this server has no demo clock")
        return self.clock

    async def _get_clock(self, request: web.Request) -> web.Response:
        return web.json_response(clock_json(self._clock()))

    async def _post_clock(self, request: web.Request) -> web.Response:
        """Move the demo clock forward by ``seconds``; what became due (reminders, sweeps) runs before the answer."""
        clock = self._clock()
        body = await json_body(request)
        seconds = body.get("seconds")
        if isinstance(seconds, bool) or not isinstance(seconds, int | float) or seconds <= 0:
            raise UiRequestError(400, "seconds must be a positive number")
        delta = timedelta(seconds=seconds)
        if delta > _MAX_ADVANCE:
            raise UiRequestError(400, "the clock moves at most a year at a time")
        await clock.advance(delta)
        now = clock_json(clock)
        self.broadcast({"event": "clock", **now})
        return web.json_response(now)

    def broadcast(self, event: JSON) -> None:
        """Send ``event`` (its name under ``"event"``) to every open stream."""
        for queue in list(self._streams):
            queue.put_nowait(event)

    # --- the live stream ---------------------------------------------------------------------------------

    async def _events(self, request: web.Request) -> web.StreamResponse:
        """Server-sent events: every new, edited or deleted message, popup answer, "typing…" and clock move."""
        response = web.StreamResponse(
            headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
        )
        await response.prepare(request)
        queue: asyncio.Queue[Change | JSON] = asyncio.Queue()
        unsubscribe = self.state.subscribe(queue.put_nowait)
        self._streams.add(queue)
        try:
            await response.write(_sse("hello", {"boot_id": self.boot_id}, retry_ms=1500))
            async for name, payload in self._stream(queue):
                await response.write(_sse(name, payload))
        except ConnectionResetError:
            pass  # the page went away
        finally:
            unsubscribe()
            self._streams.discard(queue)
        return response

    async def _stream(self, queue: asyncio.Queue[Change | JSON]) -> AsyncIterator[tuple[str, JSON | None]]:
        while True:
            getter = asyncio.ensure_future(queue.get())
            try:
                done, _pending = await asyncio.wait({getter}, timeout=_HEARTBEAT_S)
            finally:
                if not getter.done():
                    # Cancelled before it took anything (a heartbeat is due, or the page went away and the
                    # handler is being cancelled): an item arriving now stays in the queue, and no task is
                    # left pending on a queue nobody reads.
                    getter.cancel()
            if not done:
                yield "ping", None
                continue
            item = getter.result()
            if item is _CLOSING:
                return
            event = self._event_of(item)
            if event is not None:
                yield event

    def _event_of(self, item: Change | JSON) -> tuple[str, JSON] | None:
        # Serialised when sent, not when announced: a person's post has by then also updated the keyboard.
        if isinstance(item, dict):
            return str(item["event"]), {k: v for k, v in item.items() if k != "event"}
        chat = self.state.chat(item.chat_id)
        if chat is None:
            return None
        if item.kind in (
            ChangeKind.NEW_MESSAGE,
            ChangeKind.EDITED_MESSAGE,
            ChangeKind.DELETED_MESSAGE,
            ChangeKind.MESSAGE_REACTION,
        ):
            message: FakeMessage | None = item.message
            if message is None:
                return None
            return "message", {
                "kind": str(item.kind),
                "chat_id": chat.id,
                "message": message_json(self.state, message),
                "chat": chat_json(self.state, chat),
            }
        return str(item.kind), {"chat_id": chat.id, **(item.detail or {})}


# Where the UI app keeps its ChatUI, for handlers added by others.
UI_KEY = web.AppKey("telegram_fake_ui", ChatUI)


def _sse(name: str, payload: JSON | None, *, retry_ms: int | None = None) -> bytes:
    if payload is None:
        return b": ping\n\n"
    head = f"retry: {retry_ms}\n" if retry_ms is not None else ""
    return f"{head}event: {name}\ndata: {json.dumps(payload, ensure_ascii=False)}\n\n".encode()


async def json_body(request: web.Request) -> JSON:
    try:
        body = await request.json()
    except ValueError:
        raise UiRequestError(400, "the body is not JSON") from None
    if not isinstance(body, dict):
        raise UiRequestError(400, "the body must be a JSON object")
    return body


def _int(value: Any, name: str) -> int:
    if isinstance(value, bool):
        raise UiRequestError(400, f"{name} must be a whole number")
    try:
        return int(value)
    except (TypeError, ValueError):
        raise UiRequestError(400, f"{name} must be a whole number") from None


def _optional_int(value: Any, name: str) -> int | None:
    return None if value in (None, "") else _int(value, name)
