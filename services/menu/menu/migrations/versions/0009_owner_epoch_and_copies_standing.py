"""the owner's epoch, and the owner's epoch and time of each copy's state (heals from the owner)

Revision ID: 0009
Revises: 0008
"""

from shared.migrations import add_owner_standing, drop_owner_standing

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

COPIES = ["known_partner", "commitment_source"]


def upgrade() -> None:
    add_owner_standing(COPIES)


def downgrade() -> None:
    drop_owner_standing(COPIES)
