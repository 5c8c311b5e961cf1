"""Neutral replies → Telegram messages: HTML-escaped text, inline keyboards, the contact button."""

from __future__ import annotations

import html
from typing import Any

from telegram import (
    ForceReply,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)

from bot.domain.callback_data import checked, dialog_data
from dialogs.replies import Reply

MAX_TEXT = 4096


def render_text(reply: Reply) -> str:
    """HTML for the reply. Everything that came from people is escaped; only our own tags remain."""
    parts: list[str] = []
    if reply.title:
        parts.append(f"<b>{html.escape(reply.title)}</b>")
    if reply.text:
        parts.append(html.escape(reply.text))
    if reply.fields:
        parts.append("\n".join(f"<b>{html.escape(k)}{_colon(k)}</b>{html.escape(v)}" for k, v in reply.fields))
    text = "\n".join(parts) or "…"
    return _fit(text)


def _colon(label: str) -> str:
    """A Chinese label takes the full-width colon with no space after it ("類別：水喉"); any other label ": "."""
    return "：" if label and "\u3400" <= label[-1] <= "\u9fff" else ": "


def _fit(text: str) -> str:
    """Stay under Telegram's 4096 characters without cutting a tag or an entity in half."""
    if len(text) <= MAX_TEXT:
        return text
    cut = text[: MAX_TEXT - 2]
    # Drop back to before any unfinished tag or entity, then close a bold left open.
    for opener, closer in (("<", ">"), ("&", ";")):
        i = cut.rfind(opener)
        if i > cut.rfind(closer):
            cut = cut[:i]
    if cut.count("<b>") > cut.count("</b>"):
        cut = cut[: MAX_TEXT - 6] + "</b>"
    return cut + "…"


def _data(reply: Reply, value: str) -> str:
    """Dialog buttons are stamped with the question's token; staff and ticket buttons carry their own data."""
    if reply.token:
        return dialog_data(reply.token, value)
    return checked(value)


def render_markup(reply: Reply) -> Any:
    if reply.choices:
        return InlineKeyboardMarkup(
            [
                [InlineKeyboardButton(c.label[:64], callback_data=_data(reply, c.value)) for c in row]
                for row in reply.choices
            ]
        )
    if reply.force_reply:
        return ForceReply(selective=True)
    if reply.contact_button:
        return ReplyKeyboardMarkup(
            [[KeyboardButton(reply.contact_button, request_contact=True)]],
            resize_keyboard=True,
            one_time_keyboard=True,
        )
    if reply.remove_keyboard:
        return ReplyKeyboardRemove()
    return None
