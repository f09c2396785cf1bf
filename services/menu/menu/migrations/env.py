"""Alembic's environment: the one metadata every concern's tables are declared on (menu.base).

Each concern's models are imported for their tables, which join Base's metadata as they are declared: all of
them, or autogenerate would take a table left out for one to drop."""

from menu.activities import models as activities  # noqa: F401
from menu.base import Base
from menu.commitments import models as commitments  # noqa: F401
from menu.exercises import models as exercises  # noqa: F401
from menu.participation import models as participation  # noqa: F401
from menu.partners import models as partners  # noqa: F401
from menu.providers import models as providers  # noqa: F401
from shared.migrations import run_migrations

run_migrations(Base.metadata)
