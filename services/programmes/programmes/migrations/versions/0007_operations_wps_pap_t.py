"""Partners' contributions to NATO-led operations with their transitions; Women, Peace and Security markers on
objectives and on the copy of menu activities; PAP-T (Partnership Action Plan against Terrorism) a programme type.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29 03:28:35.713204
"""

import sqlalchemy as sa
from alembic import op

PROGRAMME_TYPES = ("IPCP", "IPAP", "ITPP", "PARP", "OCC", "DEEP", "PDP", "PAP_DIB", "BI", "OTHER")


revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "operational_contribution",
        sa.Column("partner_iso", sa.Text(), nullable=False),
        sa.Column(
            "operation",
            sa.Enum(
                "IFOR",
                "SFOR",
                "KFOR",
                "ISAF",
                "RSM",
                "OAE",
                "OOS",
                "OUP",
                "OSG",
                "NMI",
                name="operation",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column(
            "kind",
            sa.Enum(
                "TROOPS",
                "STAFF_OFFICERS",
                "TRAINERS",
                "MEDICAL",
                "ENGINEERS",
                "SHIPS",
                "AIRCRAFT",
                "FUNDING",
                name="contribution_kind",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "OFFERED",
                "ACCEPTED",
                "DEPLOYED",
                "ENDED",
                "DECLINED",
                "WITHDRAWN",
                name="contribution_status",
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
        sa.ForeignKeyConstraint(
            ["partner_iso"], ["partner.iso"], name=op.f("fk_operational_contribution_partner_iso_partner")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_operational_contribution")),
    )
    op.create_index("ix_operational_contribution_kind", "operational_contribution", ["kind"], unique=False)
    op.create_index("ix_operational_contribution_operation", "operational_contribution", ["operation"], unique=False)
    op.create_index(
        "ix_operational_contribution_partner_start",
        "operational_contribution",
        ["partner_iso", "period_start", "id"],
        unique=False,
    )
    op.create_index(
        "ix_operational_contribution_start", "operational_contribution", ["period_start", "id"], unique=False
    )
    op.create_index("ix_operational_contribution_status", "operational_contribution", ["status"], unique=False)
    op.create_index(
        "ix_operational_contribution_updated", "operational_contribution", ["updated_at", "id"], unique=False
    )
    op.create_table(
        "operational_contribution_transition",
        sa.Column("contribution_id", sa.UUID(), nullable=False),
        sa.Column(
            "from_status",
            sa.Enum(
                "OFFERED",
                "ACCEPTED",
                "DEPLOYED",
                "ENDED",
                "DECLINED",
                "WITHDRAWN",
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
                "OFFERED",
                "ACCEPTED",
                "DEPLOYED",
                "ENDED",
                "DECLINED",
                "WITHDRAWN",
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
            ["contribution_id"],
            ["operational_contribution.id"],
            name=op.f("fk_operational_contribution_transition_contribution_id_operational_contribution"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_operational_contribution_transition")),
    )
    op.create_index(
        op.f("ix_operational_contribution_transition_contribution_id"),
        "operational_contribution_transition",
        ["contribution_id"],
        unique=False,
    )
    # Activities already copied learn their marker from the menu's next event or snapshot.
    op.add_column("known_activity", sa.Column("wps_marker", sa.Text(), nullable=False, server_default="NOT_TARGETED"))
    op.alter_column("known_activity", "wps_marker", server_default=None)
    op.add_column(
        "objective",
        sa.Column(
            "wps_marker",
            sa.Enum(
                "PRINCIPAL",
                "SIGNIFICANT",
                "NOT_TARGETED",
                name="objective_wps_marker",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=False,
            server_default="NOT_TARGETED",
        ),
    )
    op.alter_column("objective", "wps_marker", server_default=None)
    op.drop_constraint(op.f("ck_programme_programme_type"), "programme", type_="check")
    op.create_check_constraint("programme_type", "programme", sa.column("type").in_((*PROGRAMME_TYPES, "PAP_T")))


def downgrade() -> None:
    op.drop_column("objective", "wps_marker")
    op.drop_constraint(op.f("ck_programme_programme_type"), "programme", type_="check")
    op.execute("DELETE FROM programme WHERE type = 'PAP_T'")
    op.create_check_constraint("programme_type", "programme", sa.column("type").in_(PROGRAMME_TYPES))
    op.drop_column("known_activity", "wps_marker")
    op.drop_index(
        op.f("ix_operational_contribution_transition_contribution_id"), table_name="operational_contribution_transition"
    )
    op.drop_table("operational_contribution_transition")
    op.drop_index("ix_operational_contribution_updated", table_name="operational_contribution")
    op.drop_index("ix_operational_contribution_status", table_name="operational_contribution")
    op.drop_index("ix_operational_contribution_start", table_name="operational_contribution")
    op.drop_index("ix_operational_contribution_partner_start", table_name="operational_contribution")
    op.drop_index("ix_operational_contribution_operation", table_name="operational_contribution")
    op.drop_index("ix_operational_contribution_kind", table_name="operational_contribution")
    op.drop_table("operational_contribution")
