"""the reference areas of cooperation

Reference data every deployment needs, so it ships as a migration rather than a seed.

Revision ID: 0002
Revises: 0001
"""

import csv
from pathlib import Path

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import insert

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

AREAS = Path(__file__).resolve().parents[2] / "seed_data" / "areas_of_cooperation.csv"


def upgrade() -> None:
    table = sa.table(
        "area_of_cooperation", sa.column("code", sa.Text), sa.column("name", sa.Text), sa.column("sourced", sa.Boolean)
    )
    with open(AREAS, newline="") as handle:
        rows = [
            {"code": r["code"], "name": r["name"], "sourced": r["sourced"] == "true"} for r in csv.DictReader(handle)
        ]
    # Databases seeded before this migration already hold the areas: keep theirs.
    op.execute(insert(table).values(rows).on_conflict_do_nothing(index_elements=["code"]))


def downgrade() -> None:
    op.execute("DELETE FROM area_of_cooperation")
