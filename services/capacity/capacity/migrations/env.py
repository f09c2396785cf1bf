"""Alembic's environment: the one metadata every concern's tables are declared on (capacity.base)."""

from capacity.assistance import models as assistance  # noqa: F401  (imported for its tables: they join Base's metadata)
from capacity.base import Base
from capacity.partners import models as partners  # noqa: F401
from capacity.requests import models as requests  # noqa: F401
from capacity.sps import models as sps  # noqa: F401
from capacity.trust_funds import models as trust_funds  # noqa: F401
from shared.migrations import run_migrations

run_migrations(Base.metadata)
