"""A ticket's history as sentences in the reader's language: "Dec 2 03:20 · Chris Wong claimed it."

One renderer for every place that shows a history (``/ticket``, the history a transferred ticket
brings to its new group), so no reader ever sees a raw log entry such as ``resident:7 created``.
Bookkeeping entries (where a card was posted) say nothing to a reader and are left out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from bot.config import EstateConfig
from bot.domain.lifecycle import Action
from bot.domain.residents import mask_phone
from bot.domain.surveys import SurveyEvent
from bot.domain.text import shorten
from bot.domain.tickets import TicketEvent, TicketStatus
from bot.i18n import N_, Translator
from bot.sla import Deadline
from bot.staff.cards import PHONE_CALLBACK, staff_name
from dialogs.labels import STATUS_LABELS

EVENT_TEXT_LIMIT = 80
# Bookkeeping that says nothing to a reader of the history.
HIDDEN_ACTIONS = frozenset({Action.CARD_POSTED.value, "card_digested"})

DEADLINE_LABELS = {
    Deadline.RESPONSE: N_("first response"),
    Deadline.RESOLUTION: N_("resolution"),
    Deadline.MANUAL: N_("on request"),
}


def history_lines(estate: EstateConfig, events: Iterable[TicketEvent], _: Translator) -> list[str]:
    """One line per event a reader cares about, oldest first: "<when> · <sentence>"."""
    lines = []
    for event in events:
        sentence = describe(estate, event, _)
        if sentence is not None:
            lines.append(f"{_.when(event.at, estate.timezone)} · {sentence}")
    return lines


def describe(estate: EstateConfig, event: TicketEvent, _: Translator) -> str | None:
    """The event as one sentence in the translator's language; None for bookkeeping."""
    if event.action in HIDDEN_ACTIONS:
        return None
    d = event.detail
    who = _actor(estate, event.actor, _)
    render = _SENTENCES.get(event.action)
    if render is not None:
        return render(estate, d, who, _)
    # An action this version does not know (a newer worker wrote it): readable, if not translated.
    return event.action.replace("_", " ").capitalize() + "."


def _actor(estate: EstateConfig, actor: str, _: Translator) -> str:
    kind, _sep, ident = actor.partition(":")
    if kind == "staff":
        return staff_name(estate, _int(ident))
    if kind == "resident":
        return _("The resident")
    return _("The desk")


def _int(value: object) -> int | None:
    try:
        return int(str(value))
    except ValueError:
        return None


def _text(d: dict[str, Any], *keys: str) -> str:
    for key in keys:
        if d.get(key):
            return shorten(" ".join(str(d[key]).split()), EVENT_TEXT_LIMIT)
    return ""


def _department(estate: EstateConfig, key: object) -> str:
    department = estate.routing.departments.get(str(key))
    return department.name(estate.staff_language) if department else str(key or "?")


def _deadline(d: dict[str, Any], _: Translator) -> str:
    try:
        return _(DEADLINE_LABELS[Deadline(str(d.get("deadline")))])
    except ValueError:
        return str(d.get("deadline", ""))


def _created(estate: EstateConfig, d: dict[str, Any], who: str, _: Translator) -> str:
    if who == _("The resident"):
        return _("The resident reported it.")
    if who == _("The desk"):
        return _("Received.")
    return _("{who} recorded it.", who=who)


def _resolved(estate: EstateConfig, d: dict[str, Any], who: str, _: Translator) -> str:
    note = _text(d, "note")
    return _("{who} resolved it: {text}", who=who, text=note) if note else _("{who} resolved it.", who=who)


def _escalated(estate: EstateConfig, d: dict[str, Any], who: str, _: Translator) -> str:
    if str(d.get("deadline")) == Deadline.MANUAL.value:
        return _("Escalated to the managers: {reason}", reason=_text(d, "reason") or "-")
    return _(
        "Escalated to the managers (level {level}): the {deadline} is overdue.",
        level=d.get("level", 1),
        deadline=_deadline(d, _),
    )


def _status(estate: EstateConfig, d: dict[str, Any], who: str, _: Translator) -> str:
    try:
        status = _(STATUS_LABELS[TicketStatus(str(d.get("status")))])
    except ValueError:
        status = str(d.get("status", ""))
    return _("Status set to {status}.", status=status)


def _answered(estate: EstateConfig, d: dict[str, Any], who: str, _: Translator) -> str:
    if d.get("not_fixed"):
        return _("The resident said it is not fixed.")
    if d.get("rating") is None:
        return _("The resident answered the follow-up survey.")
    return _("The resident rated the work {rating}/5.", rating=d.get("rating"))


def _phone(estate: EstateConfig, d: dict[str, Any], who: str, _: Translator) -> str:
    if d.get("reason") == "no chat":
        return _("The resident cannot be reached in chat: call them for the follow-up.")
    return _("No answer to the follow-up survey: call the resident.")


def _callback(estate: EstateConfig, d: dict[str, Any], who: str, _: Translator) -> str:
    raw = str(d.get("number") or "")
    number = "☎ " + (mask_phone(raw) if raw else _("number withheld"))
    if d.get("reason") == "voicemail":
        return _("Voicemail from {number}: call the caller back.", number=number)
    return _("Abandoned call from {number}: call the caller back.", number=number)


Sentence = Callable[[EstateConfig, dict[str, Any], str, Translator], str]

_SENTENCES: dict[str, Sentence] = {
    Action.CREATED: _created,
    Action.CLAIMED: lambda e, d, who, _: _("{who} claimed it.", who=who),
    Action.ASSIGNED: lambda e, d, who, _: _(
        "{who} assigned it to {name}.", who=who, name=staff_name(e, _int(d.get("to")))
    ),
    Action.STARTED: lambda e, d, who, _: _("{who} started work.", who=who),
    Action.NEED_INFO: lambda e, d, who, _: _("{who} asked the resident: {text}", who=who, text=_text(d, "question")),
    Action.INFO_RECEIVED: lambda e, d, who, _: _("The resident answered: {text}", text=_text(d, "text")),
    Action.TRANSFERRED: lambda e, d, who, _: _(
        "{who} transferred it from {source} to {target}.",
        who=who,
        source=_department(e, d.get("from")),
        target=_department(e, d.get("to")),
    ),
    Action.RESOLVED: _resolved,
    Action.REOPENED: lambda e, d, who, _: _("{who} reopened it.", who=who),
    Action.MERGED: lambda e, d, who, _: _("{who} merged it into {number}.", who=who, number=d.get("into", "?")),
    Action.CLOSED: lambda e, d, who, _: _("Closed."),
    Action.CANCELLED: lambda e, d, who, _: _("{who} cancelled it.", who=who),
    Action.NOTE: lambda e, d, who, _: _("{who} added an internal note: {text}", who=who, text=_text(d, "text")),
    Action.RELAYED_OUT: lambda e, d, who, _: _("{who} wrote to the resident: {text}", who=who, text=_text(d, "text")),
    Action.RELAYED_IN: lambda e, d, who, _: _("The resident wrote: {text}", text=_text(d, "text")),
    Action.NUDGED: lambda e, d, who, _: _("The resident asked for news."),
    Action.REMINDED: lambda e, d, who, _: _("Reminder sent: the {deadline} is due soon.", deadline=_deadline(d, _)),
    Action.ESCALATED: _escalated,
    Action.INCIDENT: lambda e, d, who, _: _("Linked to incident {number}.", number=d.get("incident", "?")),
    Action.STATUS: _status,
    SurveyEvent.SENT: lambda e, d, who, _: _("Follow-up survey sent to the resident."),
    SurveyEvent.REMINDED: lambda e, d, who, _: _("Follow-up survey reminder sent to the resident."),
    SurveyEvent.ANSWERED: _answered,
    SurveyEvent.COMMENT: lambda e, d, who, _: _("The resident commented: {text}", text=_text(d, "text")),
    SurveyEvent.FOLLOWUP_PHONE: _phone,
    PHONE_CALLBACK: _callback,
    SurveyEvent.ESCALATED: lambda e, d, who, _: _("The low follow-up rating went to the managers."),
}
