"""A partner's Trust Fund projects and SPS applications are read a page at a time, newest first.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29 06:40:00
"""

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_trust_fund_project_beneficiary", "trust_fund_project", "beneficiary_iso"),
    ("ix_sps_application_partner", "sps_application", "partner_country"),
)


def upgrade() -> None:
    for name, table, owner in INDEXES:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, [owner, "created_at", "id"], unique=False)


def downgrade() -> None:
    for name, table, owner in INDEXES:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, [owner], unique=False)
