"""mutations' outcomes by Idempotency-Key

Revision ID: 0009
Revises: 0008
"""

from shared.migrations import create_idempotency_keys, drop_idempotency_keys

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_idempotency_keys()


def downgrade() -> None:
    drop_idempotency_keys()
