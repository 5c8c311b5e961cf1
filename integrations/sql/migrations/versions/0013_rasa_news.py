"""Ticket news for Rasa conversations: the durable outbox of trigger_intent requests.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "rasa_news",
        sa.Column("id", Id, primary_key=True),
        sa.Column("conversation", sa.String(255), nullable=False),
        sa.Column("ticket", sa.String(32), nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("claim_token", sa.String(32), nullable=True),
        sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("error", sa.String(200), server_default="", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rasa_news")),
    )
    op.create_index("ix_rasa_news_conversation_state_id", "rasa_news", ["conversation", "state", "id"])
    op.create_index("ix_rasa_news_state_next_attempt_at", "rasa_news", ["state", "next_attempt_at"])


def downgrade() -> None:
    op.drop_index("ix_rasa_news_state_next_attempt_at", table_name="rasa_news")
    op.drop_index("ix_rasa_news_conversation_state_id", table_name="rasa_news")
    op.drop_table("rasa_news")
