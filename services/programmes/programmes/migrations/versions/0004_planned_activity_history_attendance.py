"""planned activity history, attendance

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 20:39:55.235827
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
    op.create_table(
        "planned_activity_transition",
        sa.Column("planned_activity_id", sa.UUID(), nullable=False),
        sa.Column(
            "from_status",
            sa.Enum(
                "PLANNED",
                "CONFIRMED",
                "DONE",
                "FLAGGED",
                name="transition_from",
                native_enum=False,
                create_constraint=True,
                length=48,
            ),
            nullable=True,
        ),
        sa.Column(
            "to_status",
            sa.Enum(
                "PLANNED",
                "CONFIRMED",
                "DONE",
                "FLAGGED",
                name="transition_to",
                native_enum=False,
                create_constraint=True,
                length=48,
            ),
            nullable=False,
        ),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["planned_activity_id"],
            ["planned_activity.id"],
            name=op.f("fk_planned_activity_transition_planned_activity_id_planned_activity"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_planned_activity_transition")),
    )
    op.create_index(
        op.f("ix_planned_activity_transition_planned_activity_id"),
        "planned_activity_transition",
        ["planned_activity_id"],
        unique=False,
    )
    op.add_column("planned_activity", sa.Column("occurrence_id", sa.UUID(), nullable=True))
    op.create_index("ix_planned_activity_activity_year", "planned_activity", ["activity_id", "year"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_planned_activity_activity_year", table_name="planned_activity")
    op.drop_column("planned_activity", "occurrence_id")
    op.drop_index(op.f("ix_planned_activity_transition_planned_activity_id"), table_name="planned_activity_transition")
    op.drop_table("planned_activity_transition")
    op.drop_index("ix_attendance_partner_activity_start", table_name="attendance")
    op.drop_table("attendance")
