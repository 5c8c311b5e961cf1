"""The SQL tables behind tickets, the resident registry and billing (SQLAlchemy 2 declarative).

Migration 0001 creates exactly these; change them only together with a new migration.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator, TypeEngine

# Named constraints let Alembic's batch mode rebuild SQLite tables and drop constraints by name.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# SQLite only auto-increments a column declared exactly INTEGER PRIMARY KEY.
Id = BigInteger().with_variant(Integer(), "sqlite")

CENT = Decimal("0.01")


class UtcDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes in and out; naive datetimes are refused.

    SQLite keeps no offset, so values are stored there as naive UTC and given ``UTC`` back on load.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime {value.isoformat()} given: use a timezone-aware one")
        utc = value.astimezone(UTC)
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Money(TypeDecorator[Decimal]):
    """NUMERIC(12,2) as :class:`~decimal.Decimal`.

    SQLite has no decimal type and would hand back floats; the value is sent as text and read back
    through ``repr`` of the float, which is exact for twelve significant digits.
    """

    impl = Numeric(12, 2)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(Numeric(12, 2, asdecimal=False))
        return dialect.type_descriptor(Numeric(12, 2))

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        amount = Decimal(value).quantize(CENT)
        return str(amount) if dialect.name == "sqlite" else amount

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return Decimal(str(value)).quantize(CENT)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class UnitRecord(Base):
    __tablename__ = "units"
    __table_args__ = (
        UniqueConstraint("estate", "building", "unit"),
        Index(None, "building", "unit"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    estate: Mapped[str] = mapped_column(String(100), default="", server_default="")
    building: Mapped[str] = mapped_column(String(20))
    unit: Mapped[str] = mapped_column(String(20))


class ResidentRecord(Base):
    __tablename__ = "residents"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(20), unique=True)  # E.164
    language: Mapped[str] = mapped_column(String(8))
    telegram_user_id: Mapped[int | None] = mapped_column(BigInteger, unique=True)
    reachable: Mapped[bool] = mapped_column(Boolean, default=True, server_default=text("true"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ResidentUnitRecord(Base):
    __tablename__ = "resident_units"
    __table_args__ = (Index(None, "unit_id"),)

    resident_id: Mapped[int] = mapped_column(Id, ForeignKey("residents.id", ondelete="CASCADE"), primary_key=True)
    unit_id: Mapped[int] = mapped_column(Id, ForeignKey("units.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(String(10))


class TicketRecord(Base):
    __tablename__ = "tickets"
    __table_args__ = (
        Index(None, "resident_id", "created_at"),
        Index(None, "unit_id"),
        Index(None, "department", "status"),
        Index(None, "status", "sla_due_at"),
        Index(None, "card_chat_id", "topic_id"),  # a message in a forum topic → its ticket (0006)
        # Only tickets still waiting for their staff card: the poster's retry query stays small.
        Index(
            "ix_tickets_without_card",
            "created_at",
            sqlite_where=text("card_message_id IS NULL"),
            postgresql_where=text("card_message_id IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    number: Mapped[str] = mapped_column(String(16), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    seq: Mapped[int] = mapped_column(Integer)
    category: Mapped[str] = mapped_column(String(32))
    urgency: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    resident_id: Mapped[int | None] = mapped_column(Id, ForeignKey("residents.id", ondelete="SET NULL"))
    unit_id: Mapped[int | None] = mapped_column(Id, ForeignKey("units.id", ondelete="SET NULL"))
    place: Mapped[str] = mapped_column(String(200))
    # The unit's building, or the one a common-area report names, so figures by building count both (0012).
    building: Mapped[str] = mapped_column(String(20), default="", server_default="")
    description: Mapped[str] = mapped_column(Text)
    department: Mapped[str] = mapped_column(String(64))
    channel: Mapped[str] = mapped_column(String(32))
    contact_phone: Mapped[str | None] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    sla_due_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    card_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    card_message_id: Mapped[int | None] = mapped_column(BigInteger)
    idempotency_key: Mapped[str] = mapped_column(String(200), unique=True)
    # The lifecycle's state as the log says it (bot.domain.lifecycle.apply), kept for queries (0002).
    assignee: Mapped[int | None] = mapped_column(BigInteger)
    version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    response_due_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    first_response_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    merged_into: Mapped[str | None] = mapped_column(String(16))
    incident: Mapped[str | None] = mapped_column(String(16))
    topic_id: Mapped[int | None] = mapped_column(BigInteger)
    reopen_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    resolution_note: Mapped[str] = mapped_column(Text, default="", server_default="")


class TicketMessageRecord(Base):
    """Which ticket a message in a chat is about: staff replying to a card, residents to a notice (0002)."""

    __tablename__ = "ticket_messages"

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    message_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(Id, ForeignKey("tickets.id", ondelete="CASCADE"))


class IncidentRecord(Base):
    __tablename__ = "incidents"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    number: Mapped[str] = mapped_column(String(16), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    department: Mapped[str] = mapped_column(String(64))
    building: Mapped[str] = mapped_column(String(20), default="", server_default="")
    category: Mapped[str] = mapped_column(String(32), default="", server_default="")
    status: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class TicketAttachmentRecord(Base):
    __tablename__ = "ticket_attachments"

    ticket_id: Mapped[int] = mapped_column(Id, ForeignKey("tickets.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    file_id: Mapped[str] = mapped_column(String(255))


class TicketEventRecord(Base):
    """One line of a ticket's log. Rows are only ever inserted; ``id`` gives the log's order."""

    __tablename__ = "ticket_events"
    __table_args__ = (Index(None, "ticket_id", "id"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(Id, ForeignKey("tickets.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON)


class TicketCounterRecord(Base):
    """The last public number handed out per ticket kind (``R`` → 123 means R-000123 exists)."""

    __tablename__ = "ticket_counters"

    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)


class BillingAccountRecord(Base):
    __tablename__ = "billing_accounts"

    unit_id: Mapped[int] = mapped_column(Id, ForeignKey("units.id", ondelete="CASCADE"), primary_key=True)
    currency: Mapped[str] = mapped_column(String(3))
    fee_paid_until: Mapped[str | None] = mapped_column(String(7))  # "YYYY-MM"
    amount_due: Mapped[Decimal] = mapped_column(Money)
    arrears: Mapped[Decimal] = mapped_column(Money)
    due_date: Mapped[date | None] = mapped_column(Date)
    water_balance: Mapped[Decimal | None] = mapped_column(Money)
    electricity_balance: Mapped[Decimal | None] = mapped_column(Money)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class BillingPaymentRecord(Base):
    __tablename__ = "billing_payments"
    # Also serves "the unit's payments, newest first" through its (unit_id, paid_on) prefix.
    __table_args__ = (UniqueConstraint("unit_id", "paid_on", "item", "reference"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    unit_id: Mapped[int] = mapped_column(Id, ForeignKey("units.id", ondelete="CASCADE"))
    paid_on: Mapped[date] = mapped_column(Date)
    item: Mapped[str] = mapped_column(String(32))
    amount: Mapped[Decimal] = mapped_column(Money)
    reference: Mapped[str] = mapped_column(String(100), default="", server_default="")


# -- Follow-up surveys and satisfaction questionnaires (migration 0004) ------------------------------


class SurveyRecord(Base):
    """One follow-up survey per resolved ticket; ``answered_at`` is set once (a second answer does nothing)."""

    __tablename__ = "surveys"
    __table_args__ = (
        Index(None, "status", "due_at"),
        # Answers not yet acted on in full (a failure part-way): the sweep finishes them (0007).
        Index(
            "ix_surveys_unfollowed",
            "answered_at",
            sqlite_where=text("followed_at IS NULL AND answered_at IS NOT NULL"),
            postgresql_where=text("followed_at IS NULL AND answered_at IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(Id, ForeignKey("tickets.id", ondelete="CASCADE"), unique=True)
    resident_id: Mapped[int] = mapped_column(Id, ForeignKey("residents.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16))
    due_at: Mapped[datetime] = mapped_column(UtcDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    reminded_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    answered_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    rating: Mapped[int | None] = mapped_column(Integer)
    not_fixed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))
    comment: Mapped[str | None] = mapped_column(Text)
    followed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)  # the answer was acted on in full (0007)


class QuestionnaireRecord(Base):
    """A satisfaction questionnaire as managers defined it (title and questions as JSON)."""

    __tablename__ = "questionnaires"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    definition: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class QuestionnaireRecipientRecord(Base):
    """One resident a questionnaire is sent to: the durable, per-recipient delivery state."""

    __tablename__ = "questionnaire_recipients"
    __table_args__ = (UniqueConstraint("questionnaire_id", "resident_id"), Index(None, "status", "id"))

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    questionnaire_id: Mapped[int] = mapped_column(Id, ForeignKey("questionnaires.id", ondelete="CASCADE"))
    resident_id: Mapped[int] = mapped_column(Id, ForeignKey("residents.id", ondelete="CASCADE"))
    chat_id: Mapped[int] = mapped_column(BigInteger)
    language: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(16))  # pending | sent | unreachable
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class QuestionnaireAnswerRecord(Base):
    """One answer to one question; the key makes a second press of the same question a no-op."""

    __tablename__ = "questionnaire_answers"
    __table_args__ = (Index(None, "questionnaire_id", "position"),)

    recipient_id: Mapped[int] = mapped_column(
        Id, ForeignKey("questionnaire_recipients.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    questionnaire_id: Mapped[int] = mapped_column(Id, ForeignKey("questionnaires.id", ondelete="CASCADE"))
    value: Mapped[str] = mapped_column(String(16))
    answered_at: Mapped[datetime] = mapped_column(UtcDateTime)


# -- Broadcast notices and fee reminders (migration 0003) -----------------------------------------------------


class NoticeRecord(Base):
    __tablename__ = "notices"
    __table_args__ = (Index(None, "status", "scheduled_at"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    body: Mapped[str] = mapped_column("text", Text)  # "text" as an attribute would hide sqlalchemy.text here
    audience: Mapped[str] = mapped_column(String(400))
    emergency: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))
    status: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_by: Mapped[int] = mapped_column(BigInteger)
    scheduled_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    photo: Mapped[str | None] = mapped_column(String(255))
    document: Mapped[str | None] = mapped_column(String(255))
    chat_id: Mapped[int | None] = mapped_column(BigInteger)
    message_id: Mapped[int | None] = mapped_column(BigInteger)
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    total: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class NoticeDeliveryRecord(Base):
    """One recipient of one notice, fixed when the notice is confirmed; its state is written before each send."""

    __tablename__ = "notice_deliveries"
    __table_args__ = (
        UniqueConstraint("notice_id", "resident_id"),
        Index(None, "notice_id", "state"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    notice_id: Mapped[int] = mapped_column(Id, ForeignKey("notices.id", ondelete="CASCADE"))
    resident_id: Mapped[int] = mapped_column(Id, ForeignKey("residents.id", ondelete="CASCADE"))
    chat_id: Mapped[int] = mapped_column(BigInteger)
    language: Mapped[str] = mapped_column(String(8))
    state: Mapped[str] = mapped_column(String(12))
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    claim_token: Mapped[str | None] = mapped_column(String(32))
    lease_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    message_id: Mapped[int | None] = mapped_column(BigInteger)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    error: Mapped[str] = mapped_column(String(200), default="", server_default="")


class FeeReminderRecord(Base):
    """Every fee reminder sent (催繳). ``seq`` numbers the scheduled ones per due date; manual ones have none."""

    __tablename__ = "fee_reminders"
    __table_args__ = (
        UniqueConstraint("resident_id", "unit_id", "due_date", "seq"),
        Index(None, "unit_id", "sent_at"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    resident_id: Mapped[int] = mapped_column(Id, ForeignKey("residents.id", ondelete="CASCADE"))
    unit_id: Mapped[int] = mapped_column(Id, ForeignKey("units.id", ondelete="CASCADE"))
    due_date: Mapped[date | None] = mapped_column(Date)
    seq: Mapped[int | None] = mapped_column(Integer)
    amount: Mapped[Decimal] = mapped_column(Money)
    currency: Mapped[str] = mapped_column(String(3))
    actor: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(12))  # sending | sent | unreachable | failed
    sent_at: Mapped[datetime] = mapped_column(UtcDateTime)
    message_id: Mapped[int | None] = mapped_column(BigInteger)


class ReminderOptOutRecord(Base):
    __tablename__ = "reminder_opt_outs"

    resident_id: Mapped[int] = mapped_column(Id, ForeignKey("residents.id", ondelete="CASCADE"), primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)


# -- The desk's figures (migration 0005): indexes for period reports ----------------------------------------
# A period's tickets by creation time, and a period's resolutions by action and time (bot/reports).
Index("ix_tickets_created_at", TicketRecord.created_at)
Index("ix_ticket_events_action_at", TicketEventRecord.action, TicketEventRecord.at)


# -- Dead letters (migration 0008): updates that can never be processed, kept whole ---------------------------
class DeadLetterRecord(Base):
    """An update set aside: unparsable, or its turn failed the same way on every attempt.

    ``update_id`` is unique when known (a redelivered dead update is counted, not stored twice);
    the table keeps the newest ``SqlDeadLetters.max_rows`` rows."""

    __tablename__ = "dead_letters"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    update_id: Mapped[int | None] = mapped_column(BigInteger, unique=True)
    reason: Mapped[str] = mapped_column(String(16))  # unparsable | failed | crashed | refused
    payload: Mapped[bytes] = mapped_column(LargeBinary)  # the update exactly as received
    error: Mapped[str] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer)
    first_seen: Mapped[datetime] = mapped_column(UtcDateTime)
    last_seen: Mapped[datetime] = mapped_column(UtcDateTime)


# -- The audit trail of refused staff attempts (migration 0009) ---------------------------------------------


class AuditEntryRecord(Base):
    """A refused staff command or button press (bot/domain/audit.py); read newest first."""

    __tablename__ = "audit_entries"
    __table_args__ = (Index(None, "at"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    user_id: Mapped[int] = mapped_column(BigInteger)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    place: Mapped[str] = mapped_column(String(16))
    attempt: Mapped[str] = mapped_column(String(100))
    refusal: Mapped[str] = mapped_column(String(16))


# -- What must survive a restart of Redis (migration 0011) ---------------------------------------------------
class ChatMoveRecord(Base):
    """A staff group that became a supergroup: its old chat id and the new one (Telegram's migrate_to)."""

    __tablename__ = "chat_moves"

    old_chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    new_chat_id: Mapped[int] = mapped_column(BigInteger)
    moved_at: Mapped[datetime] = mapped_column(UtcDateTime)


class StaffPromptRecord(Base):
    """A question the bot asked a staff member in a group (need info, resolve note), awaiting the reply."""

    __tablename__ = "staff_prompts"

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    action: Mapped[str] = mapped_column(String(32))
    ticket: Mapped[str] = mapped_column(String(32))
    prompt_message_id: Mapped[int | None] = mapped_column(BigInteger)
    asked_at: Mapped[datetime] = mapped_column(UtcDateTime)


class OpenFormRecord(Base):
    """A chat with a dialog under way. The form itself lives in the state store; this row lets the
    desk notice when the store lost it, and tell the resident instead of showing the menu."""

    __tablename__ = "open_forms"

    chat: Mapped[str] = mapped_column(String(64), primary_key=True)
    flow: Mapped[str] = mapped_column(String(32))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


# -- NLU corrections (migration 0012): labels staff and residents corrected, for review -----------------------
class NluCorrectionRecord(Base):
    """A resident's message with the label a person gave it after the understander's guess.

    Written when staff transfer a ticket to another department, or a resident changes the pre-filled
    category. ``reviewed`` ones join the training data at start-up (``estatedesk nlu corrections``)."""

    __tablename__ = "nlu_corrections"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    intent: Mapped[str] = mapped_column(String(16))
    category: Mapped[str | None] = mapped_column(String(32))
    source: Mapped[str] = mapped_column(String(16))  # transfer | resident
    actor: Mapped[str] = mapped_column(String(64))  # "staff:123", "resident:45"
    ticket: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    reviewed: Mapped[bool] = mapped_column(Boolean, default=False)


# -- Ticket news for Rasa conversations (migration 0013): the durable outbox of trigger_intent requests ----------
class RasaNewsRecord(Base):
    """One ``trigger_intent`` request for a Rasa conversation, queued before it is sent.

    ``pending`` rows of a conversation go out oldest first, one at a time (only the oldest pending row can be
    claimed: ``claim_token`` and ``lease_until`` while a worker sends it); ``sent`` once Rasa answered 200;
    ``dead`` when Rasa refused it for good (also kept in ``dead_letters``)."""

    __tablename__ = "rasa_news"
    __table_args__ = (Index(None, "conversation", "state", "id"), Index(None, "state", "next_attempt_at"))

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    conversation: Mapped[str] = mapped_column(String(255))  # Rasa's sender id
    ticket: Mapped[str] = mapped_column(String(32))
    body: Mapped[dict[str, Any]] = mapped_column(JSON)  # the request body: intent name, entities, output channel
    state: Mapped[str] = mapped_column(String(12))  # pending | sent | dead
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    next_attempt_at: Mapped[datetime] = mapped_column(UtcDateTime)
    claim_token: Mapped[str | None] = mapped_column(String(32))
    lease_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    error: Mapped[str] = mapped_column(String(200), default="", server_default="")
