"""menu tables, outbox and inbox

Revision ID: 0001
Revises:
Create Date: 2026-11-27 17:44:55.982182
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from shared.migrations import create_event_tables, drop_event_tables

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_event_tables()
    op.create_table(
        "area_of_cooperation",
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("sourced", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_area_of_cooperation")),
    )
    op.create_table(
        "activity",
        sa.Column("pcm_ref", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("area_code", sa.Text(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "COURSE",
                "SEMINAR",
                "WORKSHOP",
                "CONFERENCE",
                "EXERCISE",
                "EXPERT_VISIT",
                "STAFF_TALKS",
                "STUDY_PERIOD",
                "SPEAKER_TOUR",
                "OTHER",
                name="activity_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "provider_kind",
            sa.Enum(
                "NATO_BODY",
                "ALLIED_NATION",
                "PARTNER",
                "PTEC",
                name="provider_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("provider_name", sa.Text(), nullable=False),
        sa.Column(
            "level",
            sa.Enum(
                "BASIC",
                "INTERMEDIATE",
                "ADVANCED",
                "EXECUTIVE",
                name="activity_level",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("languages", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("fee_eur", sa.Numeric(precision=12, scale=2), nullable=True),
        sa.Column("contact_name", sa.Text(), nullable=True),
        sa.Column("contact_email", sa.Text(), nullable=True),
        sa.Column("frameworks", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("eligible_partners", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("tags", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "DRAFT",
                "PUBLISHED",
                "WITHDRAWN",
                "ARCHIVED",
                name="activity_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("withdrawal_reason", sa.Text(), nullable=True),
        sa.Column("next_start_date", sa.Date(), nullable=True),
        sa.Column(
            "search_vector",
            postgresql.TSVECTOR(),
            sa.Computed(
                "setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(description, '')), 'B')",
                persisted=True,
            ),
            nullable=False,
        ),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["area_code"], ["area_of_cooperation.code"], name=op.f("fk_activity_area_code_area_of_cooperation")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity")),
        sa.UniqueConstraint("pcm_ref", name=op.f("uq_activity_pcm_ref")),
    )
    op.create_index(op.f("ix_activity_area_code"), "activity", ["area_code"], unique=False)
    op.create_index(
        "ix_activity_eligible_partners", "activity", ["eligible_partners"], unique=False, postgresql_using="gin"
    )
    op.create_index("ix_activity_frameworks", "activity", ["frameworks"], unique=False, postgresql_using="gin")
    op.create_index(op.f("ix_activity_kind"), "activity", ["kind"], unique=False)
    op.create_index("ix_activity_languages", "activity", ["languages"], unique=False, postgresql_using="gin")
    op.create_index(
        "ix_activity_next_start_id",
        "activity",
        [sa.text("coalesce(next_start_date, '9999-12-31'::date)"), "id"],
        unique=False,
    )
    op.create_index("ix_activity_pcm_ref_id", "activity", ["pcm_ref", "id"], unique=False)
    op.create_index(op.f("ix_activity_provider_kind"), "activity", ["provider_kind"], unique=False)
    op.create_index(op.f("ix_activity_provider_name"), "activity", ["provider_name"], unique=False)
    op.create_index("ix_activity_search", "activity", ["search_vector"], unique=False, postgresql_using="gin")
    op.create_index(op.f("ix_activity_status"), "activity", ["status"], unique=False)
    op.create_index("ix_activity_title_id", "activity", ["title", "id"], unique=False)
    op.create_table(
        "occurrence",
        sa.Column("activity_id", sa.UUID(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("location", sa.Text(), nullable=False),
        sa.Column("host", sa.Text(), nullable=False),
        sa.Column("seats", sa.Integer(), nullable=False),
        sa.Column("registration_deadline", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "PLANNED",
                "OPEN",
                "CLOSED",
                "HELD",
                "CANCELLED",
                name="occurrence_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("cancellation_reason", sa.Text(), nullable=True),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["activity_id"], ["activity.id"], name=op.f("fk_occurrence_activity_id_activity")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_occurrence")),
    )
    op.create_index("ix_occurrence_activity_start", "occurrence", ["activity_id", "start_date"], unique=False)
    op.create_index("ix_occurrence_start", "occurrence", ["start_date"], unique=False)


def downgrade() -> None:
    drop_event_tables()
    op.drop_index("ix_occurrence_start", table_name="occurrence")
    op.drop_index("ix_occurrence_activity_start", table_name="occurrence")
    op.drop_table("occurrence")
    op.drop_index("ix_activity_title_id", table_name="activity")
    op.drop_index(op.f("ix_activity_status"), table_name="activity")
    op.drop_index("ix_activity_search", table_name="activity", postgresql_using="gin")
    op.drop_index(op.f("ix_activity_provider_name"), table_name="activity")
    op.drop_index(op.f("ix_activity_provider_kind"), table_name="activity")
    op.drop_index("ix_activity_pcm_ref_id", table_name="activity")
    op.drop_index("ix_activity_next_start_id", table_name="activity")
    op.drop_index("ix_activity_languages", table_name="activity", postgresql_using="gin")
    op.drop_index(op.f("ix_activity_kind"), table_name="activity")
    op.drop_index("ix_activity_frameworks", table_name="activity", postgresql_using="gin")
    op.drop_index("ix_activity_eligible_partners", table_name="activity", postgresql_using="gin")
    op.drop_index(op.f("ix_activity_area_code"), table_name="activity")
    op.drop_table("activity")
    op.drop_table("area_of_cooperation")
