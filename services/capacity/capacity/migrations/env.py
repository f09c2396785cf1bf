"""Alembic's environment: the one metadata every concern's tables are declared on (capacity.base).

Each concern's models are imported for their tables, which join Base's metadata as they are declared: all of
them, or autogenerate would take a table left out for one to drop."""

from capacity.assistance import models as assistance  # noqa: F401
from capacity.base import Base
from capacity.partners import models as partners  # noqa: F401
from capacity.requests import models as requests  # noqa: F401
from capacity.sps import models as sps  # noqa: F401
from capacity.trust_funds import models as trust_funds  # noqa: F401
from shared.migrations import run_migrations

run_migrations(Base.metadata)
