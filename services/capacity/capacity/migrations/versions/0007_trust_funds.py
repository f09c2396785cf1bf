"""Trust Fund projects: their phases and budgets, nations' pledges and payments, progress reports and steps.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29 04:53:32.618257
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "trust_fund_project",
        sa.Column("beneficiary_iso", sa.Text(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "DEMILITARISATION",
                "DEFENCE_TRANSFORMATION",
                name="project_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("lead_nations", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "PROPOSED",
                "APPROVED",
                "FUNDED",
                "IMPLEMENTING",
                "COMPLETED",
                "CANCELLED",
                name="project_status",
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trust_fund_project")),
    )
    op.create_index("ix_trust_fund_project_beneficiary", "trust_fund_project", ["beneficiary_iso"], unique=False)
    op.create_index("ix_trust_fund_project_created", "trust_fund_project", ["created_at", "id"], unique=False)
    op.create_index("ix_trust_fund_project_kind", "trust_fund_project", ["kind"], unique=False)
    op.create_index("ix_trust_fund_project_status", "trust_fund_project", ["status"], unique=False)
    op.create_index("ix_trust_fund_project_updated", "trust_fund_project", ["updated_at", "id"], unique=False)
    op.create_table(
        "trust_fund_money",
        sa.Column("project_id", sa.UUID(), nullable=False),
        sa.Column("nation", sa.Text(), nullable=False),
        sa.Column("amount_eur", sa.Numeric(precision=16, scale=2), nullable=False),
        sa.Column("payment", sa.Boolean(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"], ["trust_fund_project.id"], name=op.f("fk_trust_fund_money_project_id_trust_fund_project")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trust_fund_money")),
    )
    op.create_index("ix_trust_fund_money_nation", "trust_fund_money", ["nation"], unique=False)
    op.create_index(op.f("ix_trust_fund_money_project_id"), "trust_fund_money", ["project_id"], unique=False)
    op.create_table(
        "trust_fund_phase",
        sa.Column("project_id", sa.UUID(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("budget_eur", sa.Numeric(precision=16, scale=2), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"], ["trust_fund_project.id"], name=op.f("fk_trust_fund_phase_project_id_trust_fund_project")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trust_fund_phase")),
    )
    op.create_index(op.f("ix_trust_fund_phase_project_id"), "trust_fund_phase", ["project_id"], unique=False)
    op.create_table(
        "trust_fund_report",
        sa.Column("project_id", sa.UUID(), nullable=False),
        sa.Column("period", sa.Text(), nullable=False),
        sa.Column("narrative", sa.Text(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"], ["trust_fund_project.id"], name=op.f("fk_trust_fund_report_project_id_trust_fund_project")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trust_fund_report")),
        sa.UniqueConstraint("project_id", "period", name="uq_trust_fund_report_period"),
    )
    op.create_index(op.f("ix_trust_fund_report_project_id"), "trust_fund_report", ["project_id"], unique=False)
    op.create_table(
        "trust_fund_transition",
        sa.Column("project_id", sa.UUID(), nullable=False),
        sa.Column("from_status", sa.Text(), nullable=True),
        sa.Column("to_status", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["trust_fund_project.id"],
            name=op.f("fk_trust_fund_transition_project_id_trust_fund_project"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trust_fund_transition")),
    )
    op.create_index(op.f("ix_trust_fund_transition_project_id"), "trust_fund_transition", ["project_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_trust_fund_transition_project_id"), table_name="trust_fund_transition")
    op.drop_table("trust_fund_transition")
    op.drop_index(op.f("ix_trust_fund_report_project_id"), table_name="trust_fund_report")
    op.drop_table("trust_fund_report")
    op.drop_index(op.f("ix_trust_fund_phase_project_id"), table_name="trust_fund_phase")
    op.drop_table("trust_fund_phase")
    op.drop_index(op.f("ix_trust_fund_money_project_id"), table_name="trust_fund_money")
    op.drop_index("ix_trust_fund_money_nation", table_name="trust_fund_money")
    op.drop_table("trust_fund_money")
    op.drop_index("ix_trust_fund_project_updated", table_name="trust_fund_project")
    op.drop_index("ix_trust_fund_project_status", table_name="trust_fund_project")
    op.drop_index("ix_trust_fund_project_kind", table_name="trust_fund_project")
    op.drop_index("ix_trust_fund_project_created", table_name="trust_fund_project")
    op.drop_index("ix_trust_fund_project_beneficiary", table_name="trust_fund_project")
    op.drop_table("trust_fund_project")
