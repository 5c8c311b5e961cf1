"""Broadcast notices and fee reminders: notices, per-recipient deliveries, reminder records and opt-outs.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
Timestamp = sa.DateTime(timezone=True)
Money = sa.Numeric(12, 2)


def upgrade() -> None:
    op.create_table(
        "notices",
        sa.Column("id", Id, nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("audience", sa.String(400), nullable=False),
        sa.Column("emergency", sa.Boolean(), nullable=False, server_default=sa.text("false")),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", Timestamp, nullable=False),
        sa.Column("created_by", sa.BigInteger(), nullable=False),
        sa.Column("scheduled_at", Timestamp, nullable=True),
        sa.Column("photo", sa.String(255), nullable=True),
        sa.Column("document", sa.String(255), nullable=True),
        sa.Column("chat_id", sa.BigInteger(), nullable=True),
        sa.Column("message_id", sa.BigInteger(), nullable=True),
        sa.Column("finished_at", Timestamp, nullable=True),
        sa.Column("total", sa.Integer(), nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("id", name="pk_notices"),
    )
    op.create_index("ix_notices_status_scheduled_at", "notices", ["status", "scheduled_at"])
    op.create_table(
        "notice_deliveries",
        sa.Column("id", Id, nullable=False),
        sa.Column("notice_id", Id, nullable=False),
        sa.Column("resident_id", Id, nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("claim_token", sa.String(32), nullable=True),
        sa.Column("lease_until", Timestamp, nullable=True),
        sa.Column("message_id", sa.BigInteger(), nullable=True),
        sa.Column("sent_at", Timestamp, nullable=True),
        sa.Column("error", sa.String(200), nullable=False, server_default=""),
        sa.ForeignKeyConstraint(
            ["notice_id"], ["notices.id"], name="fk_notice_deliveries_notice_id_notices", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["residents.id"], name="fk_notice_deliveries_resident_id_residents", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_notice_deliveries"),
        sa.UniqueConstraint("notice_id", "resident_id", name="uq_notice_deliveries_notice_id_resident_id"),
    )
    op.create_index("ix_notice_deliveries_notice_id_state", "notice_deliveries", ["notice_id", "state"])
    op.create_table(
        "fee_reminders",
        sa.Column("id", Id, nullable=False),
        sa.Column("resident_id", Id, nullable=False),
        sa.Column("unit_id", Id, nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("seq", sa.Integer(), nullable=True),
        sa.Column("amount", Money, nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("sent_at", Timestamp, nullable=False),
        sa.Column("message_id", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["residents.id"], name="fk_fee_reminders_resident_id_residents", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name="fk_fee_reminders_unit_id_units", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_fee_reminders"),
        sa.UniqueConstraint(
            "resident_id", "unit_id", "due_date", "seq", name="uq_fee_reminders_resident_id_unit_id_due_date_seq"
        ),
    )
    op.create_index("ix_fee_reminders_unit_id_sent_at", "fee_reminders", ["unit_id", "sent_at"])
    op.create_table(
        "reminder_opt_outs",
        sa.Column("resident_id", Id, nullable=False),
        sa.Column("at", Timestamp, nullable=False),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["residents.id"], name="fk_reminder_opt_outs_resident_id_residents", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("resident_id", name="pk_reminder_opt_outs"),
    )


def downgrade() -> None:
    op.drop_table("reminder_opt_outs")
    op.drop_index("ix_fee_reminders_unit_id_sent_at", table_name="fee_reminders")
    op.drop_table("fee_reminders")
    op.drop_index("ix_notice_deliveries_notice_id_state", table_name="notice_deliveries")
    op.drop_table("notice_deliveries")
    op.drop_index("ix_notices_status_scheduled_at", table_name="notices")
    op.drop_table("notices")
