"""partner tools, programmes and their contents, activity read model

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 18:33:33.878085
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "known_activity",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("pcm_ref", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("frameworks", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("eligible_partners", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_known_activity")),
    )
    op.create_index(op.f("ix_known_activity_pcm_ref"), "known_activity", ["pcm_ref"], unique=False)
    op.create_table(
        "programme",
        sa.Column("partner_iso", sa.Text(), nullable=False),
        sa.Column(
            "type",
            sa.Enum(
                "IPCP",
                "IPAP",
                "ITPP",
                "PARP",
                "OCC",
                "DEEP",
                "PDP",
                "PAP_DIB",
                "BI",
                "OTHER",
                name="programme_type",
                native_enum=False,
                create_constraint=True,
                length=48,
            ),
            nullable=False,
        ),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "DRAFT",
                "SUBMITTED",
                "IN_NEGOTIATION",
                "APPROVED",
                "IMPLEMENTING",
                "COMPLETED",
                "WITHDRAWN",
                "SUPERSEDED",
                name="programme_status",
                native_enum=False,
                create_constraint=True,
                length=48,
            ),
            nullable=False,
        ),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["partner_iso"], ["partner.iso"], name=op.f("fk_programme_partner_iso_partner")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programme")),
        sa.UniqueConstraint("partner_iso", "type", "revision", name="uq_programme_partner_type_revision"),
    )
    op.create_index("ix_programme_partner_start", "programme", ["partner_iso", "period_start", "id"], unique=False)
    op.create_index("ix_programme_period_end", "programme", ["period_end"], unique=False)
    op.create_index("ix_programme_start", "programme", ["period_start", "id"], unique=False)
    op.create_index("ix_programme_status", "programme", ["status"], unique=False)
    op.create_index("ix_programme_type", "programme", ["type"], unique=False)
    op.create_table(
        "objective",
        sa.Column("programme_id", sa.UUID(), nullable=False),
        sa.Column("parent_id", sa.UUID(), nullable=True),
        sa.Column(
            "category",
            sa.Enum(
                "POLITICAL_AND_SECURITY",
                "DEFENCE_AND_MILITARY",
                "PUBLIC_DIPLOMACY",
                "SCIENCE_AND_ENVIRONMENT",
                "CIVIL_EMERGENCY_PLANNING",
                "ADMINISTRATIVE_PROTECTIVE_SECURITY_RESOURCES",
                "STRATEGIC_OBJECTIVE",
                "PARTNERSHIP_GOAL",
                "GENERAL",
                name="objective_category",
                native_enum=False,
                create_constraint=True,
                length=48,
            ),
            nullable=False,
        ),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["parent_id"], ["objective.id"], name=op.f("fk_objective_parent_id_objective")),
        sa.ForeignKeyConstraint(["programme_id"], ["programme.id"], name=op.f("fk_objective_programme_id_programme")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_objective")),
    )
    op.create_index(op.f("ix_objective_programme_id"), "objective", ["programme_id"], unique=False)
    op.create_table(
        "occ_evaluation",
        sa.Column("programme_id", sa.UUID(), nullable=False),
        sa.Column("unit", sa.Text(), nullable=False),
        sa.Column(
            "level",
            sa.Enum(
                "SEL1", "NEL1", "SEL2", "NEL2", name="occ_level", native_enum=False, create_constraint=True, length=48
            ),
            nullable=False,
        ),
        sa.Column(
            "result",
            sa.Enum(
                "INTEROPERABLE",
                "PARTIALLY",
                "NOT_INTEROPERABLE",
                "NOT_EVALUATED",
                name="occ_result",
                native_enum=False,
                create_constraint=True,
                length=48,
            ),
            nullable=False,
        ),
        sa.Column("evaluated_on", sa.Date(), nullable=False),
        sa.Column("remarks", sa.Text(), nullable=True),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["programme_id"], ["programme.id"], name=op.f("fk_occ_evaluation_programme_id_programme")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_occ_evaluation")),
    )
    op.create_index(op.f("ix_occ_evaluation_programme_id"), "occ_evaluation", ["programme_id"], unique=False)
    op.create_table(
        "partnership_goal",
        sa.Column("programme_id", sa.UUID(), nullable=False),
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["programme_id"], ["programme.id"], name=op.f("fk_partnership_goal_programme_id_programme")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partnership_goal")),
        sa.UniqueConstraint("programme_id", "code", name="uq_partnership_goal_programme_code"),
    )
    op.create_index(op.f("ix_partnership_goal_programme_id"), "partnership_goal", ["programme_id"], unique=False)
    op.create_table(
        "programme_transition",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("programme_id", sa.UUID(), nullable=False),
        sa.Column(
            "from_status",
            sa.Enum(
                "DRAFT",
                "SUBMITTED",
                "IN_NEGOTIATION",
                "APPROVED",
                "IMPLEMENTING",
                "COMPLETED",
                "WITHDRAWN",
                "SUPERSEDED",
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
                "DRAFT",
                "SUBMITTED",
                "IN_NEGOTIATION",
                "APPROVED",
                "IMPLEMENTING",
                "COMPLETED",
                "WITHDRAWN",
                "SUPERSEDED",
                name="transition_to",
                native_enum=False,
                create_constraint=True,
                length=48,
            ),
            nullable=False,
        ),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["programme_id"], ["programme.id"], name=op.f("fk_programme_transition_programme_id_programme")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programme_transition")),
    )
    op.create_index(
        op.f("ix_programme_transition_programme_id"), "programme_transition", ["programme_id"], unique=False
    )
    op.create_table(
        "assessment",
        sa.Column("goal_id", sa.UUID(), nullable=False),
        sa.Column("cycle", sa.Text(), nullable=False),
        sa.Column(
            "rating",
            sa.Enum(
                "MET",
                "PARTIALLY_MET",
                "NOT_MET",
                "NOT_ASSESSED",
                name="assessment_rating",
                native_enum=False,
                create_constraint=True,
                length=48,
            ),
            nullable=False,
        ),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["partnership_goal.id"], name=op.f("fk_assessment_goal_id_partnership_goal")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment")),
        sa.UniqueConstraint("goal_id", "cycle", name="uq_assessment_goal_cycle"),
    )
    op.create_index(op.f("ix_assessment_goal_id"), "assessment", ["goal_id"], unique=False)
    op.create_table(
        "planned_activity",
        sa.Column("programme_id", sa.UUID(), nullable=False),
        sa.Column("activity_id", sa.UUID(), nullable=False),
        sa.Column("objective_id", sa.UUID(), nullable=True),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column(
            "priority",
            sa.Enum("HIGH", "MEDIUM", "LOW", name="priority", native_enum=False, create_constraint=True, length=48),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "PLANNED",
                "CONFIRMED",
                "DONE",
                "FLAGGED",
                name="planned_activity_status",
                native_enum=False,
                create_constraint=True,
                length=48,
            ),
            nullable=False,
        ),
        sa.Column("flag_reason", sa.Text(), nullable=True),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["objective_id"], ["objective.id"], name=op.f("fk_planned_activity_objective_id_objective")
        ),
        sa.ForeignKeyConstraint(
            ["programme_id"], ["programme.id"], name=op.f("fk_planned_activity_programme_id_programme")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_planned_activity")),
    )
    op.create_index(op.f("ix_planned_activity_activity_id"), "planned_activity", ["activity_id"], unique=False)
    op.create_index(op.f("ix_planned_activity_programme_id"), "planned_activity", ["programme_id"], unique=False)
    op.add_column(
        "partner", sa.Column("interoperability_platform", sa.Boolean(), nullable=False, server_default=sa.false())
    )
    op.add_column("partner", sa.Column("tools", postgresql.ARRAY(sa.Text()), nullable=False, server_default="{}"))
    op.add_column("partner", sa.Column("suspension_reason", sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column("partner", "suspension_reason")
    op.drop_column("partner", "tools")
    op.drop_column("partner", "interoperability_platform")
    op.drop_index(op.f("ix_planned_activity_programme_id"), table_name="planned_activity")
    op.drop_index(op.f("ix_planned_activity_activity_id"), table_name="planned_activity")
    op.drop_table("planned_activity")
    op.drop_index(op.f("ix_assessment_goal_id"), table_name="assessment")
    op.drop_table("assessment")
    op.drop_index(op.f("ix_programme_transition_programme_id"), table_name="programme_transition")
    op.drop_table("programme_transition")
    op.drop_index(op.f("ix_partnership_goal_programme_id"), table_name="partnership_goal")
    op.drop_table("partnership_goal")
    op.drop_index(op.f("ix_occ_evaluation_programme_id"), table_name="occ_evaluation")
    op.drop_table("occ_evaluation")
    op.drop_index(op.f("ix_objective_programme_id"), table_name="objective")
    op.drop_table("objective")
    op.drop_index("ix_programme_type", table_name="programme")
    op.drop_index("ix_programme_status", table_name="programme")
    op.drop_index("ix_programme_start", table_name="programme")
    op.drop_index("ix_programme_period_end", table_name="programme")
    op.drop_index("ix_programme_partner_start", table_name="programme")
    op.drop_table("programme")
    op.drop_index(op.f("ix_known_activity_pcm_ref"), table_name="known_activity")
    op.drop_table("known_activity")
