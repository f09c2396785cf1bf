"""EADRCC: requests for disaster assistance, their needs, nations' offers, situation reports and the steps of
all of them.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 04:30:22.106699
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "assistance_request",
        sa.Column("stricken_country", sa.Text(), nullable=False),
        sa.Column(
            "disaster_type",
            sa.Enum(
                "FLOOD",
                "EARTHQUAKE",
                "WILDFIRE",
                "STORM",
                "EPIDEMIC",
                "INDUSTRIAL_ACCIDENT",
                "CBRN",
                "OTHER",
                name="disaster_type",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("situation", sa.Text(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("OPEN", "CLOSED", name="assistance_status", native_enum=False, create_constraint=True, length=16),
            nullable=False,
        ),
        sa.Column("closing_note", sa.Text(), nullable=True),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assistance_request")),
    )
    op.create_index(
        "ix_assistance_request_country", "assistance_request", ["stricken_country", "created_at", "id"], unique=False
    )
    op.create_index("ix_assistance_request_created", "assistance_request", ["created_at", "id"], unique=False)
    op.create_index("ix_assistance_request_disaster", "assistance_request", ["disaster_type"], unique=False)
    op.create_index("ix_assistance_request_status", "assistance_request", ["status"], unique=False)
    op.create_index("ix_assistance_request_updated", "assistance_request", ["updated_at", "id"], unique=False)
    op.create_table(
        "assistance_need",
        sa.Column("request_id", sa.UUID(), nullable=False),
        sa.Column("item", sa.Text(), nullable=False),
        sa.Column("quantity", sa.Numeric(precision=16, scale=2), nullable=False),
        sa.Column("unit", sa.Text(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"], ["assistance_request.id"], name=op.f("fk_assistance_need_request_id_assistance_request")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assistance_need")),
    )
    op.create_index(op.f("ix_assistance_need_request_id"), "assistance_need", ["request_id"], unique=False)
    op.create_table(
        "assistance_transition",
        sa.Column("request_id", sa.UUID(), nullable=False),
        sa.Column("offer_id", sa.UUID(), nullable=True),
        sa.Column("from_status", sa.Text(), nullable=True),
        sa.Column("to_status", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["assistance_request.id"],
            name=op.f("fk_assistance_transition_request_id_assistance_request"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assistance_transition")),
    )
    op.create_index(op.f("ix_assistance_transition_request_id"), "assistance_transition", ["request_id"], unique=False)
    op.create_table(
        "situation_report",
        sa.Column("request_id", sa.UUID(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"], ["assistance_request.id"], name=op.f("fk_situation_report_request_id_assistance_request")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_situation_report")),
        sa.UniqueConstraint("request_id", "number", name="uq_situation_report_request_number"),
    )
    op.create_index(op.f("ix_situation_report_request_id"), "situation_report", ["request_id"], unique=False)
    op.create_table(
        "assistance_offer",
        sa.Column("request_id", sa.UUID(), nullable=False),
        sa.Column("need_id", sa.UUID(), nullable=False),
        sa.Column("nation", sa.Text(), nullable=False),
        sa.Column("quantity", sa.Numeric(precision=16, scale=2), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "OFFERED",
                "ACCEPTED",
                "DELIVERED",
                "DECLINED",
                "WITHDRAWN",
                name="offer_status",
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
            ["need_id"], ["assistance_need.id"], name=op.f("fk_assistance_offer_need_id_assistance_need")
        ),
        sa.ForeignKeyConstraint(
            ["request_id"], ["assistance_request.id"], name=op.f("fk_assistance_offer_request_id_assistance_request")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assistance_offer")),
    )
    op.create_index("ix_assistance_offer_nation", "assistance_offer", ["nation"], unique=False)
    op.create_index(op.f("ix_assistance_offer_need_id"), "assistance_offer", ["need_id"], unique=False)
    op.create_index(op.f("ix_assistance_offer_request_id"), "assistance_offer", ["request_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_assistance_offer_request_id"), table_name="assistance_offer")
    op.drop_index(op.f("ix_assistance_offer_need_id"), table_name="assistance_offer")
    op.drop_index("ix_assistance_offer_nation", table_name="assistance_offer")
    op.drop_table("assistance_offer")
    op.drop_index(op.f("ix_situation_report_request_id"), table_name="situation_report")
    op.drop_table("situation_report")
    op.drop_index(op.f("ix_assistance_transition_request_id"), table_name="assistance_transition")
    op.drop_table("assistance_transition")
    op.drop_index(op.f("ix_assistance_need_request_id"), table_name="assistance_need")
    op.drop_table("assistance_need")
    op.drop_index("ix_assistance_request_updated", table_name="assistance_request")
    op.drop_index("ix_assistance_request_status", table_name="assistance_request")
    op.drop_index("ix_assistance_request_disaster", table_name="assistance_request")
    op.drop_index("ix_assistance_request_created", table_name="assistance_request")
    op.drop_index("ix_assistance_request_country", table_name="assistance_request")
    op.drop_table("assistance_request")
