"""commitments of partners to activities, for plan impacts

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 00:43:08.713133
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "commitment_source",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("partner_iso", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commitment_source")),
    )
    op.create_table(
        "activity_commitment",
        sa.Column("source_id", sa.UUID(), nullable=False),
        sa.Column("item_id", sa.UUID(), nullable=False),
        sa.Column("activity_id", sa.UUID(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("partner_iso", sa.Text(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["commitment_source.id"],
            name=op.f("fk_activity_commitment_source_id_commitment_source"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("source_id", "item_id", "activity_id", name=op.f("pk_activity_commitment")),
    )
    op.create_index(op.f("ix_activity_commitment_activity_id"), "activity_commitment", ["activity_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_activity_commitment_activity_id"), table_name="activity_commitment")
    op.drop_table("activity_commitment")
    op.drop_table("commitment_source")
