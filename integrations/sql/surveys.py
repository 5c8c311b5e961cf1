"""Follow-up surveys and questionnaires in SQL: one survey row per ticket, durable per-recipient deliveries.

Every state change is a conditional UPDATE (``WHERE status = ...``) or an insert that ignores
conflicts, so two workers racing for the same survey or answer act once.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, func, insert, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from bot.domain.surveys import (
    Audience,
    FollowUp,
    Question,
    Questionnaire,
    QuestionResult,
    SurveyStatus,
)
from bot.domain.tickets import TicketStatus
from integrations.sql.database import Database
from integrations.sql.tables import (
    QuestionnaireAnswerRecord,
    QuestionnaireRecipientRecord,
    QuestionnaireRecord,
    ResidentRecord,
    ResidentUnitRecord,
    SurveyRecord,
    TicketRecord,
    UnitRecord,
)


@dataclass(frozen=True)
class Recipient:
    """One resident a questionnaire goes to."""

    id: int
    questionnaire_id: int
    resident_id: int
    chat_id: int
    language: str
    status: str


class SqlSurveys:
    def __init__(self, db: Database) -> None:
        self._db = db

    def _insert(self) -> Any:
        return postgresql.insert if self._db.dialect == "postgresql" else sqlite.insert

    # -- follow-up surveys ---------------------------------------------------------------------
    async def schedule(self, resolved_before: datetime, resolved_after: datetime, due_at: datetime) -> int:
        """Create the survey of every ticket resolved in the window that has a resident and no survey yet."""
        async with self._db.begin() as session:
            rows = (
                await session.execute(
                    select(TicketRecord.id, TicketRecord.resident_id)
                    .outerjoin(SurveyRecord, SurveyRecord.ticket_id == TicketRecord.id)
                    .where(
                        TicketRecord.status == TicketStatus.RESOLVED.value,
                        TicketRecord.resident_id.is_not(None),
                        TicketRecord.resolved_at <= resolved_before,
                        TicketRecord.resolved_at > resolved_after,
                        SurveyRecord.id.is_(None),
                    )
                    .limit(500)
                )
            ).all()
            if not rows:
                return 0
            await session.execute(
                self._insert()(SurveyRecord)
                .values(
                    [
                        {
                            "ticket_id": ticket_id,
                            "resident_id": resident_id,
                            "status": SurveyStatus.PENDING.value,
                            "due_at": due_at,
                            "not_fixed": False,
                        }
                        for ticket_id, resident_id in rows
                    ]
                )
                .on_conflict_do_nothing(index_elements=["ticket_id"])
            )
        return len(rows)

    async def get(self, survey_id: int) -> FollowUp | None:
        async with self._db.session() as session:
            r = await session.get(SurveyRecord, survey_id)
        return None if r is None else _followup(r)

    async def for_ticket(self, ticket_id: int) -> FollowUp | None:
        async with self._db.session() as session:
            r = await session.scalar(select(SurveyRecord).where(SurveyRecord.ticket_id == ticket_id))
        return None if r is None else _followup(r)

    async def with_status(
        self, status: SurveyStatus, *, before: datetime | None = None, limit: int = 200
    ) -> list[FollowUp]:
        """Unanswered surveys in ``status`` whose last step (due, sent, reminded) is before ``before``."""
        column = {
            SurveyStatus.PENDING: SurveyRecord.due_at,
            SurveyStatus.SENT: SurveyRecord.sent_at,
            SurveyStatus.REMINDED: SurveyRecord.reminded_at,
        }.get(status, SurveyRecord.due_at)
        stmt = select(SurveyRecord).where(SurveyRecord.status == status.value, SurveyRecord.answered_at.is_(None))
        if before is not None:
            stmt = stmt.where(column <= before)
        async with self._db.session() as session:
            rows = await session.scalars(stmt.order_by(SurveyRecord.id).limit(limit))
            return [_followup(r) for r in rows]

    async def unfollowed(self, answered_before: datetime, *, limit: int = 200) -> list[FollowUp]:
        """Answers given before ``answered_before`` and not yet acted on in full, oldest first."""
        stmt = (
            select(SurveyRecord)
            .where(
                SurveyRecord.followed_at.is_(None),
                SurveyRecord.answered_at.is_not(None),
                SurveyRecord.answered_at < answered_before,
            )
            .order_by(SurveyRecord.answered_at, SurveyRecord.id)
            .limit(limit)
        )
        async with self._db.session() as session:
            return [_followup(r) for r in await session.scalars(stmt)]

    async def mark_followed(self, survey_id: int, at: datetime) -> None:
        async with self._db.begin() as session:
            await session.execute(
                update(SurveyRecord)
                .where(SurveyRecord.id == survey_id, SurveyRecord.followed_at.is_(None))
                .values(followed_at=at)
            )

    async def move(self, survey_id: int, before: SurveyStatus, after: SurveyStatus, at: datetime) -> bool:
        """``before`` → ``after`` if still unanswered and in ``before``; True for the one caller that did it."""
        values: dict[str, Any] = {"status": after.value}
        if after is SurveyStatus.SENT:
            values["sent_at"] = at
        elif after is SurveyStatus.REMINDED:
            values["reminded_at"] = at
        async with self._db.begin() as session:
            result = await session.execute(
                update(SurveyRecord)
                .where(
                    SurveyRecord.id == survey_id,
                    SurveyRecord.status == before.value,
                    SurveyRecord.answered_at.is_(None),
                )
                .values(**values)
            )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def answer(self, survey_id: int, rating: int | None, not_fixed: bool, at: datetime) -> bool:
        """Record the first answer; False when the survey was answered before (nothing changes)."""
        async with self._db.begin() as session:
            result = await session.execute(
                update(SurveyRecord)
                .where(SurveyRecord.id == survey_id, SurveyRecord.answered_at.is_(None))
                .values(status=SurveyStatus.ANSWERED.value, answered_at=at, rating=rating, not_fixed=not_fixed)
            )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def comment(self, survey_id: int, text: str) -> bool:
        """Keep the first comment on an answered survey; False if it already had one."""
        async with self._db.begin() as session:
            result = await session.execute(
                update(SurveyRecord)
                .where(
                    SurveyRecord.id == survey_id,
                    SurveyRecord.answered_at.is_not(None),
                    SurveyRecord.comment.is_(None),
                )
                .values(comment=text)
            )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    # -- questionnaires ------------------------------------------------------------------------
    async def create_questionnaire(self, questionnaire: Questionnaire, at: datetime) -> int:
        title = questionnaire.title.get("en") or next(iter(questionnaire.title.values()))
        async with self._db.begin() as session:
            qid = await session.scalar(
                insert(QuestionnaireRecord)
                .values(title=title[:200], definition=_definition(questionnaire), created_at=at)
                .returning(QuestionnaireRecord.id)
            )
        assert qid is not None
        return int(qid)

    async def questionnaire(self, questionnaire_id: int) -> Questionnaire | None:
        async with self._db.session() as session:
            r = await session.get(QuestionnaireRecord, questionnaire_id)
        if r is None:
            return None
        return _questionnaire(r.id, r.definition, r.created_at)

    async def audience(self, audience: Audience) -> list[tuple[int, int, str]]:
        """(resident id, Telegram chat id, language) of reachable, linked residents in the audience."""
        stmt = (
            select(ResidentRecord.id, ResidentRecord.telegram_user_id, ResidentRecord.language)
            .where(ResidentRecord.telegram_user_id.is_not(None), ResidentRecord.reachable.is_(True))
            .order_by(ResidentRecord.id)
        )
        if not audience.everyone:
            conditions: list[ColumnElement[bool]] = []
            if audience.buildings:
                conditions.append(UnitRecord.building.in_(audience.buildings))
            if audience.units:
                conditions.append(
                    or_(*(and_(UnitRecord.building == b, UnitRecord.unit == u) for b, u in audience.units))
                )
            if audience.role is not None:
                conditions.append(ResidentUnitRecord.role == audience.role)
            members = (
                select(ResidentUnitRecord.resident_id)
                .join(UnitRecord, UnitRecord.id == ResidentUnitRecord.unit_id)
                .where(*conditions)
            )
            stmt = stmt.where(ResidentRecord.id.in_(members))
        async with self._db.session() as session:
            return [(int(a), int(b or 0), str(c)) for a, b, c in (await session.execute(stmt)).all()]

    async def add_recipients(self, questionnaire_id: int, residents: list[tuple[int, int, str]]) -> int:
        """Add recipients (a resident already added to this questionnaire is skipped); the number added."""
        if not residents:
            return 0
        async with self._db.begin() as session:
            before = await self._count(session, questionnaire_id)
            for start in range(0, len(residents), 500):
                await session.execute(
                    self._insert()(QuestionnaireRecipientRecord)
                    .values(
                        [
                            {
                                "questionnaire_id": questionnaire_id,
                                "resident_id": rid,
                                "chat_id": chat,
                                "language": lang,
                                "status": "pending",
                            }
                            for rid, chat, lang in residents[start : start + 500]
                        ]
                    )
                    .on_conflict_do_nothing(index_elements=["questionnaire_id", "resident_id"])
                )
            after = await self._count(session, questionnaire_id)
        return after - before

    @staticmethod
    async def _count(session: Any, questionnaire_id: int) -> int:
        return int(
            await session.scalar(
                select(func.count()).where(QuestionnaireRecipientRecord.questionnaire_id == questionnaire_id)
            )
            or 0
        )

    async def pending_recipients(self, limit: int = 500) -> list[Recipient]:
        async with self._db.session() as session:
            rows = await session.scalars(
                select(QuestionnaireRecipientRecord)
                .where(QuestionnaireRecipientRecord.status == "pending")
                .order_by(QuestionnaireRecipientRecord.id)
                .limit(limit)
            )
            return [_recipient(r) for r in rows]

    async def recipient(self, recipient_id: int) -> Recipient | None:
        async with self._db.session() as session:
            r = await session.get(QuestionnaireRecipientRecord, recipient_id)
        return None if r is None else _recipient(r)

    async def mark_recipient(self, recipient_id: int, status: str, at: datetime) -> bool:
        """pending → ``status`` (sent | unreachable); False if someone else did it first."""
        async with self._db.begin() as session:
            result = await session.execute(
                update(QuestionnaireRecipientRecord)
                .where(
                    QuestionnaireRecipientRecord.id == recipient_id, QuestionnaireRecipientRecord.status == "pending"
                )
                .values(status=status, sent_at=at if status == "sent" else None)
            )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def record_answer(self, recipient: Recipient, position: int, value: str, at: datetime) -> bool:
        """Keep the first answer to a question; False when it was answered before."""
        async with self._db.begin() as session:
            result = await session.execute(
                self._insert()(QuestionnaireAnswerRecord)
                .values(
                    recipient_id=recipient.id,
                    position=position,
                    questionnaire_id=recipient.questionnaire_id,
                    value=value,
                    answered_at=at,
                )
                .on_conflict_do_nothing(index_elements=["recipient_id", "position"])
            )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def answered_positions(self, recipient_id: int) -> set[int]:
        async with self._db.session() as session:
            rows = await session.scalars(
                select(QuestionnaireAnswerRecord.position).where(QuestionnaireAnswerRecord.recipient_id == recipient_id)
            )
            return set(rows)

    async def delivery(self, questionnaire_id: int) -> dict[str, int]:
        """Recipients per delivery status (pending, sent, unreachable)."""
        async with self._db.session() as session:
            rows = await session.execute(
                select(QuestionnaireRecipientRecord.status, func.count())
                .where(QuestionnaireRecipientRecord.questionnaire_id == questionnaire_id)
                .group_by(QuestionnaireRecipientRecord.status)
            )
            return {str(s): int(n) for s, n in rows.all()}

    async def results(self, questionnaire_id: int) -> list[QuestionResult]:
        questionnaire = await self.questionnaire(questionnaire_id)
        if questionnaire is None:
            raise LookupError(f"no questionnaire {questionnaire_id}")
        counts: dict[int, dict[str, int]] = defaultdict(dict)
        async with self._db.session() as session:
            rows = await session.execute(
                select(QuestionnaireAnswerRecord.position, QuestionnaireAnswerRecord.value, func.count())
                .where(QuestionnaireAnswerRecord.questionnaire_id == questionnaire_id)
                .group_by(QuestionnaireAnswerRecord.position, QuestionnaireAnswerRecord.value)
            )
            for position, value, n in rows.all():
                counts[int(position)][str(value)] = int(n)
        return [
            QuestionResult(i, q, {v: counts[i].get(v, 0) for v in q.values})
            for i, q in enumerate(questionnaire.questions)
        ]


def _followup(r: SurveyRecord) -> FollowUp:
    return FollowUp(
        id=r.id,
        ticket_id=r.ticket_id,
        resident_id=r.resident_id,
        status=SurveyStatus(r.status),
        due_at=r.due_at,
        sent_at=r.sent_at,
        reminded_at=r.reminded_at,
        answered_at=r.answered_at,
        rating=r.rating,
        not_fixed=bool(r.not_fixed),
        comment=r.comment,
        followed_at=r.followed_at,
    )


def _recipient(r: QuestionnaireRecipientRecord) -> Recipient:
    return Recipient(r.id, r.questionnaire_id, r.resident_id, r.chat_id, r.language, r.status)


def _definition(q: Questionnaire) -> dict[str, Any]:
    return {
        "title": dict(q.title),
        "questions": [
            {"kind": x.kind, "text": dict(x.text), "options": [dict(o) for o in x.options]} for x in q.questions
        ],
    }


def _questionnaire(qid: int, data: dict[str, Any], created_at: datetime) -> Questionnaire:
    return Questionnaire(
        title=dict(data["title"]),
        questions=tuple(
            Question(kind=x["kind"], text=dict(x["text"]), options=tuple(dict(o) for o in x.get("options", ())))
            for x in data["questions"]
        ),
        id=qid,
        created_at=created_at,
    )
