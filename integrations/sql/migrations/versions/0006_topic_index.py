"""Find a ticket by its forum topic in one indexed lookup.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_tickets_card_chat_id_topic_id", "tickets", ["card_chat_id", "topic_id"])


def downgrade() -> None:
    op.drop_index("ix_tickets_card_chat_id_topic_id", table_name="tickets")
