"""Science for Peace and Security grant applications, their reports and steps.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29 05:13:36.236645
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sps_application",
        sa.Column(
            "kind",
            sa.Enum(
                "MULTI_YEAR_PROJECT",
                "ADVANCED_RESEARCH_WORKSHOP",
                "ADVANCED_TRAINING_COURSE",
                "ADVANCED_STUDY_INSTITUTE",
                name="sps_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "key_priority",
            sa.Enum(
                "COUNTER_TERRORISM",
                "ENERGY_SECURITY",
                "CYBER_DEFENCE",
                "CBRN_DEFENCE",
                "ENVIRONMENTAL_SECURITY",
                "EMERGING_TECHNOLOGIES",
                "BORDER_SECURITY",
                "HUMAN_AND_SOCIAL_ASPECTS",
                name="key_priority",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("nato_country", sa.Text(), nullable=False),
        sa.Column("nato_co_director", sa.Text(), nullable=False),
        sa.Column("partner_country", sa.Text(), nullable=False),
        sa.Column("partner_co_director", sa.Text(), nullable=False),
        sa.Column("budget_eur", sa.Numeric(precision=16, scale=2), nullable=False),
        sa.Column("panel_outcome", sa.Text(), nullable=True),
        sa.Column("grant_eur", sa.Numeric(precision=16, scale=2), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "SUBMITTED",
                "UNDER_REVIEW",
                "APPROVED",
                "REJECTED",
                "ACTIVE",
                "COMPLETED",
                name="sps_status",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sps_application")),
    )
    op.create_index("ix_sps_application_created", "sps_application", ["created_at", "id"], unique=False)
    op.create_index("ix_sps_application_nato", "sps_application", ["nato_country"], unique=False)
    op.create_index("ix_sps_application_partner", "sps_application", ["partner_country"], unique=False)
    op.create_index("ix_sps_application_priority", "sps_application", ["key_priority"], unique=False)
    op.create_index("ix_sps_application_status", "sps_application", ["status"], unique=False)
    op.create_index("ix_sps_application_updated", "sps_application", ["updated_at", "id"], unique=False)
    op.create_table(
        "sps_report",
        sa.Column("application_id", sa.UUID(), nullable=False),
        sa.Column("period", sa.Text(), nullable=False),
        sa.Column("narrative", sa.Text(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"], ["sps_application.id"], name=op.f("fk_sps_report_application_id_sps_application")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sps_report")),
        sa.UniqueConstraint("application_id", "period", name="uq_sps_report_period"),
    )
    op.create_index(op.f("ix_sps_report_application_id"), "sps_report", ["application_id"], unique=False)
    op.create_table(
        "sps_transition",
        sa.Column("application_id", sa.UUID(), nullable=False),
        sa.Column("from_status", sa.Text(), nullable=True),
        sa.Column("to_status", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"], ["sps_application.id"], name=op.f("fk_sps_transition_application_id_sps_application")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sps_transition")),
    )
    op.create_index(op.f("ix_sps_transition_application_id"), "sps_transition", ["application_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_sps_transition_application_id"), table_name="sps_transition")
    op.drop_table("sps_transition")
    op.drop_index(op.f("ix_sps_report_application_id"), table_name="sps_report")
    op.drop_table("sps_report")
    op.drop_index("ix_sps_application_updated", table_name="sps_application")
    op.drop_index("ix_sps_application_status", table_name="sps_application")
    op.drop_index("ix_sps_application_priority", table_name="sps_application")
    op.drop_index("ix_sps_application_partner", table_name="sps_application")
    op.drop_index("ix_sps_application_nato", table_name="sps_application")
    op.drop_index("ix_sps_application_created", table_name="sps_application")
    op.drop_table("sps_application")
