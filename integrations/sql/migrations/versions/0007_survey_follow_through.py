"""Mark when a survey answer has been acted on, so the sweep finds unfinished ones by an index.

Answers stored before this revision were acted on when they were given: they are marked done.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("surveys") as batch:
        batch.add_column(sa.Column("followed_at", sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE surveys SET followed_at = answered_at WHERE answered_at IS NOT NULL")
    op.create_index(
        "ix_surveys_unfollowed",
        "surveys",
        ["answered_at"],
        sqlite_where=sa.text("followed_at IS NULL AND answered_at IS NOT NULL"),
        postgresql_where=sa.text("followed_at IS NULL AND answered_at IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_surveys_unfollowed", table_name="surveys")
    with op.batch_alter_table("surveys") as batch:
        batch.drop_column("followed_at")
