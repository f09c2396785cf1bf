"""capacity tables, outbox and inbox

Revision ID: 0001
Revises:
Create Date: 2026-11-27 17:47:41.914176
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from shared.migrations import create_event_tables, drop_event_tables

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_event_tables()
    op.create_table(
        "capacity_request",
        sa.Column("partner_iso", sa.Text(), nullable=False),
        sa.Column("areas", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("justification", sa.Text(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "SUBMITTED",
                "UNDER_ASSESSMENT",
                "PACKAGE_PROPOSED",
                "APPROVED",
                "IMPLEMENTING",
                "COMPLETED",
                "DECLINED",
                "WITHDRAWN",
                name="request_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("on_hold", sa.Boolean(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_capacity_request")),
    )
    op.create_index("ix_capacity_request_created", "capacity_request", ["created_at", "id"], unique=False)
    op.create_index(
        "ix_capacity_request_partner_created", "capacity_request", ["partner_iso", "created_at", "id"], unique=False
    )
    op.create_index(
        "ix_capacity_request_status_created", "capacity_request", ["status", "created_at", "id"], unique=False
    )
    op.create_table(
        "known_partner",
        sa.Column("iso", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("framework", sa.Text(), nullable=False),
        sa.Column("suspended", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("iso", name=op.f("pk_known_partner")),
    )


def downgrade() -> None:
    drop_event_tables()
    op.drop_table("known_partner")
    op.drop_index("ix_capacity_request_status_created", table_name="capacity_request")
    op.drop_index("ix_capacity_request_partner_created", table_name="capacity_request")
    op.drop_index("ix_capacity_request_created", table_name="capacity_request")
    op.drop_table("capacity_request")
