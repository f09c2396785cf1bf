"""mutations' outcomes by Idempotency-Key

Revision ID: 0011
Revises: 0010
"""

from shared.migrations import create_idempotency_keys, drop_idempotency_keys

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_idempotency_keys()


def downgrade() -> None:
    drop_idempotency_keys()
