"""Alembic's environment: the one metadata every concern's tables are declared on (programmes.base).

Each concern's models are imported for their tables, which join Base's metadata as they are declared: all of
them, or autogenerate would take a table left out for one to drop."""

from programmes.base import Base
from programmes.operations import models as operations  # noqa: F401
from programmes.partners import models as partners  # noqa: F401
from programmes.platform import models as platform  # noqa: F401
from programmes.programmes import models as programmes  # noqa: F401
from shared.migrations import run_migrations

run_migrations(Base.metadata)
