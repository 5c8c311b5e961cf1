"""Reading the audit trail of refused staff attempts: ``/audit`` in the managers' chat, ``estatedesk audit``."""

from __future__ import annotations

from bot.config import EstateConfig
from bot.domain.audit import AuditEntry, Place, Refusal
from bot.i18n import N_, Translator
from bot.staff.queries import local_time, staff_name
from dialogs.replies import Reply

AUDIT_LINES = 20  # newest entries /audit shows; each line stays under 200 characters, all under one message

REFUSAL_LABELS = {
    Refusal.NOT_STAFF: N_("not on the roster"),
    Refusal.WRONG_CHAT: N_("not in this chat"),
    Refusal.ROLE: N_("not for this role"),
    Refusal.FORGED: N_("forged button"),
}
PLACE_LABELS = {
    Place.DEPARTMENT: N_("staff group"),
    Place.MANAGERS: N_("managers' chat"),
    Place.FOREIGN: N_("other group"),
    Place.PRIVATE: N_("private chat"),
}


def audit_line(estate: EstateConfig, entry: AuditEntry, _: Translator) -> str:
    """``Dec 1 21:40 · Chris Wong (9101) · other group -100123 · /queue · not in this chat``."""
    who = staff_name(estate, entry.user_id)
    who = who if who == str(entry.user_id) else f"{who} ({entry.user_id})"
    department = estate.routing.department_by_chat(entry.chat_id)
    where = department.name(estate.staff_language) if department else f"{_(PLACE_LABELS[entry.place])} {entry.chat_id}"
    when = local_time(estate, entry.at, _)
    return " · ".join((when, who, where, entry.attempt[:60], _(REFUSAL_LABELS[entry.refusal])))


def audit_reply(estate: EstateConfig, entries: list[AuditEntry], _: Translator) -> Reply:
    title = _("Refused staff attempts")
    if not entries:
        return Reply(text=_("Nothing has been refused."), title=title)
    return Reply(text="\n".join(audit_line(estate, e, _) for e in entries), title=title)
