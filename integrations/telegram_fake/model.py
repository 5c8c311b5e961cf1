"""The fake Telegram's world as plain in-memory state: users, chats, messages, files and the update queue.

No HTTP here, so the Bot API handlers and a browser chat UI can share it; every change is announced.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import time
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from integrations.telegram_fake import formatting
from integrations.telegram_fake.errors import SimulationError
from integrations.telegram_fake.formatting import Entity
from integrations.telegram_fake.media import image_mime, image_size, photo_sizes

_LOG = logging.getLogger(__name__)

JSON = dict[str, Any]

# Update kinds a bot gets when it never said which it wants (Bot API: everything but these three).
_OPT_IN_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
# A group chat id at or below this is a supergroup (Telegram's -100… ids).
_SUPERGROUP_ID_LIMIT = -1_000_000_000_000
FORUM_ICON_COLORS = (7322096, 16766590, 13338331, 9367192, 16749490, 16478047)


@dataclass
class FakeUser:
    id: int
    first_name: str
    is_bot: bool = False
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None
    # Only meaningful for the bot itself (getMe).
    can_join_groups: bool = True
    can_read_all_group_messages: bool = False
    supports_inline_queries: bool = False

    def to_api(self) -> JSON:
        data: JSON = {"id": self.id, "is_bot": self.is_bot, "first_name": self.first_name}
        for key in ("last_name", "username", "language_code"):
            if getattr(self, key) is not None:
                data[key] = getattr(self, key)
        return data

    def me(self) -> JSON:
        """The User object getMe answers with, including the bot-only fields."""
        data = self.to_api()
        data.update(
            can_join_groups=self.can_join_groups,
            can_read_all_group_messages=self.can_read_all_group_messages,
            supports_inline_queries=self.supports_inline_queries,
            can_connect_to_business=False,
            has_main_web_app=False,
        )
        return data


class ChatType(StrEnum):
    PRIVATE = "private"
    GROUP = "group"
    SUPERGROUP = "supergroup"


@dataclass
class ForumTopic:
    message_thread_id: int
    name: str
    icon_color: int = FORUM_ICON_COLORS[0]
    icon_custom_emoji_id: str | None = None
    is_closed: bool = False

    def to_api(self) -> JSON:
        data: JSON = {"message_thread_id": self.message_thread_id, "name": self.name, "icon_color": self.icon_color}
        if self.icon_custom_emoji_id:
            data["icon_custom_emoji_id"] = self.icon_custom_emoji_id
        return data


@dataclass
class MessageVersion:
    """What a message looked like before an edit."""

    text: str | None
    entities: list[Entity]
    caption: str | None
    caption_entities: list[Entity]
    reply_markup: JSON | None
    edit_date: int | None


@dataclass
class FakeMessage:
    """One message as the chat shows it now (edits applied); ``history`` holds the versions before each edit."""

    chat_id: int
    message_id: int
    sender: FakeUser
    date: int
    text: str | None = None
    entities: list[Entity] = field(default_factory=list)
    caption: str | None = None
    caption_entities: list[Entity] = field(default_factory=list)
    photo: list[JSON] = field(default_factory=list)
    document: JSON | None = None
    sticker: JSON | None = None
    contact: JSON | None = None
    location: JSON | None = None
    service: JSON | None = None
    reply_to_message_id: int | None = None
    message_thread_id: int | None = None
    is_topic_message: bool = False
    # The markup as the bot sent it: inline keyboard, reply keyboard, keyboard removal or force reply.
    reply_markup: JSON | None = None
    media_group_id: str | None = None
    edit_date: int | None = None
    history: list[MessageVersion] = field(default_factory=list)
    deleted: bool = False
    # Who reacted with what (user id -> emoji, in the order chosen); a bot sets at most one.
    reactions: dict[int, list[str]] = field(default_factory=dict)

    @property
    def from_bot(self) -> bool:
        return self.sender.is_bot

    @property
    def edited(self) -> bool:
        return self.edit_date is not None

    @property
    def body(self) -> str:
        """The text, or the caption of a media message, or ""."""
        return self.text if self.text is not None else (self.caption or "")

    @property
    def html(self) -> str:
        """The text (or caption) with its entities rendered as Telegram HTML."""
        if self.text is not None:
            return formatting.to_html(self.text, self.entities)
        return formatting.to_html(self.caption or "", self.caption_entities)

    @property
    def inline_keyboard(self) -> list[list[JSON]]:
        if self.reply_markup and "inline_keyboard" in self.reply_markup:
            rows: list[list[JSON]] = self.reply_markup["inline_keyboard"]
            return rows
        return []

    @property
    def buttons(self) -> list[list[tuple[str, str | None]]]:
        """Inline buttons as rows of (text, callback_data or url or the name of the other action)."""
        return [[(b["text"], _button_action(b)) for b in row] for row in self.inline_keyboard]

    @property
    def reply_keyboard(self) -> list[list[tuple[str, str | None]]]:
        """Reply-keyboard buttons as rows of (text, "request_contact"/"request_location"/... or None)."""
        if not self.reply_markup or "keyboard" not in self.reply_markup:
            return []
        rows = []
        for row in self.reply_markup["keyboard"]:
            cells: list[tuple[str, str | None]] = []
            for button in row:
                if isinstance(button, str):
                    cells.append((button, None))
                    continue
                special = next((k for k in button if k != "text" and button[k]), None)
                cells.append((button["text"], special))
            rows.append(cells)
        return rows

    @property
    def photo_file_ids(self) -> list[str]:
        """The file_id of every size of the photo, smallest first (as in the Bot API's ``photo`` array)."""
        return [size["file_id"] for size in self.photo]

    def find_button(self, data_or_text: str) -> JSON | None:
        for row in self.inline_keyboard:
            for button in row:
                if button.get("callback_data") == data_or_text:
                    return button
        for row in self.inline_keyboard:
            for button in row:
                if button.get("text") == data_or_text:
                    return button
        return None

    def snapshot(self) -> MessageVersion:
        return MessageVersion(
            self.text,
            list(self.entities),
            self.caption,
            list(self.caption_entities),
            self.reply_markup,
            self.edit_date,
        )


INLINE_BUTTON_ACTIONS = (
    "callback_data", "url", "web_app", "login_url", "switch_inline_query", "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat", "copy_text", "callback_game", "pay",
)  # fmt: skip


def _button_action(button: JSON) -> str | None:
    for key in INLINE_BUTTON_ACTIONS:
        if key in button and button[key] is not None:
            value = button[key]
            return value if isinstance(value, str) and key in ("callback_data", "url") else key
    return None


@dataclass
class FakeChat:
    id: int
    type: ChatType
    title: str | None = None
    username: str | None = None
    user: FakeUser | None = None
    is_forum: bool = False
    members: set[int] = field(default_factory=set)
    # A bot that is an admin sees every group message even in privacy mode.
    bot_is_admin: bool = True
    topics: dict[int, ForumTopic] = field(default_factory=dict)
    messages: dict[int, FakeMessage] = field(default_factory=dict)
    next_message_id: int = 1
    # The reply keyboard the user currently sees, if any.
    reply_keyboard: JSON | None = None
    blocked: bool = False
    # A group upgraded to a supergroup: its old id refuses every send, naming the new one.
    migrated_to: int | None = None

    def to_api(self) -> JSON:
        data: JSON = {"id": self.id, "type": str(self.type)}
        if self.type is ChatType.PRIVATE and self.user is not None:
            data["first_name"] = self.user.first_name
            if self.user.last_name:
                data["last_name"] = self.user.last_name
            if self.user.username:
                data["username"] = self.user.username
        else:
            data["title"] = self.title
            if self.username:
                data["username"] = self.username
            if self.is_forum:
                data["is_forum"] = True
        return data

    def full_info(self) -> JSON:
        """The ChatFullInfo getChat answers with."""
        data = self.to_api()
        data.update(
            accent_color_id=0,
            max_reaction_count=11,
            accepted_gift_types={
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
                "gifts_from_channels": False,
            },
        )
        return data

    def message(self, message_id: int) -> FakeMessage | None:
        """The message with this id unless it was deleted."""
        message = self.messages.get(message_id)
        return None if message is None or message.deleted else message

    def take_message_id(self) -> int:
        message_id = self.next_message_id
        self.next_message_id += 1
        return message_id


@dataclass
class FakeFile:
    file_id: str
    file_unique_id: str
    data: bytes
    file_path: str
    kind: str
    file_name: str | None = None
    mime_type: str | None = None
    width: int | None = None
    height: int | None = None

    def to_api(self) -> JSON:
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.data),
            "file_path": self.file_path,
        }


@dataclass
class PendingUpdate:
    update_id: int
    payload: JSON
    # Updates of one lane (a chat) go to a webhook strictly one after another.
    lane: str
    # A redelivered update comes back in the next getUpdates even though its id was confirmed.
    forced: bool = False


@dataclass
class WebhookSettings:
    url: str
    secret_token: str | None = None
    max_connections: int = 40
    allowed_updates: list[str] | None = None
    ip_address: str | None = None
    # Bumped on every setWebhook, so a delivery started for an older setting knows to stop.
    generation: int = 0


@dataclass
class WebhookAttempt:
    update_id: int
    url: str
    at: float
    status: int | None
    error: str | None

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status <= 299


@dataclass
class ApiCall:
    """One Bot API request as the fake received it; ``status`` is None while it is still being answered."""

    method: str
    params: JSON
    at: float
    status: int | None = None
    description: str | None = None
    result: Any = None
    injected: bool = False  # failed on a test's order (fail_next), not by Telegram's rules

    @property
    def rejected(self) -> bool:
        """Telegram refused it by its own rules (a 4xx the test did not order)."""
        return self.status is not None and 400 <= self.status < 500 and not self.injected


@dataclass
class CallbackQueryRecord:
    id: str
    user_id: int
    chat_id: int
    message_id: int
    data: str
    created_at: float
    answered: bool = False
    answer_text: str | None = None
    show_alert: bool = False
    url: str | None = None
    answered_at: float | None = None


@dataclass
class ChatAction:
    chat_id: int
    action: str
    message_thread_id: int | None
    at: float


class ChangeKind(StrEnum):
    NEW_MESSAGE = "new_message"
    EDITED_MESSAGE = "edited_message"
    DELETED_MESSAGE = "deleted_message"
    CALLBACK_ANSWER = "callback_answer"
    CHAT_ACTION = "chat_action"
    MESSAGE_REACTION = "message_reaction"


@dataclass(frozen=True)
class Change:
    """What a subscriber is told: a message appeared, changed or went, or a popup/"typing…" to show."""

    kind: ChangeKind
    chat_id: int
    message: FakeMessage | None = None
    detail: JSON | None = None


def update_kind(payload: JSON) -> str:
    return next((key for key in payload if key != "update_id"), "")


def _lane_of(kind: str, body: Any) -> str:
    if isinstance(body, dict):
        chat = body.get("chat") or (body.get("message") or {}).get("chat")
        if isinstance(chat, dict) and "id" in chat:
            return f"chat:{chat['id']}"
        sender = body.get("from")
        if isinstance(sender, dict) and "id" in sender:
            return f"user:{sender['id']}"
    return f"{kind}:{secrets.token_hex(4)}"


class TelegramState:
    """Everything the fake Telegram knows. Methods are synchronous; only the waits are async."""

    def __init__(self, bot: FakeUser, *, clock: Callable[[], float] = time.time) -> None:
        self.bot = bot
        self.clock = clock
        self.users: dict[int, FakeUser] = {}
        self.chats: dict[int, FakeChat] = {}
        self.files: dict[str, FakeFile] = {}
        self._files_by_path: dict[str, FakeFile] = {}
        self.updates: list[PendingUpdate] = []
        self.filtered_updates: list[JSON] = []
        self.next_update_id = 1
        self.allowed_updates: list[str] | None = None
        self.webhook: WebhookSettings | None = None
        self._webhook_generation = 0
        self.webhook_attempts: list[WebhookAttempt] = []
        self.webhook_last_error: tuple[int, str] | None = None
        self.commands: dict[tuple[str, str], list[JSON]] = {}
        self.callback_queries: dict[str, CallbackQueryRecord] = {}
        self.chat_actions: list[ChatAction] = []
        self.calls: list[ApiCall] = []
        self._subscribers: list[Callable[[Change], None]] = []
        self._waiters: list[asyncio.Future[None]] = []
        self._file_counter = 0
        self._media_group_counter = 0

    # --- change notification ---------------------------------------------------------------------------

    def subscribe(self, callback: Callable[[Change], None]) -> Callable[[], None]:
        """Call ``callback`` on every new, edited or deleted message (and popups, chat actions).

        Returns the function that unsubscribes. A callback that raises is logged and kept.
        """
        self._subscribers.append(callback)

        def unsubscribe() -> None:
            if callback in self._subscribers:
                self._subscribers.remove(callback)

        return unsubscribe

    def feed(self) -> tuple[asyncio.Queue[Change], Callable[[], None]]:
        """A queue that receives every :class:`Change`, and the function that stops it (for a UI's SSE stream)."""
        queue: asyncio.Queue[Change] = asyncio.Queue()
        return queue, self.subscribe(queue.put_nowait)

    def announce(self, change: Change) -> None:
        for callback in list(self._subscribers):
            try:
                callback(change)
            except Exception:
                _LOG.exception("a fake-Telegram subscriber failed on %s", change.kind)
        self.touch()

    def touch(self) -> None:
        """Wake everything waiting for the state to change."""
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)

    async def wait_change(self, timeout: float) -> None:
        """Return after the next change, or after ``timeout`` seconds, whichever is first."""
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        try:
            # asyncio.wait, not wait_for: in 3.11 wait_for swallows a cancellation that races a wake-up.
            await asyncio.wait({waiter}, timeout=timeout)
        finally:
            if not waiter.done():
                waiter.cancel()
                with suppress(ValueError):
                    self._waiters.remove(waiter)

    # --- people and chats ------------------------------------------------------------------------------

    def add_user(
        self,
        user_id: int,
        first_name: str,
        *,
        language_code: str | None = "en",
        username: str | None = None,
        last_name: str | None = None,
    ) -> FakeUser:
        """A person, with the private chat they have with the bot (chat id = user id)."""
        user = FakeUser(user_id, first_name, last_name=last_name, username=username, language_code=language_code)
        self.users[user_id] = user
        chat = self.chats.get(user_id)
        if chat is None:
            self.chats[user_id] = FakeChat(user_id, ChatType.PRIVATE, user=user)
        else:
            chat.user = user
        return user

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
        """A group the bot is in. Forums are supergroups; so is any id at or below -100…"""
        if chat_id >= 0:
            raise ValueError("group chat ids are negative")
        is_super = forum or (supergroup if supergroup is not None else chat_id <= _SUPERGROUP_ID_LIMIT)
        chat = FakeChat(
            chat_id,
            ChatType.SUPERGROUP if is_super else ChatType.GROUP,
            title=title,
            username=username,
            is_forum=forum,
            members=set(members),
            bot_is_admin=bot_is_admin,
        )
        self.chats[chat_id] = chat
        return chat

    def chat(self, chat_id: int) -> FakeChat | None:
        return self.chats.get(chat_id)

    def chat_by_username(self, username: str) -> FakeChat | None:
        name = username.lstrip("@").lower()
        return next((c for c in self.chats.values() if c.username and c.username.lower() == name), None)

    # --- messages --------------------------------------------------------------------------------------

    def post(self, chat: FakeChat, sender: FakeUser, **content: Any) -> FakeMessage:
        """Store a new message in ``chat`` and announce it; ``content`` are FakeMessage fields."""
        message = FakeMessage(chat.id, chat.take_message_id(), sender, int(self.clock()), **content)
        chat.messages[message.message_id] = message
        self.announce(Change(ChangeKind.NEW_MESSAGE, chat.id, message))
        return message

    def edit(self, message: FakeMessage, **changes: Any) -> FakeMessage:
        """Apply an edit, keeping the previous version in the message's history."""
        message.history.append(message.snapshot())
        for key, value in changes.items():
            setattr(message, key, value)
        message.edit_date = int(self.clock())
        self.announce(Change(ChangeKind.EDITED_MESSAGE, message.chat_id, message))
        return message

    def react(self, message: FakeMessage, user_id: int, emoji: list[str]) -> None:
        """``user_id`` now reacts to ``message`` with ``emoji`` (an empty list takes their reaction away)."""
        if emoji:
            message.reactions[user_id] = list(emoji)
        else:
            message.reactions.pop(user_id, None)
        self.announce(Change(ChangeKind.MESSAGE_REACTION, message.chat_id, message))

    def delete(self, message: FakeMessage) -> None:
        message.deleted = True
        self.announce(Change(ChangeKind.DELETED_MESSAGE, message.chat_id, message))

    def messages(self, chat_id: int) -> list[FakeMessage]:
        """The chat as a person sees it now: messages in order, edits applied, deleted ones gone."""
        chat = self.chats.get(chat_id)
        if chat is None:
            return []
        return [m for m in chat.messages.values() if not m.deleted]

    def message_dict(self, message: FakeMessage, *, nested: bool = False) -> JSON:
        """The Bot API Message object for ``message``."""
        chat = self.chats[message.chat_id]
        data: JSON = {
            "message_id": message.message_id,
            "from": message.sender.to_api(),
            "chat": chat.to_api(),
            "date": message.date,
        }
        if message.message_thread_id is not None:
            data["message_thread_id"] = message.message_thread_id
            if message.is_topic_message:
                data["is_topic_message"] = True
        if message.reply_to_message_id is not None and not nested:
            replied = chat.message(message.reply_to_message_id)
            if replied is not None:
                data["reply_to_message"] = self.message_dict(replied, nested=True)
        if message.edit_date is not None:
            data["edit_date"] = message.edit_date
        if message.media_group_id is not None:
            data["media_group_id"] = message.media_group_id
        if message.text is not None:
            data["text"] = message.text
            if message.entities:
                data["entities"] = message.entities
        if message.photo:
            data["photo"] = message.photo
        for key in ("document", "sticker", "contact", "location"):
            if getattr(message, key) is not None:
                data[key] = getattr(message, key)
        if message.caption is not None:
            data["caption"] = message.caption
            if message.caption_entities:
                data["caption_entities"] = message.caption_entities
        if message.service:
            data.update(message.service)
        if message.inline_keyboard:
            # Telegram only ever echoes inline keyboards back; reply keyboards live in the client.
            data["reply_markup"] = {"inline_keyboard": message.inline_keyboard}
        return data

    def next_media_group_id(self) -> str:
        self._media_group_counter += 1
        return str(13_000_000_000_000_000 + self._media_group_counter)

    # --- files -----------------------------------------------------------------------------------------

    def _file_ids(self, prefix: str) -> tuple[str, str]:
        self._file_counter += 1
        # Real ids are opaque base64; the counter keeps them unique, the random part keeps them unguessable.
        file_id = f"{prefix}{self._file_counter:06d}{secrets.token_urlsafe(24)}"
        unique_id = f"AQAD{self._file_counter:06d}{secrets.token_urlsafe(6)}"
        return file_id, unique_id

    def store_file(
        self,
        data: bytes,
        *,
        kind: str,
        file_name: str | None = None,
        mime_type: str | None = None,
        width: int | None = None,
        height: int | None = None,
    ) -> FakeFile:
        prefixes = {"photos": "AgAC", "documents": "BQAC", "stickers": "CAAC"}
        file_id, unique_id = self._file_ids(prefixes.get(kind, "BAAC"))
        extension = {"photos": ".jpg", "stickers": ".webp"}.get(kind, "")
        if kind == "documents" and file_name and "." in file_name:
            extension = "." + file_name.rsplit(".", 1)[1]
        path = f"{kind}/file_{self._file_counter}{extension}"
        stored = FakeFile(file_id, unique_id, data, path, kind, file_name, mime_type, width, height)
        self.files[file_id] = stored
        self._files_by_path[path] = stored
        return stored

    def file_by_path(self, path: str) -> FakeFile | None:
        return self._files_by_path.get(path)

    def store_photo(self, data: bytes) -> list[JSON]:
        """PhotoSize objects for an uploaded image, smallest first. Raises ValueError if it is no image.

        Every size is the uploaded bytes as they came: the fake records sizes but neither resamples nor
        re-encodes (Telegram would serve JPEGs).
        """
        size = image_size(data)
        if size is None:
            raise ValueError("not an image")
        mime = image_mime(data)
        sizes = []
        for width, height in photo_sizes(*size):
            stored = self.store_file(data, kind="photos", mime_type=mime, width=width, height=height)
            sizes.append(
                {
                    "file_id": stored.file_id,
                    "file_unique_id": stored.file_unique_id,
                    "file_size": len(data),
                    "width": width,
                    "height": height,
                }
            )
        return sizes

    def photo_sizes_of(self, file_id: str) -> list[JSON] | None:
        """The PhotoSize list a photo file id belongs to (re-sending a photo by id reuses its sizes)."""
        for chat in self.chats.values():
            for message in chat.messages.values():
                if any(size["file_id"] == file_id for size in message.photo):
                    return message.photo
        stored = self.files.get(file_id)
        if stored is None or stored.kind != "photos":
            return None
        return [
            {
                "file_id": stored.file_id,
                "file_unique_id": stored.file_unique_id,
                "file_size": len(stored.data),
                "width": stored.width or 0,
                "height": stored.height or 0,
            }
        ]

    # --- updates ---------------------------------------------------------------------------------------

    def accepts(self, kind: str) -> bool:
        allowed = self.webhook.allowed_updates if self.webhook and self.webhook.allowed_updates else None
        allowed = allowed or self.allowed_updates
        if not allowed:
            return kind not in _OPT_IN_UPDATES
        return kind in allowed

    def queue_update(self, kind: str, body: JSON, *, deliver: bool = True) -> JSON:
        """Give ``body`` an update id and queue it for the bot unless it is filtered out; returns the update."""
        payload: JSON = {"update_id": self.next_update_id, kind: body}
        self.next_update_id += 1
        if deliver and self.accepts(kind):
            self.updates.append(PendingUpdate(payload["update_id"], payload, _lane_of(kind, body)))
        else:
            self.filtered_updates.append(payload)
        self.touch()
        return payload

    def queue_raw(self, payload: JSON, *, forced: bool = False) -> JSON:
        """Queue an update exactly as given (any shape); an update_id is added only if it has none."""
        payload = dict(payload)
        if "update_id" not in payload:
            payload["update_id"] = self.next_update_id
        if isinstance(payload["update_id"], int):
            self.next_update_id = max(self.next_update_id, payload["update_id"] + 1)
        kind = update_kind(payload)
        self.updates.append(PendingUpdate(payload["update_id"], payload, _lane_of(kind, payload.get(kind)), forced))
        self.touch()
        return payload

    def poll(self, offset: int, limit: int) -> list[JSON]:
        """getUpdates' view of the queue: confirm below ``offset``, then up to ``limit`` pending updates."""
        if offset < 0:
            keep = -offset
            if len(self.updates) > keep:
                del self.updates[: len(self.updates) - keep]
        elif offset > 0:
            self.updates = [u for u in self.updates if u.forced or u.update_id >= offset]
        batch = self.updates[:limit]
        for entry in batch:
            entry.forced = False
        if batch:
            self.touch()
        return [entry.payload for entry in batch]

    def drop_pending_updates(self) -> None:
        self.updates.clear()
        self.touch()

    def remove_update(self, entry: PendingUpdate) -> None:
        """A webhook accepted ``entry``: forget it."""
        for index, candidate in enumerate(self.updates):
            if candidate is entry:
                del self.updates[index]
                break
        self.touch()

    def lanes(self) -> Iterator[tuple[str, PendingUpdate]]:
        """The first pending update of each lane, in queue order."""
        seen: set[str] = set()
        for entry in self.updates:
            if entry.lane not in seen:
                seen.add(entry.lane)
                yield entry.lane, entry

    # --- webhook ---------------------------------------------------------------------------------------

    def set_webhook(self, settings: WebhookSettings) -> None:
        self._webhook_generation += 1
        settings.generation = self._webhook_generation
        self.webhook = settings
        self.webhook_last_error = None
        self.touch()

    def delete_webhook(self) -> None:
        self._webhook_generation += 1
        self.webhook = None
        self.touch()

    def record_attempt(self, attempt: WebhookAttempt) -> None:
        self.webhook_attempts.append(attempt)
        if not attempt.ok:
            self.webhook_last_error = (int(attempt.at), attempt.error or f"status {attempt.status}")
        self.touch()

    # --- what people do --------------------------------------------------------------------------------

    def _sender_and_chat(self, user_id: int, chat_id: int | None) -> tuple[FakeUser, FakeChat]:
        user = self.users.get(user_id)
        if user is None:
            raise SimulationError(f"no user {user_id}: call add_user first")
        chat = self.chats.get(user_id if chat_id is None else chat_id)
        if chat is None:
            raise SimulationError(f"no chat {chat_id}: call add_group first")
        if chat.type is not ChatType.PRIVATE and user_id not in chat.members:
            raise SimulationError(f"user {user_id} is not a member of chat {chat.id}")
        if chat.type is ChatType.PRIVATE and chat.id != user_id:
            raise SimulationError(f"user {user_id} cannot write in another person's private chat {chat.id}")
        return user, chat

    def _bot_sees(self, chat: FakeChat, message: FakeMessage) -> bool:
        """Privacy mode: in a group where it is no admin, the bot only gets commands, replies and mentions."""
        if chat.type is ChatType.PRIVATE or chat.bot_is_admin or self.bot.can_read_all_group_messages:
            return True
        if message.service:
            return True
        body = message.body
        if body.startswith("/"):
            return True
        if self.bot.username and f"@{self.bot.username}".lower() in body.lower():
            return True
        replied = chat.message(message.reply_to_message_id) if message.reply_to_message_id else None
        return replied is not None and replied.from_bot

    def user_posts(
        self,
        user_id: int,
        *,
        chat_id: int | None = None,
        reply_to: int | None = None,
        thread_id: int | None = None,
        **content: Any,
    ) -> JSON:
        """A person sends a message; returns the update the bot gets (or would get, if privacy hides it)."""
        user, chat = self._sender_and_chat(user_id, chat_id)
        if reply_to is not None:
            replied = chat.message(reply_to)
            if replied is None:
                raise SimulationError(f"no message {reply_to} in chat {chat.id} to reply to")
            if thread_id is None and replied.message_thread_id is not None and chat.is_forum:
                thread_id = replied.message_thread_id
        if thread_id is not None:
            if not chat.is_forum or thread_id not in chat.topics:
                raise SimulationError(f"chat {chat.id} has no forum topic {thread_id}")
        message = self.post(
            chat,
            user,
            reply_to_message_id=reply_to,
            message_thread_id=thread_id,
            is_topic_message=thread_id is not None,
            **content,
        )
        if chat.reply_keyboard and chat.reply_keyboard.get("one_time_keyboard"):
            chat.reply_keyboard = None
        return self.queue_update("message", self.message_dict(message), deliver=self._bot_sees(chat, message))

    def user_upgrades_group(self, user_id: int, chat_id: int, new_chat_id: int | None = None) -> JSON:
        """A member turns a basic group into a supergroup: a new chat with a new id, the same title and
        members. Sends to the old id answer 400 with ``migrate_to_chat_id`` from then on, and the bot gets the
        two service messages Telegram posts: ``migrate_to_chat_id`` in the old chat (the update returned),
        ``migrate_from_chat_id`` in the new one."""
        user, old = self._sender_and_chat(user_id, chat_id)
        if old.type is not ChatType.GROUP or old.migrated_to is not None:
            raise SimulationError(f"chat {chat_id} is not a basic group")
        new_id = _SUPERGROUP_ID_LIMIT - abs(chat_id) if new_chat_id is None else new_chat_id
        if new_id > _SUPERGROUP_ID_LIMIT or new_id in self.chats:
            raise SimulationError(f"{new_id} is no free supergroup id")
        new = self.add_group(
            new_id, old.title or "", members=tuple(old.members), supergroup=True, bot_is_admin=old.bot_is_admin
        )
        old.migrated_to = new_id
        updates = [
            self.queue_update("message", self.message_dict(message), deliver=self._bot_sees(chat, message))
            for chat, service in ((old, {"migrate_to_chat_id": new_id}), (new, {"migrate_from_chat_id": chat_id}))
            for message in (self.post(chat, user, service=service),)
        ]
        return updates[0]

    def user_text(self, user_id: int, text: str, **where: Any) -> JSON:
        return self.user_posts(user_id, text=text, entities=formatting.with_auto_entities(text, []), **where)

    def user_photo(self, user_id: int, data: bytes, caption: str | None = None, **where: Any) -> JSON:
        try:
            sizes = self.store_photo(data)
        except ValueError:
            raise SimulationError("the photo bytes are not a JPEG, PNG, GIF or WebP image") from None
        entities = formatting.with_auto_entities(caption, []) if caption else []
        return self.user_posts(user_id, photo=sizes, caption=caption, caption_entities=entities, **where)

    def user_document(
        self, user_id: int, data: bytes, file_name: str, mime_type: str, caption: str | None = None, **where: Any
    ) -> JSON:
        stored = self.store_file(data, kind="documents", file_name=file_name, mime_type=mime_type)
        document = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_name": file_name,
            "mime_type": mime_type,
            "file_size": len(data),
        }
        return self.user_posts(user_id, document=document, caption=caption, **where)

    def user_contact(
        self,
        user_id: int,
        phone_number: str,
        *,
        contact_user_id: int | None,
        first_name: str,
        last_name: str | None = None,
        **where: Any,
    ) -> JSON:
        contact: JSON = {"phone_number": phone_number, "first_name": first_name}
        if last_name:
            contact["last_name"] = last_name
        if contact_user_id is not None:
            contact["user_id"] = contact_user_id
        return self.user_posts(user_id, contact=contact, **where)

    def user_sticker(self, user_id: int, emoji: str, data: bytes, **where: Any) -> JSON:
        stored = self.store_file(data, kind="stickers", mime_type="image/webp", width=512, height=512)
        sticker = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
            "file_size": len(data),
        }
        return self.user_posts(user_id, sticker=sticker, **where)

    def user_location(self, user_id: int, latitude: float, longitude: float, **where: Any) -> JSON:
        return self.user_posts(user_id, location={"latitude": latitude, "longitude": longitude}, **where)

    def user_edits(self, user_id: int, message: FakeMessage, text: str) -> JSON:
        """A person edits one of their own text messages; the bot gets an ``edited_message`` update."""
        if message.sender.id != user_id or message.text is None:
            raise SimulationError("a person can only edit the text of their own message")
        chat = self.chats[message.chat_id]
        self.edit(message, text=text, entities=formatting.with_auto_entities(text, []))
        return self.queue_update("edited_message", self.message_dict(message), deliver=self._bot_sees(chat, message))

    def user_presses(self, user_id: int, message: FakeMessage, data_or_text: str, *, forge: bool = False) -> JSON:
        """A person taps an inline button under a bot message; the bot gets a ``callback_query``.

        The button is looked up by callback_data, then by text. With ``forge`` the data is sent even if no
        such button exists, as a modified client could.
        """
        user, chat = self._sender_and_chat(user_id, message.chat_id if message.chat_id != user_id else None)
        if chat.message(message.message_id) is None:
            raise SimulationError(f"message {message.message_id} is not in chat {chat.id} any more")
        current = chat.messages[message.message_id]
        button = current.find_button(data_or_text)
        if button is None and not forge:
            shown = [[text for text, _ in row] for row in current.buttons]
            raise SimulationError(f"no button {data_or_text!r} on message {message.message_id}; buttons: {shown}")
        if button is not None and "callback_data" not in button and not forge:
            raise SimulationError(f"button {button['text']!r} opens {_button_action(button)}, it sends no callback")
        data = button["callback_data"] if button is not None and "callback_data" in button else data_or_text
        query_id = str(secrets.randbits(63))
        self.callback_queries[query_id] = CallbackQueryRecord(
            query_id, user.id, chat.id, message.message_id, data, self.clock()
        )
        body: JSON = {
            "id": query_id,
            "from": user.to_api(),
            "message": self.message_dict(current),
            "chat_instance": str(abs(hash((chat.id, self.bot.id))) % 10**18),
            "data": data,
        }
        return self.queue_update("callback_query", body)

    def answer_callback(self, record: CallbackQueryRecord, text: str | None, show_alert: bool, url: str | None) -> None:
        record.answered = True
        record.answer_text = text
        record.show_alert = show_alert
        record.url = url
        record.answered_at = self.clock()
        detail: JSON = {"callback_query_id": record.id, "text": text, "show_alert": show_alert, "url": url}
        self.announce(Change(ChangeKind.CALLBACK_ANSWER, record.chat_id, None, detail))

    def record_chat_action(self, chat_id: int, action: str, thread_id: int | None) -> None:
        self.chat_actions.append(ChatAction(chat_id, action, thread_id, self.clock()))
        detail: JSON = {"action": action, "message_thread_id": thread_id}
        self.announce(Change(ChangeKind.CHAT_ACTION, chat_id, None, detail))
