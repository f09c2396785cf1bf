"""one edition in preparation, order by update

Databases seeded before this rule may hold two editions of a tool in preparation for one partner
(suspended partners' drafts): all but the latest revision are withdrawn here, with a history row
saying why, so the unique index can hold.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 11:11:44.159147
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
        WITH extra AS (
            SELECT id, status FROM (
                SELECT id, status, row_number() OVER (PARTITION BY partner_iso, type ORDER BY revision DESC) AS n
                FROM programme WHERE status IN ('DRAFT', 'SUBMITTED', 'IN_NEGOTIATION') AND type <> 'OTHER') ranked
            WHERE n > 1),
        history AS (
            INSERT INTO programme_transition (id, programme_id, from_status, to_status, actor, note, at)
            SELECT gen_random_uuid(), id, status, 'WITHDRAWN', 'migration 0003',
                   'a partner prepares one edition of a tool at a time; a later revision replaced this one', now()
            FROM extra)
        UPDATE programme SET status = 'WITHDRAWN', version = version + 1, updated_at = now()
        WHERE id IN (SELECT id FROM extra)""")
    op.create_index("ix_programme_updated", "programme", ["updated_at", "id"], unique=False)
    op.create_index(
        "uq_programme_in_preparation",
        "programme",
        ["partner_iso", "type"],
        unique=True,
        postgresql_where=sa.text("status IN ('DRAFT', 'SUBMITTED', 'IN_NEGOTIATION') AND type <> 'OTHER'"),
    )


def downgrade() -> None:
    op.drop_index(
        "uq_programme_in_preparation",
        table_name="programme",
        postgresql_where=sa.text("status IN ('DRAFT', 'SUBMITTED', 'IN_NEGOTIATION') AND type <> 'OTHER'"),
    )
    op.drop_index("ix_programme_updated", table_name="programme")
