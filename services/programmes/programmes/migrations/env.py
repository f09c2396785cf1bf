"""Alembic's environment: the service's one metadata, with every concern's tables on it."""

from programmes.base import Base
from programmes.operations import models as operations  # noqa: F401  (importing a concern's models adds its tables)
from programmes.partners import models as partners  # noqa: F401
from programmes.platform import models as platform  # noqa: F401
from programmes.programmes import models as programmes  # noqa: F401
from shared.migrations import run_migrations

run_migrations(Base.metadata)
