"""Indexes for the desk's figures: tickets by creation time, events by action and time.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_tickets_created_at", "tickets", ["created_at"])
    op.create_index("ix_ticket_events_action_at", "ticket_events", ["action", "at"])


def downgrade() -> None:
    op.drop_index("ix_ticket_events_action_at", table_name="ticket_events")
    op.drop_index("ix_tickets_created_at", table_name="tickets")
