"""Initial tables: units, residents and their links, tickets with their log, billing.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies of the column types in tables.py: a migration must not change when tables.py does.
Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
Timestamp = sa.DateTime(timezone=True)
Money = sa.Numeric(12, 2)


def _fk(table: str, column: str, target: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], name=f"fk_{table}_{column}_{target}", ondelete=ondelete)


def upgrade() -> None:
    op.create_table(
        "units",
        sa.Column("id", Id, nullable=False),
        sa.Column("estate", sa.String(100), server_default="", nullable=False),
        sa.Column("building", sa.String(20), nullable=False),
        sa.Column("unit", sa.String(20), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_units"),
        sa.UniqueConstraint("estate", "building", "unit", name="uq_units_estate_building_unit"),
    )
    op.create_index("ix_units_building_unit", "units", ["building", "unit"])

    op.create_table(
        "residents",
        sa.Column("id", Id, nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("phone", sa.String(20), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("telegram_user_id", sa.BigInteger(), nullable=True),
        sa.Column("reachable", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column("created_at", Timestamp, nullable=False),
        sa.Column("updated_at", Timestamp, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_residents"),
        sa.UniqueConstraint("phone", name="uq_residents_phone"),
        sa.UniqueConstraint("telegram_user_id", name="uq_residents_telegram_user_id"),
    )

    op.create_table(
        "resident_units",
        sa.Column("resident_id", Id, nullable=False),
        sa.Column("unit_id", Id, nullable=False),
        sa.Column("role", sa.String(10), nullable=False),
        _fk("resident_units", "resident_id", "residents", "CASCADE"),
        _fk("resident_units", "unit_id", "units", "CASCADE"),
        sa.PrimaryKeyConstraint("resident_id", "unit_id", name="pk_resident_units"),
    )
    op.create_index("ix_resident_units_unit_id", "resident_units", ["unit_id"])

    op.create_table(
        "tickets",
        sa.Column("id", Id, nullable=False),
        sa.Column("number", sa.String(16), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(32), nullable=False),
        sa.Column("urgency", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("resident_id", Id, nullable=True),
        sa.Column("unit_id", Id, nullable=True),
        sa.Column("place", sa.String(200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("department", sa.String(64), nullable=False),
        sa.Column("channel", sa.String(32), nullable=False),
        sa.Column("contact_phone", sa.String(20), nullable=True),
        sa.Column("created_at", Timestamp, nullable=False),
        sa.Column("updated_at", Timestamp, nullable=False),
        sa.Column("sla_due_at", Timestamp, nullable=True),
        sa.Column("card_chat_id", sa.BigInteger(), nullable=True),
        sa.Column("card_message_id", sa.BigInteger(), nullable=True),
        sa.Column("idempotency_key", sa.String(200), nullable=False),
        _fk("tickets", "resident_id", "residents", "SET NULL"),
        _fk("tickets", "unit_id", "units", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name="pk_tickets"),
        sa.UniqueConstraint("idempotency_key", name="uq_tickets_idempotency_key"),
        sa.UniqueConstraint("number", name="uq_tickets_number"),
    )
    op.create_index("ix_tickets_resident_id_created_at", "tickets", ["resident_id", "created_at"])
    op.create_index("ix_tickets_unit_id", "tickets", ["unit_id"])
    op.create_index(
        "ix_tickets_without_card",
        "tickets",
        ["created_at"],
        sqlite_where=sa.text("card_message_id IS NULL"),
        postgresql_where=sa.text("card_message_id IS NULL"),
    )

    op.create_table(
        "ticket_attachments",
        sa.Column("ticket_id", Id, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("file_id", sa.String(255), nullable=False),
        _fk("ticket_attachments", "ticket_id", "tickets", "CASCADE"),
        sa.PrimaryKeyConstraint("ticket_id", "position", name="pk_ticket_attachments"),
    )

    op.create_table(
        "ticket_events",
        sa.Column("id", Id, nullable=False),
        sa.Column("ticket_id", Id, nullable=False),
        sa.Column("at", Timestamp, nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        _fk("ticket_events", "ticket_id", "tickets", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_ticket_events"),
    )
    op.create_index("ix_ticket_events_ticket_id_id", "ticket_events", ["ticket_id", "id"])

    op.create_table(
        "ticket_counters",
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("kind", name="pk_ticket_counters"),
    )

    op.create_table(
        "billing_accounts",
        sa.Column("unit_id", Id, nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("fee_paid_until", sa.String(7), nullable=True),
        sa.Column("amount_due", Money, nullable=False),
        sa.Column("arrears", Money, nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("water_balance", Money, nullable=True),
        sa.Column("electricity_balance", Money, nullable=True),
        sa.Column("updated_at", Timestamp, nullable=False),
        _fk("billing_accounts", "unit_id", "units", "CASCADE"),
        sa.PrimaryKeyConstraint("unit_id", name="pk_billing_accounts"),
    )

    op.create_table(
        "billing_payments",
        sa.Column("id", Id, nullable=False),
        sa.Column("unit_id", Id, nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("item", sa.String(32), nullable=False),
        sa.Column("amount", Money, nullable=False),
        sa.Column("reference", sa.String(100), server_default="", nullable=False),
        _fk("billing_payments", "unit_id", "units", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_billing_payments"),
        sa.UniqueConstraint(
            "unit_id", "paid_on", "item", "reference", name="uq_billing_payments_unit_id_paid_on_item_reference"
        ),
    )


def downgrade() -> None:
    for table in (
        "billing_payments",
        "billing_accounts",
        "ticket_counters",
        "ticket_events",
        "ticket_attachments",
        "tickets",
        "resident_units",
        "residents",
        "units",
    ):
        op.drop_table(table)
