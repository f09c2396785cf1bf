"""request history, assessments, packages, measures, contributions, reports, activity read model

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 18:46:52.906845
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
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_known_activity")),
    )
    op.create_table(
        "package",
        sa.Column("request_id", sa.UUID(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("approved_on", sa.Date(), nullable=True),
        sa.Column("review_date", sa.Date(), nullable=True),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"], ["capacity_request.id"], name=op.f("fk_package_request_id_capacity_request")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_package")),
        sa.UniqueConstraint("request_id", name=op.f("uq_package_request_id")),
    )
    op.create_table(
        "request_assessment",
        sa.Column("request_id", sa.UUID(), nullable=False),
        sa.Column("findings", sa.Text(), nullable=False),
        sa.Column(
            "recommendation",
            sa.Enum(
                "SUPPORT",
                "SUPPORT_WITH_CHANGES",
                "DO_NOT_SUPPORT",
                name="recommendation",
                native_enum=False,
                create_constraint=True,
                length=48,
            ),
            nullable=False,
        ),
        sa.Column("assessor", sa.Text(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"], ["capacity_request.id"], name=op.f("fk_request_assessment_request_id_capacity_request")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_request_assessment")),
    )
    op.create_index(op.f("ix_request_assessment_request_id"), "request_assessment", ["request_id"], unique=False)
    op.create_table(
        "request_transition",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("request_id", sa.UUID(), nullable=False),
        sa.Column(
            "from_status",
            sa.Enum(
                "SUBMITTED",
                "UNDER_ASSESSMENT",
                "PACKAGE_PROPOSED",
                "APPROVED",
                "IMPLEMENTING",
                "COMPLETED",
                "DECLINED",
                "WITHDRAWN",
                name="request_transition_from",
                native_enum=False,
                create_constraint=True,
                length=48,
            ),
            nullable=True,
        ),
        sa.Column(
            "to_status",
            sa.Enum(
                "SUBMITTED",
                "UNDER_ASSESSMENT",
                "PACKAGE_PROPOSED",
                "APPROVED",
                "IMPLEMENTING",
                "COMPLETED",
                "DECLINED",
                "WITHDRAWN",
                name="request_transition_to",
                native_enum=False,
                create_constraint=True,
                length=48,
            ),
            nullable=False,
        ),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"], ["capacity_request.id"], name=op.f("fk_request_transition_request_id_capacity_request")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_request_transition")),
    )
    op.create_index(op.f("ix_request_transition_request_id"), "request_transition", ["request_id"], unique=False)
    op.create_table(
        "measure",
        sa.Column("package_id", sa.UUID(), nullable=False),
        sa.Column(
            "area",
            sa.Enum(
                "STRATEGIC_ADVICE",
                "DEFENCE_INSTITUTION_BUILDING",
                "LOGISTICS",
                "DDR",
                "CIVIL_EMERGENCY_PLANNING",
                "CYBER_DEFENCE",
                "EDUCATION_AND_TRAINING",
                "COUNTER_IED",
                "MARITIME_SECURITY",
                "OTHER",
                name="measure_area",
                native_enum=False,
                create_constraint=True,
                length=48,
            ),
            nullable=False,
        ),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("lead_nation", sa.Text(), nullable=False),
        sa.Column("contributing_nations", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("activity_ids", postgresql.ARRAY(sa.UUID()), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["package_id"], ["package.id"], name=op.f("fk_measure_package_id_package")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measure")),
    )
    op.create_index("ix_measure_activity_ids", "measure", ["activity_ids"], unique=False, postgresql_using="gin")
    op.create_index(op.f("ix_measure_package_id"), "measure", ["package_id"], unique=False)
    op.create_table(
        "progress_report",
        sa.Column("package_id", sa.UUID(), nullable=False),
        sa.Column("period", sa.Text(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("GREEN", "AMBER", "RED", name="rag_status", native_enum=False, create_constraint=True, length=48),
            nullable=False,
        ),
        sa.Column("narrative", sa.Text(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["package_id"], ["package.id"], name=op.f("fk_progress_report_package_id_package")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_progress_report")),
        sa.UniqueConstraint("package_id", "period", name="uq_progress_report_package_period"),
    )
    op.create_index(op.f("ix_progress_report_package_id"), "progress_report", ["package_id"], unique=False)
    op.create_table(
        "contribution",
        sa.Column("measure_id", sa.UUID(), nullable=False),
        sa.Column("nation", sa.Text(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "ADVISERS",
                "TRAINERS",
                "FUNDS",
                "IN_KIND",
                name="contribution_kind",
                native_enum=False,
                create_constraint=True,
                length=48,
            ),
            nullable=False,
        ),
        sa.Column("quantity", sa.Integer(), nullable=True),
        sa.Column("amount", sa.Numeric(precision=16, scale=2), nullable=True),
        sa.Column("currency", sa.Text(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["measure_id"], ["measure.id"], name=op.f("fk_contribution_measure_id_measure")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contribution")),
    )
    op.create_index(op.f("ix_contribution_measure_id"), "contribution", ["measure_id"], unique=False)
    op.add_column(
        "capacity_request",
        sa.Column(
            "priority",
            sa.Enum(
                "HIGH", "MEDIUM", "LOW", name="request_priority", native_enum=False, create_constraint=True, length=48
            ),
            nullable=False,
            server_default="MEDIUM",
        ),
    )
    op.create_index("ix_capacity_request_areas", "capacity_request", ["areas"], unique=False, postgresql_using="gin")
    op.create_index(
        "ix_capacity_request_on_hold", "capacity_request", ["on_hold"], unique=False, postgresql_where="on_hold"
    )


def downgrade() -> None:
    op.drop_index("ix_capacity_request_on_hold", table_name="capacity_request", postgresql_where="on_hold")
    op.drop_index("ix_capacity_request_areas", table_name="capacity_request", postgresql_using="gin")
    op.drop_column("capacity_request", "priority")
    op.drop_index(op.f("ix_contribution_measure_id"), table_name="contribution")
    op.drop_table("contribution")
    op.drop_index(op.f("ix_progress_report_package_id"), table_name="progress_report")
    op.drop_table("progress_report")
    op.drop_index(op.f("ix_measure_package_id"), table_name="measure")
    op.drop_index("ix_measure_activity_ids", table_name="measure", postgresql_using="gin")
    op.drop_table("measure")
    op.drop_index(op.f("ix_request_transition_request_id"), table_name="request_transition")
    op.drop_table("request_transition")
    op.drop_index(op.f("ix_request_assessment_request_id"), table_name="request_assessment")
    op.drop_table("request_assessment")
    op.drop_table("package")
    op.drop_table("known_activity")
