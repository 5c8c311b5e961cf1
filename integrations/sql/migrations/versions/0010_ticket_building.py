"""Tickets keep their building: the unit's, or the one a common-area report names ("the lift in block A").

Figures by building read it, so common-area reports are counted with their building. Existing
tickets take their unit's building; older common-area tickets stay without one ("").

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("tickets") as batch:
        batch.add_column(sa.Column("building", sa.String(20), nullable=False, server_default=""))
    op.execute(
        "UPDATE tickets SET building = (SELECT units.building FROM units WHERE units.id = tickets.unit_id) "
        "WHERE unit_id IS NOT NULL"
    )


def downgrade() -> None:
    with op.batch_alter_table("tickets") as batch:
        batch.drop_column("building")
