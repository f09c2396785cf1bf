"""partners read model, filter indexes

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 11:03:19.843050
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "known_partner",
        sa.Column("iso", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("framework", sa.Text(), nullable=False),
        sa.Column("suspended", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("iso", name=op.f("pk_known_partner")),
    )
    op.create_index("ix_activity_level", "activity", ["level"], unique=False)
    op.create_index(
        "ix_activity_pcm_ref_pattern",
        "activity",
        ["pcm_ref"],
        unique=False,
        postgresql_ops={"pcm_ref": "text_pattern_ops"},
    )
    op.create_index("ix_activity_tags", "activity", ["tags"], unique=False, postgresql_using="gin")
    op.drop_index(op.f("ix_occurrence_activity_start"), table_name="occurrence")
    op.create_index("ix_occurrence_activity_start", "occurrence", ["activity_id", "start_date", "id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_occurrence_activity_start", table_name="occurrence")
    op.create_index(op.f("ix_occurrence_activity_start"), "occurrence", ["activity_id", "start_date"], unique=False)
    op.drop_index("ix_activity_tags", table_name="activity", postgresql_using="gin")
    op.drop_index("ix_activity_pcm_ref_pattern", table_name="activity", postgresql_ops={"pcm_ref": "text_pattern_ops"})
    op.drop_index("ix_activity_level", table_name="activity")
    op.drop_table("known_partner")
