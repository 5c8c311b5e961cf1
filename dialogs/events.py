"""What a resident did, as every channel reports it: the input side of a dialog."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class EventKind(StrEnum):
    TEXT = "text"
    COMMAND = "command"  # "/start", "/cancel" ...
    CHOICE = "choice"  # a button press
    CONTACT = "contact"  # a shared phone number
    PHOTO = "photo"
    UNSUPPORTED = "unsupported"  # stickers, voice, locations...: answered, never silently dropped


@dataclass(frozen=True)
class Inbound:
    event_id: str  # unique per delivery source, e.g. "tg:123456" (the update id)
    channel: str  # "telegram", "phone"
    chat: str  # state key of the conversation, e.g. "tg:5550001"
    user_id: int
    kind: EventKind
    text: str = ""  # message text, photo caption, or command arguments
    command: str = ""  # without the slash, lower-case
    choice: str = ""  # the button's value
    token: str = ""  # the button's token: which question it answered
    contact_phone: str = ""
    contact_user_id: int | None = None  # whose contact it is (Telegram sets it for a user's own card)
    photo: str = ""  # the channel's file id
    language_code: str | None = None
    first_name: str = ""
    what: str = ""  # for UNSUPPORTED: "sticker", "voice", ...
    reply_to: int | None = None  # the message this one replies to (a ticket's message: a relay)
    # The sender's phone number (E.164) when the channel itself vouches for it (the phone's caller
    # ID); the engine's identity resolver for that channel looks the resident up by it.
    sender_phone: str = ""
