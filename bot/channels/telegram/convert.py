"""Telegram updates → neutral events. Anything we cannot read becomes UNSUPPORTED, never dropped."""

from __future__ import annotations

from telegram import Message, Update

from bot.domain.callback_data import parse, parse_dialog
from dialogs.events import EventKind, Inbound

CHANNEL = "telegram"


def chat_key(chat_id: int) -> str:
    return f"tg:{chat_id}"


def _what(message: Message) -> str:
    for attr in ("sticker", "voice", "video", "video_note", "audio", "document", "location", "animation", "poll"):
        if getattr(message, attr, None):
            return attr
    return "other"


def to_inbound(update: Update) -> Inbound | None:
    """The neutral event of a private-chat update, or None for updates that are not a resident's."""
    event_id = f"tg:{update.update_id}"
    query = update.callback_query
    if query is not None:
        chat = query.message.chat if query.message else None
        if chat is None or chat.type != "private":
            return None
        data = query.data or ""
        found, dialog = parse(data), parse_dialog(data)
        token, value = "forged", ""  # the dialogs answer "This button has expired." and look nothing up
        if dialog is not None:
            token, value = dialog
        elif found is not None and found[0] == "r":
            # Buttons on ticket news stay valid for weeks: their data names the ticket, not a question.
            token, value = "ticket", data
        elif found is not None:
            # Other long-lived buttons (surveys, fee reminders) carry "<prefix>:...": dialogs route them by prefix.
            token, value = "ext", data
        return Inbound(
            event_id=event_id,
            channel=CHANNEL,
            chat=chat_key(chat.id),
            user_id=query.from_user.id,
            kind=EventKind.CHOICE,
            choice=value,
            token=token,
            language_code=query.from_user.language_code,
            first_name=query.from_user.first_name or "",
        )
    # Edits of earlier messages are not re-read: the dialog has moved on since.
    message = update.message
    if message is None or message.chat.type != "private" or message.from_user is None:
        return None
    user = message.from_user
    base = {
        "event_id": event_id,
        "channel": CHANNEL,
        "chat": chat_key(message.chat.id),
        "user_id": user.id,
        "language_code": user.language_code,
        "first_name": user.first_name or "",
        "reply_to": message.reply_to_message.message_id if message.reply_to_message else None,
    }
    if message.contact is not None:
        return Inbound(
            kind=EventKind.CONTACT,
            contact_phone=message.contact.phone_number or "",
            contact_user_id=message.contact.user_id,
            **base,  # type: ignore[arg-type]
        )
    if message.photo:
        largest = max(message.photo, key=lambda p: (p.width or 0) * (p.height or 0))
        return Inbound(kind=EventKind.PHOTO, photo=largest.file_id, text=message.caption or "", **base)  # type: ignore[arg-type]
    text = message.text
    if text is not None:
        if text.startswith("/"):
            head, _, args = text[1:].partition(" ")
            command = head.split("@", 1)[0].lower()
            if command:
                return Inbound(kind=EventKind.COMMAND, command=command, text=args, **base)  # type: ignore[arg-type]
        return Inbound(kind=EventKind.TEXT, text=text, **base)  # type: ignore[arg-type]
    return Inbound(kind=EventKind.UNSUPPORTED, what=_what(message), **base)  # type: ignore[arg-type]
