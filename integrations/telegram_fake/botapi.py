"""The Bot API over HTTP: aiohttp handlers for ``/bot{token}/{method}`` and file downloads, answering as Telegram."""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

from aiohttp import web

from integrations.telegram_fake import formatting
from integrations.telegram_fake.errors import BotApiError, bad_request, too_many_requests
from integrations.telegram_fake.limits import FloodControl
from integrations.telegram_fake.model import (
    FORUM_ICON_COLORS,
    INLINE_BUTTON_ACTIONS,
    JSON,
    ApiCall,
    ChatType,
    FakeChat,
    FakeMessage,
    ForumTopic,
    TelegramState,
    WebhookSettings,
)

_LOG = logging.getLogger(__name__)

# Parameters whose values are JSON documents inside a form field.
_JSON_PARAMS = frozenset(
    {"reply_markup", "entities", "caption_entities", "media", "allowed_updates", "commands", "scope",
     "reply_parameters", "link_preview_options"}
)  # fmt: skip
_CHAT_ACTIONS = frozenset(
    {"typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice", "upload_document",
     "choose_sticker", "find_location", "record_video_note", "upload_video_note"}
)  # fmt: skip
_REPLY_BUTTON_REQUESTS = ("request_contact", "request_location", "request_poll", "request_users", "request_chat",
                          "web_app")  # fmt: skip
# The emoji Telegram accepts in ReactionTypeEmoji (Bot API, "ReactionTypeEmoji").
REACTION_EMOJI = frozenset(
    "❤ 👍 👎 🔥 🥰 👏 😁 🤔 🤯 😱 🤬 😢 🎉 🤩 🤮 💩 🙏 👌 🕊 🤡 🥱 🥴 😍 🐳 ❤‍🔥 🌚 🌭 💯 🤣 ⚡ 🍌 🏆 💔 🤨 😐 🍓 🍾 💋 "
    "🖕 😈 😴 😭 🤓 👻 👨‍💻 👀 🎃 🙈 😇 😨 🤝 ✍ 🤗 🫡 🎅 🎄 ☃ 💅 🤪 🗿 🆒 💘 🙉 🦄 😘 💊 🙊 😎 👾 🤷‍♂ 🤷 🤷‍♀ 😡".split()
)
_LONG_POLL_MAX_S = 50
# Telegram refuses to answer a callback query a short while after the press ("query is too old");
# the exact limit is not documented, bots see it from about 10-15 s on.
CALLBACK_ANSWER_WINDOW_S = 15.0
_MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024
_MAX_UPLOAD_BYTES = 50 * 1024 * 1024
_NGINX_502 = (
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n"
    "<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n"
)
_CONFLICT_OTHER_POLL = (
    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
)


@dataclass(frozen=True)
class UploadedFile:
    filename: str | None
    content_type: str
    data: bytes


class Params:
    """A request's parameters, whichever way they came, with Telegram's loose typing (numbers as strings).

    Bodies come as query string, urlencoded form, multipart or JSON; python-telegram-bot JSON-encodes nested
    values such as ``reply_markup`` inside form fields, so those are decoded on use.
    """

    def __init__(self, values: dict[str, Any], uploads: dict[str, UploadedFile]) -> None:
        self.values = values
        self.uploads = uploads

    def raw(self, name: str) -> Any:
        value = self.values.get(name)
        # Telegram treats an empty argument as a missing one.
        return None if value == "" else value

    def text(self, name: str) -> str | None:
        value = self.raw(name)
        if value is None:
            return None
        if isinstance(value, bool):
            return "true" if value else "false"
        return value if isinstance(value, str) else json.dumps(value)

    def integer(self, name: str, default: int | None = None) -> int | None:
        value = self.raw(name)
        if value is None:
            return default
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, int):
            return value
        try:
            return int(str(value).strip())
        except ValueError:
            raise bad_request(f"invalid {name} specified") from None

    def flag(self, name: str) -> bool:
        value = self.raw(name)
        if isinstance(value, str):
            return value.strip().lower() in ("true", "1")
        return bool(value)

    def document(self, name: str, what: str) -> Any:
        """A JSON-valued parameter, decoded; ``what`` names it in the error ("reply markup")."""
        value = self.raw(name)
        if not isinstance(value, str):
            return value
        try:
            return json.loads(value)
        except ValueError:
            raise bad_request(f"can't parse {what} JSON object") from None

    def upload(self, name: str) -> UploadedFile | None:
        return self.uploads.get(name)

    def recorded(self) -> JSON:
        """The parameters as a test wants to read them: JSON fields decoded, uploads summarised."""
        result: JSON = {}
        for key, value in self.values.items():
            if key in _JSON_PARAMS and isinstance(value, str):
                try:
                    value = json.loads(value)
                except ValueError:
                    pass
            result[key] = value
        for key, upload in self.uploads.items():
            result[key] = {"filename": upload.filename, "content_type": upload.content_type, "size": len(upload.data)}
        return result


async def read_params(request: web.Request) -> Params:
    values: dict[str, Any] = dict(request.query)
    uploads: dict[str, UploadedFile] = {}
    if request.method == "POST" and request.body_exists:
        content_type = request.content_type
        if content_type == "application/json":
            try:
                body = json.loads(await request.read())
            except ValueError as exc:
                raise bad_request(f"can't parse JSON encoded request: {exc}") from None
            if not isinstance(body, dict):
                raise bad_request("can't parse JSON encoded request: expected an Object")
            values.update(body)
        elif content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            form = await request.post()
            for key, value in form.items():
                if isinstance(value, web.FileField):
                    uploads[key] = UploadedFile(value.filename, value.content_type, value.file.read())
                else:
                    values[key] = value
    return Params(values, uploads)


@dataclass
class Described:
    """A successful result that carries Telegram's optional ``description`` ("Webhook was set")."""

    result: Any
    description: str


@dataclass
class FakeStats:
    flood_limited: int = 0  # 429s the flood limits gave out
    too_many_requests: int = 0  # every 429, injected ones included
    injected_failures: int = 0
    forbidden: int = 0  # sends refused because the chat blocked or removed the bot


@dataclass
class _Fault:
    method: str
    status: int
    remaining: int
    retry_after: int
    description: str | None

    def error(self) -> BotApiError:
        if self.status == 429:
            if self.description:
                return BotApiError(429, self.description, retry_after=self.retry_after)
            return too_many_requests(self.retry_after)
        if self.description:
            return BotApiError(self.status, self.description)
        defaults = {
            400: "Bad Request: injected failure",
            401: "Unauthorized",
            403: "Forbidden: bot was blocked by the user",
            409: _CONFLICT_OTHER_POLL,
            500: "Internal Server Error",
        }
        if self.status == 502:
            # Telegram's front proxy answers a 502 with an HTML page, not the JSON envelope.
            return BotApiError(502, "Bad Gateway", html_body=_NGINX_502)
        try:
            fallback = HTTPStatus(self.status).phrase
        except ValueError:
            fallback = "Error"
        return BotApiError(self.status, defaults.get(self.status, fallback))


@dataclass
class Hold:
    """A request a test holds back before Telegram sees it (see :meth:`BotApi.hold`)."""

    method: str
    chat_id: int | None
    skip: int
    reached: asyncio.Event = field(default_factory=asyncio.Event)
    released: asyncio.Event = field(default_factory=asyncio.Event)

    def matches(self, method: str, params: Params) -> bool:
        if self.reached.is_set() or method.lower() != self.method:
            return False
        if self.chat_id is not None and params.raw("chat_id") not in (self.chat_id, str(self.chat_id)):
            return False
        if self.skip > 0:
            self.skip -= 1
            return False
        return True

    def release(self) -> None:
        self.released.set()


@dataclass
class _LongPoll:
    aborted: str | None = None


@dataclass
class _Faults:
    pending: list[_Fault] = field(default_factory=list)

    def take(self, method: str) -> BotApiError | None:
        for fault in self.pending:
            if fault.remaining > 0 and fault.method in (method.lower(), "*"):
                fault.remaining -= 1
                if fault.remaining == 0:
                    self.pending.remove(fault)
                return fault.error()
        return None


Handler = Callable[[Params], Awaitable[Any]]


class BotApi:
    """Telegram's Bot API methods over a :class:`TelegramState`."""

    def __init__(
        self, state: TelegramState, *, token: str | None, flood: FloodControl | None, stats: FakeStats
    ) -> None:
        self.state = state
        self.token = token
        self.flood = flood
        self.stats = stats
        self.faults = _Faults()
        self.holds: list[Hold] = []
        self.closing = False
        self._poll: _LongPoll | None = None
        self.methods: dict[str, Handler] = {
            "getme": self.get_me,
            "getupdates": self.get_updates,
            "setwebhook": self.set_webhook,
            "deletewebhook": self.delete_webhook,
            "getwebhookinfo": self.get_webhook_info,
            "sendmessage": self.send_message,
            "sendphoto": self.send_photo,
            "senddocument": self.send_document,
            "sendmediagroup": self.send_media_group,
            "editmessagetext": self.edit_message_text,
            "editmessagereplymarkup": self.edit_message_reply_markup,
            "editmessagecaption": self.edit_message_caption,
            "deletemessage": self.delete_message,
            "answercallbackquery": self.answer_callback_query,
            "getfile": self.get_file,
            "setmycommands": self.set_my_commands,
            "getmycommands": self.get_my_commands,
            "deletemycommands": self.delete_my_commands,
            "sendchataction": self.send_chat_action,
            "setmessagereaction": self.set_message_reaction,
            "getchat": self.get_chat,
            "createforumtopic": self.create_forum_topic,
            "editforumtopic": self.edit_forum_topic,
            "closeforumtopic": self.close_forum_topic,
            "reopenforumtopic": self.reopen_forum_topic,
        }

    def inject(self, method: str, status: int, *, times: int, retry_after: int, description: str | None) -> None:
        """Make the next ``times`` calls of ``method`` ("*" for any) fail with ``status`` instead of running."""
        self.faults.pending.append(_Fault(method.lower(), status, times, retry_after, description))

    def hold(self, method: str, *, chat_id: int | None = None, skip: int = 0) -> Hold:
        """Hold the next call of ``method`` (to ``chat_id``; after ``skip`` matching ones) before it is
        recorded or run, until :meth:`Hold.release`: a request still on its way when the caller dies."""
        hold = Hold(method.lower(), chat_id, skip)
        self.holds.append(hold)
        return hold

    # --- HTTP --------------------------------------------------------------------------------------------

    def routes(self) -> list[web.RouteDef]:
        return [
            web.route("*", "/bot{token}/{method}", self._bot_endpoint),
            web.get("/file/bot{token}/{file_path:.+}", self._file_endpoint),
        ]

    def _token_ok(self, token: str) -> bool:
        return self.token is None or hmac.compare_digest(token.encode(), self.token.encode())

    async def _bot_endpoint(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        if not self._token_ok(request.match_info["token"]):
            return _error_response(BotApiError(401, "Unauthorized"))
        handler = self.methods.get(method.lower())
        if handler is None:
            return _error_response(BotApiError(404, "Not Found"))
        try:
            params = await read_params(request)
        except BotApiError as exc:
            return _error_response(exc)
        hold = next((h for h in self.holds if h.matches(method, params)), None)
        if hold is not None:
            hold.reached.set()
            await hold.released.wait()
        call = ApiCall(method, params.recorded(), self.state.clock())
        self.state.calls.append(call)
        self.state.touch()
        try:
            injected = self.faults.take(method)
            if injected is not None:
                self.stats.injected_failures += 1
                call.injected = True
                raise injected
            result = await handler(params)
        except BotApiError as exc:
            call.status, call.description = exc.status, exc.description
            if exc.status == 429:
                self.stats.too_many_requests += 1
            self.state.touch()
            return _error_response(exc)
        except Exception:
            # A bug in the fake itself: answer as Telegram's own failures look, and leave the trace in the log.
            _LOG.exception("the fake Telegram failed on %s", method)
            failure = BotApiError(500, "Internal Server Error: the fake Telegram failed, see its log")
            call.status, call.description = failure.status, failure.description
            self.state.touch()
            return _error_response(failure)
        description = None
        if isinstance(result, Described):
            result, description = result.result, result.description
        call.status, call.result, call.description = 200, result, description
        self.state.touch()
        body: JSON = {"ok": True, "result": result}
        if description:
            body["description"] = description
        return web.json_response(body)

    async def _file_endpoint(self, request: web.Request) -> web.StreamResponse:
        if not self._token_ok(request.match_info["token"]):
            return _error_response(BotApiError(401, "Unauthorized"))
        stored = self.state.file_by_path(request.match_info["file_path"])
        if stored is None:
            return _error_response(BotApiError(404, "Not Found"))
        return web.Response(body=stored.data, content_type=stored.mime_type or "application/octet-stream")

    # --- shared checks -------------------------------------------------------------------------------------

    def _chat(self, params: Params, name: str = "chat_id") -> FakeChat:
        value = params.raw(name)
        if value is None:
            raise bad_request(f"{name} is empty")
        if isinstance(value, str) and value.strip().startswith("@"):
            chat = self.state.chat_by_username(value.strip())
        else:
            try:
                chat = self.state.chat(int(str(value).strip()))
            except ValueError:
                chat = None
        if chat is None:
            raise bad_request("chat not found")
        return chat

    def _writable(self, chat: FakeChat) -> None:
        if chat.migrated_to is not None:
            raise BotApiError(
                400, "Bad Request: group chat was upgraded to a supergroup chat", migrate_to_chat_id=chat.migrated_to
            )
        if not chat.blocked:
            return
        self.stats.forbidden += 1
        if chat.type is ChatType.PRIVATE:
            raise BotApiError(403, "Forbidden: bot was blocked by the user")
        raise BotApiError(403, f"Forbidden: bot was kicked from the {chat.type} chat")

    def _admit(self, chat: FakeChat, count: int = 1) -> None:
        if self.flood is None:
            return
        retry_after = self.flood.admit(chat.id, private=chat.type is ChatType.PRIVATE, count=count)
        if retry_after is not None:
            self.stats.flood_limited += 1
            raise too_many_requests(retry_after)

    def _formatted(
        self, text: str, parse_mode: str | None, entities: Any, *, caption: bool
    ) -> tuple[str, list[formatting.Entity]]:
        if len(text.encode("utf-8")) > 1 << 15:
            raise bad_request("text is too long")
        try:
            plain, found = formatting.parse(text, parse_mode)
        except formatting.ParseError as exc:
            raise bad_request(f"can't parse entities: {exc}") from None
        except ValueError:
            raise bad_request("unsupported parse_mode") from None
        if not parse_mode and entities:
            found = _checked_entities(entities)
        plain, found = formatting.trim(plain, found)
        limit, too_long = (
            (formatting.MAX_CAPTION_LENGTH, "message caption is too long")
            if caption
            else (formatting.MAX_TEXT_LENGTH, "message is too long")
        )
        if len(plain) > limit:
            raise bad_request(too_long)
        return plain, formatting.with_auto_entities(plain, found)

    def _text_param(self, params: Params) -> tuple[str, list[formatting.Entity]]:
        text = params.text("text")
        if text is None:
            raise bad_request("message text is empty")
        plain, entities = self._formatted(
            text, params.text("parse_mode"), params.document("entities", "entities"), caption=False
        )
        if not plain:
            raise bad_request("message text is empty")
        return plain, entities

    def _caption_param(self, params: Params) -> tuple[str | None, list[formatting.Entity]]:
        caption = params.text("caption")
        if caption is None:
            return None, []
        plain, entities = self._formatted(
            caption,
            params.text("parse_mode"),
            params.document("caption_entities", "caption entities"),
            caption=True,
        )
        return (plain or None), entities

    def _markup(self, params: Params, *, inline_only: bool = False) -> JSON | None:
        markup = params.document("reply_markup", "reply markup")
        if markup is None:
            return None
        checked = _checked_markup(markup)
        if inline_only and "inline_keyboard" not in checked:
            raise bad_request("inline keyboard expected")
        return checked

    def _placement(self, chat: FakeChat, params: Params) -> JSON:
        """reply_to_message_id, message_thread_id and is_topic_message for a new bot message."""
        reply_to: int | None = None
        allow_without = params.flag("allow_sending_without_reply")
        parameters = params.document("reply_parameters", "reply parameters")
        if parameters is not None:
            if not isinstance(parameters, dict) or "message_id" not in parameters:
                raise bad_request("object expected as reply parameters")
            reply_to = int(parameters["message_id"])
            allow_without = bool(parameters.get("allow_sending_without_reply", allow_without))
            other_chat = parameters.get("chat_id")
            if other_chat is not None and str(other_chat) != str(chat.id):
                raise bad_request("message to be replied not found")
        else:
            reply_to = params.integer("reply_to_message_id")
        replied = chat.message(reply_to) if reply_to is not None else None
        if reply_to is not None and replied is None:
            if not allow_without:
                raise bad_request("message to be replied not found")
            reply_to = None
        thread_id = params.integer("message_thread_id")
        if thread_id is None and replied is not None and chat.is_forum:
            thread_id = replied.message_thread_id
        is_topic = False
        if thread_id is not None:
            if chat.is_forum:
                topic = chat.topics.get(thread_id)
                if topic is None:
                    raise bad_request("message thread not found")
                if topic.is_closed and not chat.bot_is_admin:
                    raise bad_request("TOPIC_CLOSED")
                is_topic = True
            elif chat.message(thread_id) is None:
                raise bad_request("message thread not found")
        return {"reply_to_message_id": reply_to, "message_thread_id": thread_id, "is_topic_message": is_topic}

    def _post(self, chat: FakeChat, **content: Any) -> FakeMessage:
        markup = content.get("reply_markup")
        if markup is not None:
            if "keyboard" in markup:
                chat.reply_keyboard = markup
            elif markup.get("remove_keyboard"):
                chat.reply_keyboard = None
        return self.state.post(chat, self.state.bot, **content)

    def _own_message(self, params: Params, what: str) -> tuple[FakeChat, FakeMessage]:
        if params.raw("inline_message_id") is not None:
            raise bad_request("the fake Telegram does not support inline messages")
        chat = self._chat(params)
        message_id = params.integer("message_id")
        message = chat.message(message_id) if message_id is not None else None
        if message is None:
            raise bad_request(f"{what} not found")
        return chat, message

    def _editable(self, params: Params) -> tuple[FakeChat, FakeMessage]:
        chat, message = self._own_message(params, "message to edit")
        self._writable(chat)
        if not message.from_bot or message.service:
            raise bad_request("message can't be edited")
        return chat, message

    def _input_file(self, params: Params, name: str, value: Any = None) -> UploadedFile | str:
        """An upload (multipart part or attach://) or an existing file_id."""
        if value is None:
            upload = params.upload(name)
            if upload is not None:
                return _non_empty(upload)
            value = params.raw(name)
        if not isinstance(value, str) or not value:
            raise bad_request(f"there is no {name} in the request")
        if value.startswith("attach://"):
            upload = params.upload(value[len("attach://") :])
            if upload is None:
                raise bad_request(f"file {value} not found in the request")
            return _non_empty(upload)
        return value

    def _photo_sizes(self, source: UploadedFile | str) -> list[JSON]:
        if isinstance(source, UploadedFile):
            try:
                return self.state.store_photo(source.data)
            except ValueError:
                raise bad_request("IMAGE_PROCESS_FAILED") from None
        sizes = self.state.photo_sizes_of(source)
        if sizes is None:
            if source in self.state.files:
                raise bad_request("type of file mismatch")
            raise bad_request("wrong file identifier/HTTP URL specified")
        return sizes

    def _document(self, source: UploadedFile | str) -> JSON:
        if isinstance(source, UploadedFile):
            stored = self.state.store_file(
                source.data,
                kind="documents",
                file_name=source.filename,
                mime_type=source.content_type or "application/octet-stream",
            )
        else:
            found = self.state.files.get(source)
            if found is None:
                raise bad_request("wrong file identifier/HTTP URL specified")
            if found.kind != "documents":
                raise bad_request("type of file mismatch")
            stored = found
        document: JSON = {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id}
        if stored.file_name:
            document["file_name"] = stored.file_name
        if stored.mime_type:
            document["mime_type"] = stored.mime_type
        document["file_size"] = len(stored.data)
        return document

    # --- methods: bot and updates --------------------------------------------------------------------------

    async def get_me(self, params: Params) -> Any:
        return self.state.bot.me()

    def abort_long_poll(self, reason: str) -> None:
        if self._poll is not None:
            self._poll.aborted = reason
            self._poll = None
            self.state.touch()

    async def get_updates(self, params: Params) -> Any:
        if self.state.webhook is not None:
            raise BotApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        offset = params.integer("offset", 0) or 0
        limit = min(max(params.integer("limit", 100) or 100, 1), 100)
        timeout = min(max(params.integer("timeout", 0) or 0, 0), _LONG_POLL_MAX_S)
        allowed = params.document("allowed_updates", "allowed updates")
        if isinstance(allowed, list):
            # Like Telegram: this only changes which updates are queued from now on.
            self.state.allowed_updates = [str(kind) for kind in allowed]
        self.abort_long_poll(_CONFLICT_OTHER_POLL)
        poll = self._poll = _LongPoll()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        try:
            while True:
                if poll.aborted:
                    raise BotApiError(409, poll.aborted)
                batch = self.state.poll(offset, limit)
                remaining = deadline - loop.time()
                if batch or remaining <= 0 or self.closing:
                    return batch
                await self.state.wait_change(remaining)
        finally:
            if self._poll is poll:
                self._poll = None

    async def set_webhook(self, params: Params) -> Any:
        url = params.text("url") or ""
        if not url:
            return await self.delete_webhook(params)
        if not re.match(r"^https?://[^/\s:]+(:\d+)?(/\S*)?$", url):
            raise bad_request("invalid webhook URL specified")
        secret = params.text("secret_token")
        if secret is not None:
            if len(secret) > 256:
                raise bad_request("secret token is too long")
            if not re.fullmatch(r"[A-Za-z0-9_-]+", secret):
                raise bad_request("secret token contains unallowed characters")
        max_connections = min(max(params.integer("max_connections", 40) or 40, 1), 100)
        allowed = params.document("allowed_updates", "allowed updates")
        allowed_list = [str(kind) for kind in allowed] if isinstance(allowed, list) else None
        if params.flag("drop_pending_updates"):
            self.state.drop_pending_updates()
        current = self.state.webhook
        if current is not None and (current.url, current.secret_token, current.max_connections) == (
            url,
            secret,
            max_connections,
        ):
            if allowed_list is not None:
                current.allowed_updates = allowed_list
            return Described(True, "Webhook is already set")
        self.state.set_webhook(
            WebhookSettings(
                url,
                secret_token=secret,
                max_connections=max_connections,
                allowed_updates=allowed_list,
                ip_address=params.text("ip_address"),
            )
        )
        self.abort_long_poll("Conflict: terminated by setWebhook request")
        return Described(True, "Webhook was set")

    async def delete_webhook(self, params: Params) -> Any:
        if params.flag("drop_pending_updates"):
            self.state.drop_pending_updates()
        if self.state.webhook is None:
            return Described(True, "Webhook is already deleted")
        self.state.delete_webhook()
        return Described(True, "Webhook was deleted")

    async def get_webhook_info(self, params: Params) -> Any:
        hook = self.state.webhook
        info: JSON = {
            "url": hook.url if hook else "",
            "has_custom_certificate": False,
            "pending_update_count": len(self.state.updates),
        }
        if hook is not None:
            info["max_connections"] = hook.max_connections
            info["ip_address"] = hook.ip_address or "127.0.0.1"
            if hook.allowed_updates is not None:
                info["allowed_updates"] = hook.allowed_updates
        if self.state.webhook_last_error is not None:
            info["last_error_date"], info["last_error_message"] = self.state.webhook_last_error
        return info

    # --- methods: sending ----------------------------------------------------------------------------------

    async def send_message(self, params: Params) -> Any:
        chat = self._chat(params)
        self._writable(chat)
        text, entities = self._text_param(params)
        markup = self._markup(params)
        placement = self._placement(chat, params)
        self._admit(chat)
        message = self._post(chat, text=text, entities=entities, reply_markup=markup, **placement)
        return self.state.message_dict(message)

    async def send_photo(self, params: Params) -> Any:
        chat = self._chat(params)
        self._writable(chat)
        caption, entities = self._caption_param(params)
        markup = self._markup(params)
        placement = self._placement(chat, params)
        sizes = self._photo_sizes(self._input_file(params, "photo"))
        self._admit(chat)
        message = self._post(
            chat, photo=sizes, caption=caption, caption_entities=entities, reply_markup=markup, **placement
        )
        return self.state.message_dict(message)

    async def send_document(self, params: Params) -> Any:
        chat = self._chat(params)
        self._writable(chat)
        caption, entities = self._caption_param(params)
        markup = self._markup(params)
        placement = self._placement(chat, params)
        document = self._document(self._input_file(params, "document"))
        self._admit(chat)
        message = self._post(
            chat, document=document, caption=caption, caption_entities=entities, reply_markup=markup, **placement
        )
        return self.state.message_dict(message)

    async def send_media_group(self, params: Params) -> Any:
        chat = self._chat(params)
        self._writable(chat)
        media = params.document("media", "media")
        if media is None:
            raise bad_request('parameter "media" is required')
        if not isinstance(media, list):
            raise bad_request("expected an Array of InputMedia")
        if len(media) > 10:
            raise bad_request("too many messages to send as an album")
        if len(media) < 2:
            raise bad_request("media group must include 2-10 items")
        kinds = {item.get("type") if isinstance(item, dict) else None for item in media}
        if not kinds <= {"photo", "document"}:
            raise bad_request("the fake Telegram sends albums of photos or of documents only")
        if len(kinds) > 1:
            raise bad_request("can't use the media of the specified type in the album")
        placement = self._placement(chat, params)
        contents: list[JSON] = []
        for item in media:
            source = self._input_file(params, "media", item.get("media"))
            caption: str | None = None
            entities: list[formatting.Entity] = []
            if item.get("caption"):
                caption, entities = self._formatted(
                    str(item["caption"]), item.get("parse_mode"), item.get("caption_entities"), caption=True
                )
            if item["type"] == "photo":
                contents.append({"photo": self._photo_sizes(source), "caption": caption, "caption_entities": entities})
            else:
                contents.append({"document": self._document(source), "caption": caption, "caption_entities": entities})
        self._admit(chat, len(contents))
        group_id = self.state.next_media_group_id()
        messages = [self._post(chat, media_group_id=group_id, **content, **placement) for content in contents]
        return [self.state.message_dict(message) for message in messages]

    async def send_chat_action(self, params: Params) -> Any:
        chat = self._chat(params)
        self._writable(chat)
        action = params.text("action")
        if action not in _CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")
        self.state.record_chat_action(chat.id, action, params.integer("message_thread_id"))
        return True

    async def set_message_reaction(self, params: Params) -> Any:
        """The bot's reaction to a message: one emoji of Telegram's list (bots are not premium), or none."""
        chat = self._chat(params)
        self._writable(chat)
        message_id = params.integer("message_id")
        message = chat.message(message_id) if message_id is not None else None
        if message is None or message.deleted:
            raise bad_request("message to react not found")
        if message.service:
            raise bad_request("REACTION_INVALID")
        reaction = params.document("reaction", "reaction") or []
        if not isinstance(reaction, list):
            raise bad_request("can't parse reaction types JSON object")
        emoji: list[str] = []
        for item in reaction:
            if not isinstance(item, dict) or item.get("type") != "emoji":
                # Custom emoji need the chat's permission and paid reactions are not for bots.
                raise bad_request("REACTION_INVALID")
            if item.get("emoji") not in REACTION_EMOJI:
                raise bad_request("REACTION_INVALID")
            emoji.append(str(item["emoji"]))
        if len(emoji) > 1:
            raise bad_request("REACTIONS_TOO_MANY")
        self.state.react(message, self.state.bot.id, emoji)
        return True

    # --- methods: editing ----------------------------------------------------------------------------------

    async def edit_message_text(self, params: Params) -> Any:
        _, message = self._editable(params)
        if message.text is None:
            raise bad_request("there is no text in the message to edit")
        text, entities = self._text_param(params)
        markup = _edited_markup(message, self._markup(params, inline_only=True))
        if (text, entities, markup) == (message.text, message.entities, message.reply_markup):
            raise _not_modified()
        self.state.edit(message, text=text, entities=entities, reply_markup=markup)
        return self.state.message_dict(message)

    async def edit_message_caption(self, params: Params) -> Any:
        _, message = self._editable(params)
        if not (message.photo or message.document):
            raise bad_request("there is no caption in the message to edit")
        caption, entities = self._caption_param(params)
        markup = _edited_markup(message, self._markup(params, inline_only=True))
        if (caption, entities, markup) == (message.caption, message.caption_entities, message.reply_markup):
            raise _not_modified()
        self.state.edit(message, caption=caption, caption_entities=entities, reply_markup=markup)
        return self.state.message_dict(message)

    async def edit_message_reply_markup(self, params: Params) -> Any:
        _, message = self._editable(params)
        markup = _edited_markup(message, self._markup(params, inline_only=True))
        if markup == message.reply_markup:
            raise _not_modified()
        self.state.edit(message, reply_markup=markup)
        return self.state.message_dict(message)

    async def delete_message(self, params: Params) -> Any:
        chat, message = self._own_message(params, "message to delete")
        if not message.from_bot and chat.type is not ChatType.PRIVATE and not chat.bot_is_admin:
            raise bad_request("message can't be deleted")
        self.state.delete(message)
        return True

    # --- methods: callbacks, files, commands, chats --------------------------------------------------------

    async def answer_callback_query(self, params: Params) -> Any:
        record = self.state.callback_queries.get(params.text("callback_query_id") or "")
        too_old = record is not None and self.state.clock() - record.created_at > CALLBACK_ANSWER_WINDOW_S
        if record is None or record.answered or too_old:
            raise bad_request("query is too old and response timeout expired or query ID is invalid")
        text = params.text("text")
        if text is not None and len(text) > 200:
            raise bad_request("MESSAGE_TOO_LONG")
        self.state.answer_callback(record, text, params.flag("show_alert"), params.text("url"))
        return True

    async def get_file(self, params: Params) -> Any:
        file_id = params.text("file_id")
        if not file_id:
            raise bad_request("file_id not specified")
        stored = self.state.files.get(file_id)
        if stored is None:
            raise bad_request("invalid file_id")
        if len(stored.data) > _MAX_DOWNLOAD_BYTES:
            raise bad_request("file is too big")
        return stored.to_api()

    def _commands_key(self, params: Params) -> tuple[str, str]:
        scope = params.document("scope", "BotCommandScope") or {"type": "default"}
        if not isinstance(scope, dict) or "type" not in scope:
            raise bad_request("can't parse BotCommandScope JSON object")
        return json.dumps(scope, sort_keys=True), params.text("language_code") or ""

    async def set_my_commands(self, params: Params) -> Any:
        commands = params.document("commands", "commands")
        if not isinstance(commands, list):
            raise bad_request("expected an Array of BotCommand")
        if len(commands) > 100:
            raise bad_request("too many commands specified")
        checked = []
        for command in commands:
            if not isinstance(command, dict):
                raise bad_request("expected an Object")
            name, description = str(command.get("command", "")), str(command.get("description", ""))
            if not re.fullmatch(r"[a-z0-9_]{1,32}", name):
                raise bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(description) <= 256:
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
            checked.append({"command": name, "description": description})
        self.state.commands[self._commands_key(params)] = checked
        return True

    async def get_my_commands(self, params: Params) -> Any:
        return self.state.commands.get(self._commands_key(params), [])

    async def delete_my_commands(self, params: Params) -> Any:
        self.state.commands.pop(self._commands_key(params), None)
        return True

    async def get_chat(self, params: Params) -> Any:
        return self._chat(params).full_info()

    # --- methods: forum topics -----------------------------------------------------------------------------

    def _forum(self, params: Params) -> FakeChat:
        chat = self._chat(params)
        if not chat.is_forum:
            raise bad_request("the chat is not a forum")
        return chat

    def _topic(self, chat: FakeChat, params: Params) -> ForumTopic:
        topic = chat.topics.get(params.integer("message_thread_id") or 0)
        if topic is None:
            raise bad_request("TOPIC_ID_INVALID")
        return topic

    def _service(self, chat: FakeChat, topic_id: int, service: JSON) -> FakeMessage:
        return self.state.post(chat, self.state.bot, service=service, message_thread_id=topic_id, is_topic_message=True)

    async def create_forum_topic(self, params: Params) -> Any:
        chat = self._forum(params)
        name = params.text("name") or ""
        if not name.strip():
            raise bad_request("TOPIC_TITLE_EMPTY")
        if len(name) > 128:
            raise bad_request("TOPIC_TITLE_TOO_LONG")
        color = params.integer("icon_color", FORUM_ICON_COLORS[0])
        if color not in FORUM_ICON_COLORS:
            raise bad_request("invalid icon_color specified")
        emoji = params.text("icon_custom_emoji_id")
        # A topic's id is the id of the service message that opens it.
        thread_id = chat.next_message_id
        topic = ForumTopic(thread_id, name, color, emoji)
        chat.topics[thread_id] = topic
        created: JSON = {"name": name, "icon_color": color}
        if emoji:
            created["icon_custom_emoji_id"] = emoji
        self._service(chat, thread_id, {"forum_topic_created": created})
        return topic.to_api()

    async def edit_forum_topic(self, params: Params) -> Any:
        chat = self._forum(params)
        topic = self._topic(chat, params)
        name = params.text("name")
        emoji = params.raw("icon_custom_emoji_id")
        edited: JSON = {}
        if name is not None and name != topic.name:
            if len(name) > 128:
                raise bad_request("TOPIC_TITLE_TOO_LONG")
            topic.name = edited["name"] = name
        if emoji is not None and emoji != (topic.icon_custom_emoji_id or ""):
            topic.icon_custom_emoji_id = str(emoji) or None
            edited["icon_custom_emoji_id"] = str(emoji)
        if not edited:
            raise bad_request("TOPIC_NOT_MODIFIED")
        self._service(chat, topic.message_thread_id, {"forum_topic_edited": edited})
        return True

    async def _toggle_topic(self, params: Params, *, closed: bool) -> Any:
        chat = self._forum(params)
        topic = self._topic(chat, params)
        if topic.is_closed == closed:
            raise bad_request("TOPIC_NOT_MODIFIED")
        topic.is_closed = closed
        self._service(chat, topic.message_thread_id, {"forum_topic_closed" if closed else "forum_topic_reopened": {}})
        return True

    async def close_forum_topic(self, params: Params) -> Any:
        return await self._toggle_topic(params, closed=True)

    async def reopen_forum_topic(self, params: Params) -> Any:
        return await self._toggle_topic(params, closed=False)


def _error_response(exc: BotApiError) -> web.Response:
    if exc.html_body is not None:
        return web.Response(status=exc.status, text=exc.html_body, content_type="text/html")
    return web.json_response(exc.envelope(), status=exc.status)


def _not_modified() -> BotApiError:
    return bad_request(
        "message is not modified: specified new message content and reply markup are exactly the same "
        "as a current content and reply markup of the message"
    )


def _non_empty(upload: UploadedFile) -> UploadedFile:
    if not upload.data:
        raise bad_request("file must be non-empty")
    return upload


def _edited_markup(message: FakeMessage, new_inline: JSON | None) -> JSON | None:
    """The markup after an edit: the new inline keyboard, or none (an edit without one removes it).

    A reply keyboard the message was sent with is not part of the message and survives.
    """
    if new_inline is not None:
        return new_inline
    if message.reply_markup is not None and "inline_keyboard" not in message.reply_markup:
        return message.reply_markup
    return None


def _checked_entities(entities: Any) -> list[formatting.Entity]:
    if not isinstance(entities, list):
        raise bad_request("can't parse entities JSON object")
    checked = []
    for entity in entities:
        if not isinstance(entity, dict) or not isinstance(entity.get("type"), str):
            raise bad_request("can't parse MessageEntity: expected an Object")
        try:
            offset, length = int(entity["offset"]), int(entity["length"])
        except (KeyError, TypeError, ValueError):
            raise bad_request('can\'t parse MessageEntity: Field "offset" must be of type Number') from None
        checked.append({**entity, "offset": offset, "length": length})
    return checked


def _checked_markup(markup: Any) -> JSON:
    if not isinstance(markup, dict):
        raise bad_request("object expected as reply markup")
    if "inline_keyboard" in markup:
        rows = markup["inline_keyboard"]
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise bad_request('field "inline_keyboard" must be an Array of Arrays')
        for row in rows:
            for button in row:
                _check_inline_button(button)
        return {"inline_keyboard": rows}
    if "keyboard" in markup:
        rows = markup["keyboard"]
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise bad_request('field "keyboard" must be an Array of Arrays')
        for row in rows:
            for button in row:
                if isinstance(button, str):
                    continue
                if not isinstance(button, dict) or not isinstance(button.get("text"), str):
                    raise bad_request("can't parse keyboard button: KeyboardButton must be a String or an Object")
                if sum(1 for key in _REPLY_BUTTON_REQUESTS if button.get(key)) > 1:
                    raise bad_request("can't parse keyboard button: only one request field is allowed")
        return markup
    if markup.get("remove_keyboard") or markup.get("force_reply"):
        return markup
    raise bad_request("can't parse reply keyboard markup JSON object")


def _check_inline_button(button: Any) -> None:
    if not isinstance(button, dict):
        raise bad_request("can't parse inline keyboard button: InlineKeyboardButton must be an Object")
    if not isinstance(button.get("text"), str):
        raise bad_request('can\'t parse inline keyboard button: Field "text" must be of type String')
    actions = [key for key in INLINE_BUTTON_ACTIONS if button.get(key) is not None]
    if not actions:
        raise bad_request("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard")
    if len(actions) > 1:
        # Stricter than Telegram, which silently uses one of them: the docs say "exactly one".
        raise bad_request(
            f"can't parse inline keyboard button: exactly one of the optional fields must be used, got {actions}"
        )
    data = button.get("callback_data")
    if data is not None and (not isinstance(data, str) or not 1 <= len(data.encode("utf-8")) <= 64):
        raise bad_request("BUTTON_DATA_INVALID")
    url = button.get("url")
    if url is not None and (not isinstance(url, str) or not url.strip()):
        raise bad_request("BUTTON_URL_INVALID")


def make_app(api: BotApi) -> web.Application:
    app = web.Application(client_max_size=_MAX_UPLOAD_BYTES)
    app.add_routes(api.routes())
    return app
