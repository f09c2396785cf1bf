"""programmes tables, outbox and inbox

Revision ID: 0001
Revises:
Create Date: 2026-11-27 17:47:40.308842
"""

import sqlalchemy as sa
from alembic import op

from shared.migrations import create_event_tables, drop_event_tables

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_event_tables()
    op.create_table(
        "partner",
        sa.Column("iso", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column(
            "framework",
            sa.Enum("PFP", "MD", "ICI", "PATG", name="framework", native_enum=False, create_constraint=True, length=8),
            nullable=False,
        ),
        sa.Column("suspended", sa.Boolean(), nullable=False),
        sa.Column("enhanced_opportunities", sa.Boolean(), nullable=False),
        sa.Column("ipap_since", sa.Integer(), nullable=True),
        sa.Column("dcb", sa.Boolean(), nullable=False),
        sa.Column("deep", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("iso", name=op.f("pk_partner")),
    )
    op.create_index("ix_partner_framework_name", "partner", ["framework", "name"], unique=False)


def downgrade() -> None:
    drop_event_tables()
    op.drop_index("ix_partner_framework_name", table_name="partner")
    op.drop_table("partner")
