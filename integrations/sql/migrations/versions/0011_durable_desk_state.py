"""What must survive a restart of Redis: staff-group migrations, staff prompts, chats with a form open.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

Timestamp = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "chat_moves",
        sa.Column("old_chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("new_chat_id", sa.BigInteger(), nullable=False),
        sa.Column("moved_at", Timestamp, nullable=False),
        sa.PrimaryKeyConstraint("old_chat_id", name="pk_chat_moves"),
    )
    op.create_table(
        "staff_prompts",
        sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("user_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("ticket", sa.String(32), nullable=False),
        sa.Column("prompt_message_id", sa.BigInteger(), nullable=True),
        sa.Column("asked_at", Timestamp, nullable=False),
        sa.PrimaryKeyConstraint("chat_id", "user_id", name="pk_staff_prompts"),
    )
    op.create_table(
        "open_forms",
        sa.Column("chat", sa.String(64), nullable=False),
        sa.Column("flow", sa.String(32), nullable=False),
        sa.Column("updated_at", Timestamp, nullable=False),
        sa.PrimaryKeyConstraint("chat", name="pk_open_forms"),
    )


def downgrade() -> None:
    op.drop_table("open_forms")
    op.drop_table("staff_prompts")
    op.drop_table("chat_moves")
