"""The capacity service: its runtime and service definition, composed from what each concern exports (consumers,
live feeds, snapshots, loaders, seed stages, the catalogue); no logic of its own."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from capacity.assistance import events as assistance_events
from capacity.assistance import seed as assistance_seed
from capacity.assistance.repository import AssistanceLoaders
from capacity.assistance.schema.subscription import ASSISTANCE_FEED
from capacity.base import Base
from capacity.partners.models import KnownPartner
from capacity.partners.repository import PartnersLoaders
from capacity.requests import events as requests_events
from capacity.requests import seed as requests_seed
from capacity.requests.models import Attendance, KnownActivity
from capacity.requests.repository import RequestsLoaders
from capacity.requests.schema.subscription import REQUEST_FEED
from capacity.schema import schema
from capacity.settings import CapacitySettings
from capacity.sps import events as sps_events
from capacity.sps import seed as sps_seed
from capacity.sps.repository import SpsLoaders
from capacity.trust_funds import events as trust_funds_events
from capacity.trust_funds import seed as trust_funds_seed
from capacity.trust_funds.repository import TrustFundsLoaders
from shared.auth import Actor
from shared.definition import ServiceDefinition
from shared.events.catalogue import EventCatalogue
from shared.events.contracts import MENU_ACTIVITY, MENU_NOMINATION, PROGRAMMES_PARTNER
from shared.graphql.history import HistoryLoaders
from shared.runtime import ServiceRuntime
from shared.settings import ServiceSettings

# Every concern's topics, in the order the published catalogue (the AsyncAPI document) lists them.
CATALOGUE = EventCatalogue(
    "capacity",
    {
        **requests_events.CATALOGUE.topics,
        **assistance_events.CATALOGUE.topics,
        **trust_funds_events.CATALOGUE.topics,
        **sps_events.CATALOGUE.topics,
    },
)
# The republish command tells the topics again in this order.
SNAPSHOTS = (
    *requests_events.SNAPSHOTS,
    *assistance_events.SNAPSHOTS,
    *trust_funds_events.SNAPSHOTS,
    *sps_events.SNAPSHOTS,
)
# Each concern's seed stages; shared.devstack.services.SEED_ORDER names them and runs them across the services.
SEED_STAGES = (
    *requests_seed.SEED_STAGES,
    *assistance_seed.SEED_STAGES,
    *trust_funds_seed.SEED_STAGES,
    *sps_seed.SEED_STAGES,
)


class ServiceLoaders(RequestsLoaders, AssistanceLoaders, TrustFundsLoaders, SpsLoaders, PartnersLoaders):
    """Every concern's loaders of a request on the one object resolvers reach (`info.context.loaders`), each
    scoped to the caller, and the histories of every aggregate."""

    def __init__(self, session: AsyncSession, caller: Actor) -> None:
        RequestsLoaders.__init__(self, session, caller)
        AssistanceLoaders.__init__(self, session, caller)
        TrustFundsLoaders.__init__(self, session, caller)
        SpsLoaders.__init__(self, session, caller)
        PartnersLoaders.__init__(self, session, caller)
        self.history = HistoryLoaders(session, Base.metadata.tables["aggregate_history"])


def build_runtime(settings: ServiceSettings) -> ServiceRuntime:
    consumers = {
        "partners": PROGRAMMES_PARTNER.handled_by(requests_events.on_partner_changed, KnownPartner),
        "menu-activities": MENU_ACTIVITY.handled_by(requests_events.on_activity_changed, KnownActivity),
        "menu-nominations": MENU_NOMINATION.handled_by(requests_events.on_nomination_changed, Attendance),
    }
    return ServiceRuntime(
        settings,
        Base.metadata,
        CATALOGUE,
        ServiceLoaders,
        consumers=consumers,
        live_feeds=[REQUEST_FEED, ASSISTANCE_FEED],
        snapshots=SNAPSHOTS,
    )


SERVICE = ServiceDefinition(
    name="capacity",
    title="Capacity-building requests",
    settings=CapacitySettings,
    build_runtime=build_runtime,
    schema=schema,
    catalogue=CATALOGUE,
    migrations=Path(__file__).parent / "migrations",
    seed_stages=SEED_STAGES,
)
create_app = SERVICE.create_app
