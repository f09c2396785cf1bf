"""Providers as entities (keyed by code, the pcmRef prefix) with their transitions; activities linked to
them, from what each activity said of its provider; Women, Peace and Security markers on activities.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29 03:03:25.004529
"""

import sqlalchemy as sa
from alembic import op

PROVIDER_KINDS = ("NATO_BODY", "ALLIED_NATION", "PARTNER", "PTEC", "COE")


revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "provider",
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                *PROVIDER_KINDS, name="provider_kind_of_provider", native_enum=False, create_constraint=True, length=32
            ),
            nullable=False,
        ),
        sa.Column("country", sa.Text(), nullable=False),
        sa.Column("city", sa.Text(), nullable=True),
        sa.Column("accredited_since", sa.SmallInteger(), nullable=True),
        sa.Column("website", sa.Text(), nullable=True),
        sa.Column("contact_name", sa.Text(), nullable=True),
        sa.Column("contact_email", sa.Text(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "ACTIVE",
                "SUSPENDED",
                "CLOSED",
                name="provider_status",
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_provider")),
        sa.UniqueConstraint("code", name=op.f("uq_provider_code")),
    )
    op.create_index("ix_provider_code_id", "provider", ["code", "id"], unique=False)
    op.create_index("ix_provider_country", "provider", ["country"], unique=False)
    op.create_index("ix_provider_kind", "provider", ["kind"], unique=False)
    op.create_index("ix_provider_name_id", "provider", ["name", "id"], unique=False)
    op.create_index("ix_provider_updated", "provider", ["updated_at", "id"], unique=False)
    op.create_table(
        "provider_transition",
        sa.Column("provider_code", sa.Text(), nullable=False),
        sa.Column(
            "from_status",
            sa.Enum(
                "ACTIVE",
                "SUSPENDED",
                "CLOSED",
                name="provider_transition_from",
                native_enum=False,
                create_constraint=True,
                length=48,
            ),
            nullable=True,
        ),
        sa.Column(
            "to_status",
            sa.Enum(
                "ACTIVE",
                "SUSPENDED",
                "CLOSED",
                name="provider_transition_to",
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
            ["provider_code"], ["provider.code"], name=op.f("fk_provider_transition_provider_code_provider")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_provider_transition")),
    )
    op.create_index(
        op.f("ix_provider_transition_provider_code"), "provider_transition", ["provider_code"], unique=False
    )
    # Each provider code the activities use becomes a provider, named and kinded as its latest activity said;
    # a nation's code is its country; the others are placed in Belgium, at NATO's headquarters, until staff
    # set where they are.
    op.execute("""
        INSERT INTO provider (id, code, name, kind, country, status, created_at, updated_at, version)
        SELECT gen_random_uuid(), code, name, kind,
               CASE WHEN kind IN ('ALLIED_NATION', 'PARTNER') AND code ~ '^[A-Z]{3}$' THEN code ELSE 'BEL' END,
               'ACTIVE', now(), now(), 1
        FROM (SELECT DISTINCT ON (split_part(pcm_ref, '.', 1)) split_part(pcm_ref, '.', 1) AS code,
                     provider_name AS name, provider_kind AS kind
              FROM activity ORDER BY split_part(pcm_ref, '.', 1), updated_at DESC) AS used
    """)
    op.execute("""
        INSERT INTO provider_transition (id, provider_code, from_status, to_status, reason, actor, at)
        SELECT gen_random_uuid(), code, NULL, 'ACTIVE', 'registered from its activities', 'migration 0007', now()
        FROM provider
    """)
    op.add_column("activity", sa.Column("provider_code", sa.Text(), nullable=True))
    op.execute("UPDATE activity SET provider_code = split_part(pcm_ref, '.', 1)")
    op.alter_column("activity", "provider_code", nullable=False)
    op.execute(
        "UPDATE activity SET provider_name = p.name, provider_kind = p.kind FROM provider p "
        "WHERE p.code = activity.provider_code"
    )
    op.add_column(
        "activity",
        sa.Column(
            "wps_marker",
            sa.Enum(
                "PRINCIPAL",
                "SIGNIFICANT",
                "NOT_TARGETED",
                name="activity_wps_marker",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=False,
            server_default="NOT_TARGETED",
        ),
    )
    op.execute("UPDATE activity SET wps_marker = 'PRINCIPAL' WHERE area_code = 'WPS'")
    op.alter_column("activity", "wps_marker", server_default=None)
    # A Centre of Excellence is a kind of provider now: the activities' copy of the kind may say so.
    op.drop_constraint(op.f("ck_activity_provider_kind"), "activity", type_="check")
    op.create_check_constraint("provider_kind", "activity", sa.column("provider_kind").in_(PROVIDER_KINDS))
    op.create_index(op.f("ix_activity_provider_code"), "activity", ["provider_code"], unique=False)
    op.create_index("ix_activity_wps_marker", "activity", ["wps_marker"], unique=False)
    op.create_foreign_key(
        op.f("fk_activity_provider_code_provider"), "activity", "provider", ["provider_code"], ["code"]
    )


def downgrade() -> None:
    op.drop_constraint(op.f("fk_activity_provider_code_provider"), "activity", type_="foreignkey")
    op.drop_index("ix_activity_wps_marker", table_name="activity")
    op.drop_index(op.f("ix_activity_provider_code"), table_name="activity")
    op.drop_column("activity", "wps_marker")
    op.drop_constraint(op.f("ck_activity_provider_kind"), "activity", type_="check")
    op.execute("UPDATE activity SET provider_kind = 'NATO_BODY' WHERE provider_kind = 'COE'")
    op.create_check_constraint("provider_kind", "activity", sa.column("provider_kind").in_(PROVIDER_KINDS[:-1]))
    op.drop_column("activity", "provider_code")
    op.drop_index(op.f("ix_provider_transition_provider_code"), table_name="provider_transition")
    op.drop_table("provider_transition")
    op.drop_index("ix_provider_updated", table_name="provider")
    op.drop_index("ix_provider_name_id", table_name="provider")
    op.drop_index("ix_provider_kind", table_name="provider")
    op.drop_index("ix_provider_country", table_name="provider")
    op.drop_index("ix_provider_code_id", table_name="provider")
    op.drop_table("provider")
