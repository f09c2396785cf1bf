"""attendance

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 20:39:56.801700
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attendance",
        sa.Column("nomination_id", sa.UUID(), nullable=False),
        sa.Column("partner_iso", sa.Text(), nullable=False),
        sa.Column("activity_id", sa.UUID(), nullable=False),
        sa.Column("occurrence_id", sa.UUID(), nullable=False),
        sa.Column("occurrence_start_date", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("nomination_id", name=op.f("pk_attendance")),
    )
    op.create_index(
        "ix_attendance_partner_activity_start",
        "attendance",
        ["partner_iso", "activity_id", "occurrence_start_date"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_attendance_partner_activity_start", table_name="attendance")
    op.drop_table("attendance")
