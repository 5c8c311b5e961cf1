"""Follow-up surveys (回訪) after a resolved ticket, and satisfaction questionnaires (入戶調查) sent to an audience.

Plain types and rules only: what a survey is, what a low score sets off. Its buttons' data is in
:mod:`bot.domain.callback_data`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Literal


class SurveyStatus(StrEnum):
    PENDING = "pending"  # due, not sent yet
    SENT = "sent"
    REMINDED = "reminded"
    ANSWERED = "answered"
    PHONE = "phone"  # no answer (or no chat): staff follow up by phone
    CANCELLED = "cancelled"  # the ticket was reopened before its survey went out


class SurveyEvent(StrEnum):
    """Actions written to the ticket's log, so reports compute follow-up and satisfaction rates from it."""

    SENT = "survey_sent"  # detail: survey
    REMINDED = "survey_reminded"  # detail: survey
    ANSWERED = "survey_answered"  # detail: survey, rating (1-5 or None), not_fixed
    COMMENT = "survey_comment"  # detail: survey, text
    FOLLOWUP_PHONE = "followup_phone"  # detail: survey, reason ("no answer" | "no chat")
    ESCALATED = "survey_escalated"  # detail: survey (a low score went to the managers' chat)


LowScoreAction = Literal["reopen", "escalate"]


@dataclass(frozen=True)
class SurveySettings:
    """The ``[surveys]`` table of the estate configuration."""

    enabled: bool = True
    delay_hours: float = 24.0  # after the ticket is resolved
    reminder_after_hours: float = 48.0  # after the survey, if unanswered
    phone_after_hours: float = 48.0  # after the reminder, if still unanswered
    low_score: int = 2  # a rating at or below this is a complaint about the handling
    on_low_score: LowScoreAction = "reopen"
    comment_minutes: float = 30.0  # how long the next text after a rating counts as its comment
    lookback_days: float = 14.0  # tickets resolved longer ago than delay + this are never surveyed
    sweep_seconds: float = 60.0


@dataclass(frozen=True)
class FollowUp:
    """One follow-up survey of one resolved ticket (at most one per ticket)."""

    id: int
    ticket_id: int
    resident_id: int
    status: SurveyStatus
    due_at: datetime
    sent_at: datetime | None = None
    reminded_at: datetime | None = None
    answered_at: datetime | None = None
    rating: int | None = None
    not_fixed: bool = False
    comment: str | None = None
    followed_at: datetime | None = None  # when the answer was acted on in full (logged, reopened or escalated)


NOT_FIXED = "nf"
SKIP = "skip"
RATINGS = (1, 2, 3, 4, 5)


def needs_action(rating: int | None, not_fixed: bool, settings: SurveySettings) -> LowScoreAction | None:
    """What an answer sets off: "not fixed" always reopens; a low score reopens or escalates."""
    if not_fixed:
        return "reopen"
    if rating is not None and rating <= settings.low_score:
        return settings.on_low_score
    return None


# -- questionnaires ------------------------------------------------------------------------------

QuestionKind = Literal["rating", "choice"]


@dataclass(frozen=True)
class Question:
    kind: QuestionKind
    text: dict[str, str]  # language code -> text
    options: tuple[dict[str, str], ...] = ()  # for "choice": each option's text per language

    def __post_init__(self) -> None:
        if self.kind == "choice" and not 2 <= len(self.options) <= 8:
            raise ValueError("a choice question needs 2 to 8 options")
        if self.kind == "rating" and self.options:
            raise ValueError("a rating question has no options")
        if not self.text:
            raise ValueError("a question needs a text")

    @property
    def values(self) -> tuple[str, ...]:
        """The answers a button may carry: ``1``-``5`` for a rating, option positions for a choice."""
        if self.kind == "rating":
            return tuple(str(r) for r in RATINGS)
        return tuple(str(i) for i in range(len(self.options)))


@dataclass(frozen=True)
class Questionnaire:
    title: dict[str, str]
    questions: tuple[Question, ...]
    id: int | None = None
    created_at: datetime | None = None

    def __post_init__(self) -> None:
        if not 1 <= len(self.questions) <= 20:
            raise ValueError("a questionnaire has 1 to 20 questions")
        if not self.title:
            raise ValueError("a questionnaire needs a title")


@dataclass(frozen=True)
class Audience:
    """Who a questionnaire goes to: everyone, or residents matching every filter given."""

    buildings: tuple[str, ...] = ()
    units: tuple[tuple[str, str], ...] = ()  # (building, unit)
    role: Literal["owner", "tenant"] | None = None

    @property
    def everyone(self) -> bool:
        return not self.buildings and not self.units and self.role is None


def parse_audience(text: str) -> Audience:
    """``all``, ``building:3``, ``unit:3-502``, ``owners``, ``tenants``; comma-separated filters all apply."""
    buildings: list[str] = []
    units: list[tuple[str, str]] = []
    role: Literal["owner", "tenant"] | None = None
    for part in (p.strip() for p in text.split(",")):
        key, _, value = part.partition(":")
        key = key.strip().lower()
        value = value.strip()
        if key in ("all", "everyone") and not value:
            continue
        if key in ("owners", "owner") and not value:
            role = "owner"
        elif key in ("tenants", "tenant") and not value:
            role = "tenant"
        elif key == "building" and value:
            buildings.extend(b.strip() for b in value.split("|") if b.strip())
        elif key == "unit" and "-" in value:
            building, _, unit = value.partition("-")
            units.append((building.strip(), unit.strip()))
        else:
            raise ValueError(f"unknown audience {part!r}: use all, building:<b>, unit:<b>-<u>, owners or tenants")
    return Audience(tuple(buildings), tuple(units), role)


@dataclass(frozen=True)
class QuestionResult:
    position: int
    question: Question
    counts: dict[str, int] = field(default_factory=dict)  # value -> answers

    @property
    def answers(self) -> int:
        return sum(self.counts.values())

    @property
    def average(self) -> float | None:
        """Mean rating, for rating questions with answers."""
        if self.question.kind != "rating" or not self.answers:
            return None
        return sum(int(v) * n for v, n in self.counts.items()) / self.answers


def pick_text(texts: dict[str, str], language: str) -> str:
    """The text in ``language``, else Traditional Chinese, else English, else any."""
    for code in (language, "zh-Hant", "en"):
        if texts.get(code):
            return texts[code]
    return next(iter(texts.values()), "")
