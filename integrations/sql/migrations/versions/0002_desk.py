"""The staff desk: lifecycle state beside the log, ticket-message links, incidents.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
Timestamp = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("tickets") as batch:
        batch.add_column(sa.Column("assignee", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("response_due_at", Timestamp, nullable=True))
        batch.add_column(sa.Column("first_response_at", Timestamp, nullable=True))
        batch.add_column(sa.Column("resolved_at", Timestamp, nullable=True))
        batch.add_column(sa.Column("merged_into", sa.String(16), nullable=True))
        batch.add_column(sa.Column("incident", sa.String(16), nullable=True))
        batch.add_column(sa.Column("topic_id", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("reopen_count", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("resolution_note", sa.Text(), nullable=False, server_default=""))
        batch.create_index("ix_tickets_department_status", ["department", "status"])
        batch.create_index("ix_tickets_status_sla_due_at", ["status", "sla_due_at"])
    op.create_table(
        "ticket_messages",
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("message_id", sa.BigInteger(), nullable=False),
        sa.Column("ticket_id", Id, nullable=False),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name="fk_ticket_messages_ticket_id_tickets", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("chat_id", "message_id", name="pk_ticket_messages"),
    )
    op.create_table(
        "incidents",
        sa.Column("id", Id, nullable=False),
        sa.Column("number", sa.String(16), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("department", sa.String(64), nullable=False),
        sa.Column("building", sa.String(20), nullable=False, server_default=""),
        sa.Column("category", sa.String(32), nullable=False, server_default=""),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", Timestamp, nullable=False),
        sa.Column("resolved_at", Timestamp, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_incidents"),
        sa.UniqueConstraint("number", name="uq_incidents_number"),
    )


def downgrade() -> None:
    op.drop_table("incidents")
    op.drop_table("ticket_messages")
    with op.batch_alter_table("tickets") as batch:
        batch.drop_index("ix_tickets_status_sla_due_at")
        batch.drop_index("ix_tickets_department_status")
        for column in (
            "resolution_note",
            "reopen_count",
            "topic_id",
            "incident",
            "merged_into",
            "resolved_at",
            "first_response_at",
            "response_due_at",
            "version",
            "assignee",
        ):
            batch.drop_column(column)
