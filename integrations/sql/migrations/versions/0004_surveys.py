"""Follow-up surveys and periodic satisfaction questionnaires.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
Timestamp = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "surveys",
        sa.Column("id", Id, nullable=False),
        sa.Column("ticket_id", Id, nullable=False),
        sa.Column("resident_id", Id, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("due_at", Timestamp, nullable=False),
        sa.Column("sent_at", Timestamp, nullable=True),
        sa.Column("reminded_at", Timestamp, nullable=True),
        sa.Column("answered_at", Timestamp, nullable=True),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("not_fixed", sa.Boolean(), nullable=False, server_default=sa.text("false")),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], name="fk_surveys_ticket_id_tickets", ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["residents.id"], name="fk_surveys_resident_id_residents", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_surveys"),
        sa.UniqueConstraint("ticket_id", name="uq_surveys_ticket_id"),
    )
    op.create_index("ix_surveys_status_due_at", "surveys", ["status", "due_at"])
    op.create_table(
        "questionnaires",
        sa.Column("id", Id, nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("definition", sa.JSON(), nullable=False),
        sa.Column("created_at", Timestamp, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_questionnaires"),
    )
    op.create_table(
        "questionnaire_recipients",
        sa.Column("id", Id, nullable=False),
        sa.Column("questionnaire_id", Id, nullable=False),
        sa.Column("resident_id", Id, nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("sent_at", Timestamp, nullable=True),
        sa.ForeignKeyConstraint(
            ["questionnaire_id"],
            ["questionnaires.id"],
            name="fk_questionnaire_recipients_questionnaire_id_questionnaires",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"],
            ["residents.id"],
            name="fk_questionnaire_recipients_resident_id_residents",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_questionnaire_recipients"),
        sa.UniqueConstraint(
            "questionnaire_id", "resident_id", name="uq_questionnaire_recipients_questionnaire_id_resident_id"
        ),
    )
    op.create_index("ix_questionnaire_recipients_status_id", "questionnaire_recipients", ["status", "id"])
    op.create_table(
        "questionnaire_answers",
        sa.Column("recipient_id", Id, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("questionnaire_id", Id, nullable=False),
        sa.Column("value", sa.String(16), nullable=False),
        sa.Column("answered_at", Timestamp, nullable=False),
        sa.ForeignKeyConstraint(
            ["recipient_id"],
            ["questionnaire_recipients.id"],
            name="fk_questionnaire_answers_recipient_id_questionnaire_recipients",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["questionnaire_id"],
            ["questionnaires.id"],
            name="fk_questionnaire_answers_questionnaire_id_questionnaires",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("recipient_id", "position", name="pk_questionnaire_answers"),
    )
    op.create_index(
        "ix_questionnaire_answers_questionnaire_id_position", "questionnaire_answers", ["questionnaire_id", "position"]
    )


def downgrade() -> None:
    op.drop_table("questionnaire_answers")
    op.drop_table("questionnaire_recipients")
    op.drop_table("questionnaires")
    op.drop_table("surveys")
