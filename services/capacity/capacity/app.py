"""The capacity service: its runtime (consumers, live feeds, snapshots, loaders) and FastAPI app, composed of what
each concern exports."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from capacity.assistance import events as assistance_events
from capacity.assistance import seed as assistance_seed
from capacity.assistance.repository import AssistanceLoaders
from capacity.assistance.schema.subscription import ASSISTANCE_FEED
from capacity.base import Base
from capacity.partners.models import KnownPartner
from capacity.partners.repository import PartnerLoaders
from capacity.requests import events as request_events
from capacity.requests import seed as request_seed
from capacity.requests.models import Attendance, KnownActivity
from capacity.requests.repository import RequestLoaders
from capacity.requests.schema.subscription import REQUEST_FEED
from capacity.schema import schema
from capacity.settings import CapacitySettings
from capacity.sps import events as sps_events
from capacity.sps import seed as sps_seed
from capacity.sps.repository import SpsLoaders
from capacity.trust_funds import events as trust_fund_events
from capacity.trust_funds import seed as trust_fund_seed
from capacity.trust_funds.repository import TrustFundLoaders
from shared.auth import Actor
from shared.definition import ServiceDefinition
from shared.events.catalogue import EventCatalogue
from shared.events.contracts import MENU_ACTIVITY, MENU_NOMINATION, PROGRAMMES_PARTNER
from shared.graphql.history import HistoryLoaders
from shared.runtime import ServiceRuntime
from shared.settings import ServiceSettings

# Every concern's topics, in the order the AsyncAPI contract lists them.
CATALOGUE = EventCatalogue(
    "capacity",
    {
        **request_events.CATALOGUE.topics,
        **assistance_events.CATALOGUE.topics,
        **trust_fund_events.CATALOGUE.topics,
        **sps_events.CATALOGUE.topics,
    },
)
SNAPSHOTS = (
    request_events.SNAPSHOTS,
    assistance_events.SNAPSHOTS,
    trust_fund_events.SNAPSHOTS,
    sps_events.SNAPSHOTS,
)
SEED_STAGES = (
    *request_seed.SEED_STAGES,
    *assistance_seed.SEED_STAGES,
    *trust_fund_seed.SEED_STAGES,
    *sps_seed.SEED_STAGES,
)


class CapacityLoaders(RequestLoaders, AssistanceLoaders, TrustFundLoaders, SpsLoaders, PartnerLoaders):
    """One operation's loaders, scoped to its caller: every concern's, and the aggregates' histories."""

    def __init__(self, session: AsyncSession, caller: Actor) -> None:
        RequestLoaders.__init__(self, session, caller)
        AssistanceLoaders.__init__(self, session, caller)
        TrustFundLoaders.__init__(self, session, caller)
        SpsLoaders.__init__(self, session, caller)
        PartnerLoaders.__init__(self, session, caller)
        self.history = HistoryLoaders(session, Base.metadata.tables["aggregate_history"])


def build_runtime(settings: ServiceSettings) -> ServiceRuntime:
    consumers = {
        "partners": PROGRAMMES_PARTNER.handled_by(request_events.on_partner_changed, KnownPartner),
        "menu-activities": MENU_ACTIVITY.handled_by(request_events.on_activity_changed, KnownActivity),
        "menu-nominations": MENU_NOMINATION.handled_by(request_events.on_nomination_changed, Attendance),
    }
    return ServiceRuntime(
        settings,
        Base.metadata,
        CATALOGUE,
        CapacityLoaders,
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
