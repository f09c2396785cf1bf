"""The Military Training and Exercise Programme: exercises on a five-year plan and partners' requests to take
part in them, each with its transitions.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29 03:14:22.745994
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "exercise",
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("year", sa.SmallInteger(), nullable=False),
        sa.Column(
            "type",
            sa.Enum(
                "COMMAND_POST",
                "COMPUTER_ASSISTED",
                "LIVE",
                "CRISIS_MANAGEMENT",
                "TABLETOP",
                name="exercise_type",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("scenario", sa.Text(), nullable=False),
        sa.Column("lead_code", sa.Text(), nullable=False),
        sa.Column("nac_crisis_management", sa.Boolean(), nullable=False),
        sa.Column("open_to_partners", sa.Boolean(), nullable=False),
        sa.Column("invited_partners", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("location", sa.Text(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "PLANNED",
                "CONFIRMED",
                "CONDUCTED",
                "CANCELLED",
                name="exercise_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["lead_code"], ["provider.code"], name=op.f("fk_exercise_lead_code_provider")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exercise")),
    )
    op.create_index(
        "ix_exercise_invited_partners", "exercise", ["invited_partners"], unique=False, postgresql_using="gin"
    )
    op.create_index(op.f("ix_exercise_lead_code"), "exercise", ["lead_code"], unique=False)
    op.create_index("ix_exercise_nac", "exercise", ["nac_crisis_management"], unique=False)
    op.create_index(op.f("ix_exercise_status"), "exercise", ["status"], unique=False)
    op.create_index("ix_exercise_type", "exercise", ["type"], unique=False)
    op.create_index("ix_exercise_updated", "exercise", ["updated_at", "id"], unique=False)
    op.create_index("ix_exercise_year_id", "exercise", ["year", "id"], unique=False)
    op.create_table(
        "exercise_participation",
        sa.Column("exercise_id", sa.UUID(), nullable=False),
        sa.Column("lead_code", sa.Text(), nullable=False),
        sa.Column("partner_iso", sa.Text(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "OBSERVERS",
                "STAFF_OFFICERS",
                "UNITS",
                name="participation_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("personnel", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "REQUESTED",
                "APPROVED",
                "DECLINED",
                "WITHDRAWN",
                name="participation_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["exercise_id"], ["exercise.id"], name=op.f("fk_exercise_participation_exercise_id_exercise")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exercise_participation")),
    )
    op.create_index("ix_exercise_participation_created", "exercise_participation", ["created_at", "id"], unique=False)
    op.create_index(
        "ix_exercise_participation_exercise",
        "exercise_participation",
        ["exercise_id", "created_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_exercise_participation_lead", "exercise_participation", ["lead_code", "created_at", "id"], unique=False
    )
    op.create_index(
        "ix_exercise_participation_partner", "exercise_participation", ["partner_iso", "created_at", "id"], unique=False
    )
    op.create_index("ix_exercise_participation_status", "exercise_participation", ["status"], unique=False)
    op.create_index("ix_exercise_participation_updated", "exercise_participation", ["updated_at", "id"], unique=False)
    op.create_index(
        "uq_exercise_participation_live",
        "exercise_participation",
        ["exercise_id", "partner_iso"],
        unique=True,
        postgresql_where=sa.text("status IN ('REQUESTED', 'APPROVED')"),
    )
    op.create_table(
        "exercise_transition",
        sa.Column("exercise_id", sa.UUID(), nullable=False),
        sa.Column(
            "from_status",
            sa.Enum(
                "PLANNED",
                "CONFIRMED",
                "CONDUCTED",
                "CANCELLED",
                name="exercise_transition_from",
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
                "CONDUCTED",
                "CANCELLED",
                name="exercise_transition_to",
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
            ["exercise_id"], ["exercise.id"], name=op.f("fk_exercise_transition_exercise_id_exercise")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exercise_transition")),
    )
    op.create_index(op.f("ix_exercise_transition_exercise_id"), "exercise_transition", ["exercise_id"], unique=False)
    op.create_table(
        "exercise_participation_transition",
        sa.Column("participation_id", sa.UUID(), nullable=False),
        sa.Column(
            "from_status",
            sa.Enum(
                "REQUESTED",
                "APPROVED",
                "DECLINED",
                "WITHDRAWN",
                name="participation_transition_from",
                native_enum=False,
                create_constraint=True,
                length=48,
            ),
            nullable=True,
        ),
        sa.Column(
            "to_status",
            sa.Enum(
                "REQUESTED",
                "APPROVED",
                "DECLINED",
                "WITHDRAWN",
                name="participation_transition_to",
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
            ["participation_id"],
            ["exercise_participation.id"],
            name=op.f("fk_exercise_participation_transition_participation_id_exercise_participation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exercise_participation_transition")),
    )
    op.create_index(
        op.f("ix_exercise_participation_transition_participation_id"),
        "exercise_participation_transition",
        ["participation_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(
        op.f("ix_exercise_participation_transition_participation_id"), table_name="exercise_participation_transition"
    )
    op.drop_table("exercise_participation_transition")
    op.drop_index(op.f("ix_exercise_transition_exercise_id"), table_name="exercise_transition")
    op.drop_table("exercise_transition")
    op.drop_index(
        "uq_exercise_participation_live",
        table_name="exercise_participation",
        postgresql_where=sa.text("status IN ('REQUESTED', 'APPROVED')"),
    )
    op.drop_index("ix_exercise_participation_updated", table_name="exercise_participation")
    op.drop_index("ix_exercise_participation_status", table_name="exercise_participation")
    op.drop_index("ix_exercise_participation_partner", table_name="exercise_participation")
    op.drop_index("ix_exercise_participation_lead", table_name="exercise_participation")
    op.drop_index("ix_exercise_participation_exercise", table_name="exercise_participation")
    op.drop_index("ix_exercise_participation_created", table_name="exercise_participation")
    op.drop_table("exercise_participation")
    op.drop_index("ix_exercise_year_id", table_name="exercise")
    op.drop_index("ix_exercise_updated", table_name="exercise")
    op.drop_index("ix_exercise_type", table_name="exercise")
    op.drop_index(op.f("ix_exercise_status"), table_name="exercise")
    op.drop_index("ix_exercise_nac", table_name="exercise")
    op.drop_index(op.f("ix_exercise_lead_code"), table_name="exercise")
    op.drop_index("ix_exercise_invited_partners", table_name="exercise", postgresql_using="gin")
    op.drop_table("exercise")
