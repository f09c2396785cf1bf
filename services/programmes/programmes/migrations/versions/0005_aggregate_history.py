"""the aggregates' history log, filled from the outbox

Revision ID: 0005
Revises: 0004
"""

from shared.migrations import create_history_log, drop_history_log

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_history_log({})


def downgrade() -> None:
    drop_history_log()
