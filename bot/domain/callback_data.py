"""The callback data of every inline button the bot makes, built and read in one place.

Telegram hands back whatever a client sends: a modified client can press any of the bot's
messages with any data. So data is read strictly, here and nowhere else: a known prefix, the
exact number of fields, ids of ASCII digits within a signed 64-bit integer (what the database
holds), and words from the set the builders use. Anything else reads as None, never raises, and
the caller answers "This button has expired." without looking anything up.

| prefix | button | data |
|---|---|---|
| ``d`` | a dialog question | ``d:<token>:<value>`` |
| ``t`` | a staff card | ``t:<ticket id>:<action>[:<argument>]`` |
| ``r`` | a resident's ticket news | ``r:<ticket id>:reopen|nudge|msg`` |
| ``s`` | a follow-up survey | ``s:<survey id>:1-5|nf|skip`` |
| ``q`` | a questionnaire | ``q:<recipient id>:<question>:<answer>`` |
| ``n`` | a notice preview | ``n:<notice id>:go|no`` |
| ``f`` | stop fee reminders | ``f:stop`` |
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

MAX_BYTES = 64  # Telegram's limit for callback_data
MAX_ID = 2**63 - 1  # ids are signed 64-bit integers in the database (BIGINT)
PREFIXES = frozenset("dtrsqnf")  # one parser each: PARSERS, at the end

# [0-9], not \d: \d also matches "²" and "٣", which int() then refuses or reads differently.
_ID = re.compile(r"[1-9][0-9]{0,18}")
_INDEX = re.compile(r"0|[1-9][0-9]{0,2}")
_TOKEN = re.compile(r"[0-9a-z]{1,10}")
# Department keys come from the estate file; anything printable without a colon or a space.
_KEY = re.compile(r"[^:\s]{1,32}")

STAFF_ACTIONS = frozenset(
    {"claim", "assign", "start", "info", "xfer", "resolve", "reopen", "note", "merge", "incident", "iresolve", "back"}
)
RESIDENT_ACTIONS = frozenset({"reopen", "nudge", "msg"})
SURVEY_VALUES = frozenset({"1", "2", "3", "4", "5", "nf", "skip"})
NOTICE_ACTIONS = frozenset({"go", "no"})
OPT_OUT = "f:stop"
MAX_QUESTIONS = 20  # a questionnaire has at most this many questions (bot.domain.surveys)


def checked(data: str) -> str:
    """``data`` if Telegram accepts it as callback data (1-64 bytes); raises ValueError where a button is built."""
    if not 0 < len(data.encode()) <= MAX_BYTES:
        raise ValueError(f"callback data must be 1 to {MAX_BYTES} bytes: {data!r}")
    return data


def db_id(text: str) -> int | None:
    """A database id written in ASCII digits, 1 to 2**63-1, no sign, no leading zero; else None."""
    if _ID.fullmatch(text) is None:
        return None
    value = int(text)
    return value if value <= MAX_ID else None


def _index(text: str, size: int) -> int | None:
    if _INDEX.fullmatch(text) is None:
        return None
    value = int(text)
    return value if value < size else None


def fields(data: object, prefix: str, count: int, *, rest: bool = False) -> list[str] | None:
    """The ``count`` non-empty fields after ``<prefix>:``, or None.

    With ``rest`` the last field takes the remainder, colons and all (a dialog value such as ``menu:repair``).
    """
    if not isinstance(data, str) or not data.isprintable():
        return None
    try:
        size = len(data.encode())
    except UnicodeEncodeError:  # a lone surrogate: no client sends that honestly
        return None
    if size > MAX_BYTES:
        return None
    parts = data.split(":", count if rest else -1)
    if len(parts) != count + 1 or parts[0] != prefix or not all(parts[1:]):
        return None
    return parts[1:]


def prefix_of(data: object) -> str | None:
    """The known prefix of well-formed button data (``t`` for ``t:12:claim``), else None."""
    if not isinstance(data, str):
        return None
    head, sep, _rest = data.partition(":")
    if not sep or head not in PREFIXES or fields(data, head, 1, rest=True) is None:
        return None
    return head


# -- dialog buttons --------------------------------------------------------------------------------


def dialog_data(token: str, value: str) -> str:
    return checked(f"d:{token}:{value}")


def parse_dialog(data: object) -> tuple[str, str] | None:
    """(token, value) of a dialog button."""
    found = fields(data, "d", 2, rest=True)
    if found is None or _TOKEN.fullmatch(found[0]) is None:
        return None
    return found[0], found[1]


def choice_id(value: str, head: str) -> int | None:
    """The id in a dialog choice ``<head>:<id>`` (``unit:12``), or None."""
    name, sep, ident = value.partition(":")
    return db_id(ident) if sep and name == head else None


# -- staff cards -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class StaffButton:
    ticket_id: int
    action: str
    arg: str = ""  # a colleague's user id (assign), a department key (xfer), a ticket id (merge)


def staff_data(ticket_id: int, action: str, arg: str | int | None = None) -> str:
    return checked(f"t:{ticket_id}:{action}" + ("" if arg is None else f":{arg}"))


def parse_staff(data: object) -> StaffButton | None:
    found = fields(data, "t", 2) or fields(data, "t", 3)
    if found is None:
        return None
    ticket_id = db_id(found[0])
    action = found[1]
    arg = found[2] if len(found) > 2 else ""
    if ticket_id is None or action not in STAFF_ACTIONS:
        return None
    if arg:
        valid = {
            "assign": db_id(arg) is not None,
            "merge": db_id(arg) is not None,
            "xfer": _KEY.fullmatch(arg) is not None,
        }.get(action, False)
        if not valid:
            return None
    return StaffButton(ticket_id, action, arg)


# -- residents' buttons ------------------------------------------------------------------------------


def resident_data(ticket_id: int, action: str) -> str:
    return checked(f"r:{ticket_id}:{action}")


def _id_and_word(data: object, prefix: str, words: frozenset[str]) -> tuple[int, str] | None:
    """``<prefix>:<id>:<one of words>``."""
    found = fields(data, prefix, 2)
    ident = db_id(found[0]) if found is not None and found[1] in words else None
    return None if ident is None or found is None else (ident, found[1])


def parse_resident(data: object) -> tuple[int, str] | None:
    """(ticket id, action) of a button under a resident's ticket news."""
    return _id_and_word(data, "r", RESIDENT_ACTIONS)


def survey_data(survey_id: int, value: str | int) -> str:
    return checked(f"s:{survey_id}:{value}")


def parse_survey(data: object) -> tuple[int, str] | None:
    """(survey id, value) of a follow-up survey button: a rating 1-5, ``nf`` (not fixed) or ``skip``."""
    return _id_and_word(data, "s", SURVEY_VALUES)


def questionnaire_data(recipient_id: int, position: int, value: str) -> str:
    return checked(f"q:{recipient_id}:{position}:{value}")


def parse_questionnaire(data: object) -> tuple[int, int, str] | None:
    """(recipient id, question position, answer) of a questionnaire button; the answer is a small number."""
    found = fields(data, "q", 3)
    if found is None:
        return None
    recipient = db_id(found[0])
    position = _index(found[1], MAX_QUESTIONS)
    if recipient is None or position is None or _index(found[2], 10) is None:
        return None
    return recipient, position, found[2]


# -- notices -------------------------------------------------------------------------------------------


def notice_data(notice_id: int, action: str) -> str:
    return checked(f"n:{notice_id}:{action}")


def parse_notice(data: object) -> tuple[int, str] | None:
    """(notice id, ``go`` or ``no``) of a notice preview's Confirm / Cancel."""
    return _id_and_word(data, "n", NOTICE_ACTIONS)


def is_opt_out(data: object) -> bool:
    return data == OPT_OUT


def _opt_out(data: object) -> str | None:
    return OPT_OUT if is_opt_out(data) else None


PARSERS: dict[str, Callable[[object], object | None]] = {
    "d": parse_dialog,
    "t": parse_staff,
    "r": parse_resident,
    "s": parse_survey,
    "q": parse_questionnaire,
    "n": parse_notice,
    "f": _opt_out,
}


def parse(data: object) -> tuple[str, object] | None:
    """(prefix, what the prefix's parser read) for the data of any button the bot makes, else None."""
    prefix = prefix_of(data)
    found = PARSERS[prefix](data) if prefix is not None else None
    return None if prefix is None or found is None else (prefix, found)
