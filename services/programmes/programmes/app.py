"""The programmes service: its runtime and service definition, composed from what each concern exports (consumers,
live feeds, snapshots, loaders, seed stages, the catalogue); no logic of its own."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from programmes.base import Base
from programmes.operations import events as operations_events
from programmes.operations.repository import OperationsLoaders
from programmes.partners import events as partners_events
from programmes.partners import seed as partners_seed
from programmes.partners.repository import PartnersLoaders
from programmes.platform import events as platform_events
from programmes.platform import seed as platform_seed
from programmes.platform.repository import PlatformLoaders
from programmes.programmes import events as programmes_events
from programmes.programmes import seed as programmes_seed
from programmes.programmes import use_cases as programmes_use_cases
from programmes.programmes.models import Attendance, KnownActivity
from programmes.programmes.repository import ProgrammesLoaders
from programmes.programmes.schema.subscription import PROGRAMME_FEED
from programmes.schema import schema
from programmes.settings import ProgrammesSettings
from shared.auth import Actor
from shared.definition import ServiceDefinition
from shared.events.catalogue import EventCatalogue
from shared.events.contracts import MENU_ACTIVITY, MENU_NOMINATION
from shared.graphql.history import HistoryLoaders
from shared.runtime import ServiceRuntime
from shared.settings import ServiceSettings

# Every concern's topics, in the order the published catalogue (the AsyncAPI document) lists them.
CATALOGUE = EventCatalogue(
    "programmes",
    {
        **partners_events.CATALOGUE.topics,
        **platform_events.CATALOGUE.topics,
        **programmes_events.CATALOGUE.topics,
        **operations_events.CATALOGUE.topics,
    },
)
# The republish command tells the topics again in this order.
SNAPSHOTS = (
    *partners_events.SNAPSHOTS,
    *programmes_events.SNAPSHOTS,
    *platform_events.SNAPSHOTS,
    *operations_events.SNAPSHOTS,
)
# Each concern's seed stages; shared.devstack.services.SEED_ORDER names them and runs them across the services.
SEED_STAGES = (
    *partners_seed.SEED_STAGES,
    *platform_seed.SEED_STAGES,
    *programmes_seed.SEED_STAGES,
)


class ServiceLoaders(PartnersLoaders, ProgrammesLoaders, PlatformLoaders, OperationsLoaders):
    """Every concern's loaders of a request on the one object resolvers reach (`info.context.loaders`), each
    scoped to the caller, and the histories of every aggregate."""

    def __init__(self, session: AsyncSession, caller: Actor) -> None:
        PartnersLoaders.__init__(self, session, caller)
        ProgrammesLoaders.__init__(self, session, caller)
        PlatformLoaders.__init__(self, session, caller)
        OperationsLoaders.__init__(self, session, caller)
        self.history = HistoryLoaders(session, Base.metadata.tables["aggregate_history"])


def build_runtime(settings: ServiceSettings) -> ServiceRuntime:
    consumers = {
        "menu-activities": MENU_ACTIVITY.handled_by(programmes_use_cases.on_activity_changed, KnownActivity),
        "menu-nominations": MENU_NOMINATION.handled_by(programmes_use_cases.on_nomination_changed, Attendance),
    }
    return ServiceRuntime(
        settings,
        Base.metadata,
        CATALOGUE,
        ServiceLoaders,
        consumers=consumers,
        live_feeds=[PROGRAMME_FEED],
        snapshots=SNAPSHOTS,
    )


SERVICE = ServiceDefinition(
    name="programmes",
    title="Partners and programmes",
    settings=ProgrammesSettings,
    build_runtime=build_runtime,
    schema=schema,
    catalogue=CATALOGUE,
    migrations=Path(__file__).parent / "migrations",
    seed_stages=SEED_STAGES,
)
create_app = SERVICE.create_app
