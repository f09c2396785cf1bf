# Every concern's tables join the one metadata when their module is imported: all of them, or autogenerate
# would take a table left out for one to drop.
from menu.activities import models as activities
from menu.base import Base
from menu.commitments import models as commitments
from menu.exercises import models as exercises
from menu.participation import models as participation
from menu.partners import models as partners
from menu.providers import models as providers
from shared.migrations import run_migrations

MODELS = (activities, commitments, exercises, participation, partners, providers)

run_migrations(Base.metadata)
