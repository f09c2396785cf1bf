"""mutations' outcomes by Idempotency-Key

Revision ID: 0010
Revises: 0009
"""

from shared.migrations import create_idempotency_keys, drop_idempotency_keys

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_idempotency_keys()


def downgrade() -> None:
    drop_idempotency_keys()
