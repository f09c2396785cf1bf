"""participation: nominations, participants, feedback

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 20:39:49.144871
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "participant",
        sa.Column("partner_iso", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("email", sa.Text(), nullable=True),
        sa.Column("rank_or_function", sa.Text(), nullable=True),
        sa.Column("organisation", sa.Text(), nullable=True),
        sa.Column("languages", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("erased_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_participant")),
    )
    op.create_index(
        "ux_participant_partner_email",
        "participant",
        ["partner_iso", "email"],
        unique=True,
        postgresql_where=sa.text("email IS NOT NULL"),
    )
    op.create_table(
        "nomination",
        sa.Column("occurrence_id", sa.UUID(), nullable=False),
        sa.Column("activity_id", sa.UUID(), nullable=False),
        sa.Column("partner_iso", sa.Text(), nullable=False),
        sa.Column("participant_id", sa.UUID(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "NOMINATED",
                "WAITLISTED",
                "CONFIRMED",
                "DECLINED",
                "WITHDRAWN",
                "ATTENDED",
                "NO_SHOW",
                name="nomination_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("arrival", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column("status_reason", sa.Text(), nullable=True),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["activity_id"], ["activity.id"], name=op.f("fk_nomination_activity_id_activity")),
        sa.ForeignKeyConstraint(
            ["occurrence_id"], ["occurrence.id"], name=op.f("fk_nomination_occurrence_id_occurrence")
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"], ["participant.id"], name=op.f("fk_nomination_participant_id_participant")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_nomination")),
    )
    op.create_index(op.f("ix_nomination_activity_id"), "nomination", ["activity_id"], unique=False)
    op.create_index("ix_nomination_occurrence_arrival", "nomination", ["occurrence_id", "arrival"], unique=False)
    op.create_index(op.f("ix_nomination_participant_id"), "nomination", ["participant_id"], unique=False)
    op.create_index("ix_nomination_partner_arrival", "nomination", ["partner_iso", "arrival"], unique=False)
    op.create_index(
        "ux_nomination_occurrence_participant",
        "nomination",
        ["occurrence_id", "participant_id"],
        unique=True,
        postgresql_where=sa.text("status NOT IN ('DECLINED', 'WITHDRAWN')"),
    )
    op.create_table(
        "nomination_feedback",
        sa.Column("nomination_id", sa.UUID(), nullable=False),
        sa.Column("occurrence_id", sa.UUID(), nullable=False),
        sa.Column("content", sa.SmallInteger(), nullable=False),
        sa.Column("delivery", sa.SmallInteger(), nullable=False),
        sa.Column("relevance", sa.SmallInteger(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["nomination_id"], ["nomination.id"], name=op.f("fk_nomination_feedback_nomination_id_nomination")
        ),
        sa.ForeignKeyConstraint(
            ["occurrence_id"], ["occurrence.id"], name=op.f("fk_nomination_feedback_occurrence_id_occurrence")
        ),
        sa.PrimaryKeyConstraint("nomination_id", name=op.f("pk_nomination_feedback")),
    )
    op.create_index(
        op.f("ix_nomination_feedback_occurrence_id"), "nomination_feedback", ["occurrence_id"], unique=False
    )
    op.create_table(
        "nomination_transition",
        sa.Column("nomination_id", sa.UUID(), nullable=False),
        sa.Column(
            "from_status",
            sa.Enum(
                "NOMINATED",
                "WAITLISTED",
                "CONFIRMED",
                "DECLINED",
                "WITHDRAWN",
                "ATTENDED",
                "NO_SHOW",
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
                "NOMINATED",
                "WAITLISTED",
                "CONFIRMED",
                "DECLINED",
                "WITHDRAWN",
                "ATTENDED",
                "NO_SHOW",
                name="transition_to",
                native_enum=False,
                create_constraint=True,
                length=48,
            ),
            nullable=False,
        ),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["nomination_id"], ["nomination.id"], name=op.f("fk_nomination_transition_nomination_id_nomination")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_nomination_transition")),
    )
    op.create_index(
        op.f("ix_nomination_transition_nomination_id"), "nomination_transition", ["nomination_id"], unique=False
    )
    op.add_column("occurrence", sa.Column("quota_per_partner", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column("occurrence", "quota_per_partner")
    op.drop_index(op.f("ix_nomination_transition_nomination_id"), table_name="nomination_transition")
    op.drop_table("nomination_transition")
    op.drop_index(op.f("ix_nomination_feedback_occurrence_id"), table_name="nomination_feedback")
    op.drop_table("nomination_feedback")
    op.drop_index(
        "ux_nomination_occurrence_participant",
        table_name="nomination",
        postgresql_where=sa.text("status NOT IN ('DECLINED', 'WITHDRAWN')"),
    )
    op.drop_index("ix_nomination_partner_arrival", table_name="nomination")
    op.drop_index(op.f("ix_nomination_participant_id"), table_name="nomination")
    op.drop_index("ix_nomination_occurrence_arrival", table_name="nomination")
    op.drop_index(op.f("ix_nomination_activity_id"), table_name="nomination")
    op.drop_table("nomination")
    op.drop_index(
        "ux_participant_partner_email", table_name="participant", postgresql_where=sa.text("email IS NOT NULL")
    )
    op.drop_table("participant")
