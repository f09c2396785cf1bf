"""The Interoperability Platform: members' dates on the partner, meetings, common actions with their assignees'
progress, and their transitions.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 03:22:46.505914
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "platform_meeting",
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column(
            "format",
            sa.Enum(
                "PLENARY",
                "THEMATIC",
                "MINISTERIAL",
                name="meeting_format",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("location", sa.Text(), nullable=False),
        sa.Column("attendees", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "PLANNED",
                "HELD",
                "CANCELLED",
                name="meeting_status",
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_platform_meeting")),
    )
    op.create_index(
        "ix_platform_meeting_attendees", "platform_meeting", ["attendees"], unique=False, postgresql_using="gin"
    )
    op.create_index("ix_platform_meeting_format", "platform_meeting", ["format"], unique=False)
    op.create_index("ix_platform_meeting_held_on", "platform_meeting", ["held_on", "id"], unique=False)
    op.create_index("ix_platform_meeting_status", "platform_meeting", ["status"], unique=False)
    op.create_index("ix_platform_meeting_updated", "platform_meeting", ["updated_at", "id"], unique=False)
    op.create_table(
        "common_action",
        sa.Column("meeting_id", sa.UUID(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("assignees", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "OPEN",
                "COMPLETED",
                "DROPPED",
                name="action_status",
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
            ["meeting_id"], ["platform_meeting.id"], name=op.f("fk_common_action_meeting_id_platform_meeting")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_common_action")),
    )
    op.create_index("ix_common_action_assignees", "common_action", ["assignees"], unique=False, postgresql_using="gin")
    op.create_index("ix_common_action_due_on", "common_action", ["due_on", "id"], unique=False)
    op.create_index(op.f("ix_common_action_meeting_id"), "common_action", ["meeting_id"], unique=False)
    op.create_index("ix_common_action_status", "common_action", ["status"], unique=False)
    op.create_index("ix_common_action_updated", "common_action", ["updated_at", "id"], unique=False)
    op.create_table(
        "platform_meeting_transition",
        sa.Column("meeting_id", sa.UUID(), nullable=False),
        sa.Column(
            "from_status",
            sa.Enum(
                "PLANNED",
                "HELD",
                "CANCELLED",
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
                "HELD",
                "CANCELLED",
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
            ["meeting_id"],
            ["platform_meeting.id"],
            name=op.f("fk_platform_meeting_transition_meeting_id_platform_meeting"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_platform_meeting_transition")),
    )
    op.create_index(
        op.f("ix_platform_meeting_transition_meeting_id"), "platform_meeting_transition", ["meeting_id"], unique=False
    )
    op.create_table(
        "action_assignment",
        sa.Column("action_id", sa.UUID(), nullable=False),
        sa.Column("partner_iso", sa.Text(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "ASSIGNED",
                "IN_PROGRESS",
                "COMPLETED",
                name="assignment_status",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("completed_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"], ["common_action.id"], name=op.f("fk_action_assignment_action_id_common_action")
        ),
        sa.ForeignKeyConstraint(
            ["partner_iso"], ["partner.iso"], name=op.f("fk_action_assignment_partner_iso_partner")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_assignment")),
        sa.UniqueConstraint("action_id", "partner_iso", name="uq_action_assignment_partner"),
    )
    op.create_index(op.f("ix_action_assignment_action_id"), "action_assignment", ["action_id"], unique=False)
    op.create_index("ix_action_assignment_partner", "action_assignment", ["partner_iso"], unique=False)
    op.create_table(
        "common_action_transition",
        sa.Column("action_id", sa.UUID(), nullable=False),
        sa.Column("partner_iso", sa.Text(), nullable=True),
        sa.Column("from_status", sa.Text(), nullable=True),
        sa.Column("to_status", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"], ["common_action.id"], name=op.f("fk_common_action_transition_action_id_common_action")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_common_action_transition")),
    )
    op.create_index(
        op.f("ix_common_action_transition_action_id"), "common_action_transition", ["action_id"], unique=False
    )
    op.add_column("partner", sa.Column("platform_joined_on", sa.Date(), nullable=True))
    op.add_column("partner", sa.Column("platform_left_on", sa.Date(), nullable=True))
    op.create_index("ix_partner_platform", "partner", ["interoperability_platform"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_partner_platform", table_name="partner")
    op.drop_column("partner", "platform_left_on")
    op.drop_column("partner", "platform_joined_on")
    op.drop_index(op.f("ix_common_action_transition_action_id"), table_name="common_action_transition")
    op.drop_table("common_action_transition")
    op.drop_index("ix_action_assignment_partner", table_name="action_assignment")
    op.drop_index(op.f("ix_action_assignment_action_id"), table_name="action_assignment")
    op.drop_table("action_assignment")
    op.drop_index(op.f("ix_platform_meeting_transition_meeting_id"), table_name="platform_meeting_transition")
    op.drop_table("platform_meeting_transition")
    op.drop_index("ix_common_action_updated", table_name="common_action")
    op.drop_index("ix_common_action_status", table_name="common_action")
    op.drop_index(op.f("ix_common_action_meeting_id"), table_name="common_action")
    op.drop_index("ix_common_action_due_on", table_name="common_action")
    op.drop_index("ix_common_action_assignees", table_name="common_action", postgresql_using="gin")
    op.drop_table("common_action")
    op.drop_index("ix_platform_meeting_updated", table_name="platform_meeting")
    op.drop_index("ix_platform_meeting_status", table_name="platform_meeting")
    op.drop_index("ix_platform_meeting_held_on", table_name="platform_meeting")
    op.drop_index("ix_platform_meeting_format", table_name="platform_meeting")
    op.drop_index("ix_platform_meeting_attendees", table_name="platform_meeting", postgresql_using="gin")
    op.drop_table("platform_meeting")
