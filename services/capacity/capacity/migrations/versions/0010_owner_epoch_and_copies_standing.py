"""the owner's epoch, and the owner's epoch and time of each copy's state (heals from the owner)

Revision ID: 0010
Revises: 0009
"""

from shared.migrations import add_owner_standing, drop_owner_standing

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

COPIES = ["known_partner", "known_activity"]


def upgrade() -> None:
    add_owner_standing(COPIES)


def downgrade() -> None:
    drop_owner_standing(COPIES)
