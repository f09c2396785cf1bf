"""measure flags, order by update

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 11:15:25.444241
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_capacity_request_updated", "capacity_request", ["updated_at", "id"], unique=False)
    op.add_column("measure", sa.Column("flag_reason", sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column("measure", "flag_reason")
    op.drop_index("ix_capacity_request_updated", table_name="capacity_request")
