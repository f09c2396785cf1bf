"""The menu service: its runtime and service definition, composed from what each concern exports (consumers,
live feeds, snapshots, loaders, seed stages, the catalogue); no logic of its own."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from menu.activities import events as activities_events
from menu.activities import seed as activities_seed
from menu.activities.repository import ActivitiesLoaders
from menu.activities.schema.subscription import ACTIVITY_FEED
from menu.base import Base
from menu.commitments import events as commitments_events
from menu.commitments.models import Commitment, CommitmentSource
from menu.commitments.schema import IMPACT_FEED
from menu.exercises import events as exercises_events
from menu.exercises import seed as exercises_seed
from menu.exercises.repository import ExercisesLoaders
from menu.participation import events as participation_events
from menu.participation import seed as participation_seed
from menu.participation.repository import ParticipationLoaders
from menu.participation.schema.subscription import NOMINATION_FEED
from menu.partners import events as partners_events
from menu.partners.models import KnownPartner
from menu.providers import events as providers_events
from menu.providers import seed as providers_seed
from menu.providers.repository import ProvidersLoaders
from menu.schema import schema
from menu.settings import MenuSettings
from shared.auth import Actor
from shared.definition import ServiceDefinition
from shared.events.catalogue import EventCatalogue
from shared.events.contracts import CAPACITY_REQUEST, PROGRAMMES_PARTNER, PROGRAMMES_PROGRAMME
from shared.graphql.history import HistoryLoaders
from shared.runtime import ServiceRuntime
from shared.settings import ServiceSettings

# Every concern's topics, in the order the published catalogue (the AsyncAPI document) lists them.
CATALOGUE = EventCatalogue(
    "menu",
    {
        **providers_events.CATALOGUE.topics,
        **activities_events.CATALOGUE.topics,
        **exercises_events.CATALOGUE.topics,
        **participation_events.CATALOGUE.topics,
    },
)
# The republish command tells the topics again in this order.
SNAPSHOTS = (
    *providers_events.SNAPSHOTS,
    *activities_events.SNAPSHOTS,
    *participation_events.SNAPSHOTS,
    *exercises_events.SNAPSHOTS,
)
# Each concern's seed stages; shared.devstack.services.SEED_ORDER names them and runs them across the services.
SEED_STAGES = (
    *providers_seed.SEED_STAGES,
    *activities_seed.SEED_STAGES,
    *exercises_seed.SEED_STAGES,
    *participation_seed.SEED_STAGES,
)


class ServiceLoaders(ActivitiesLoaders, ParticipationLoaders, ProvidersLoaders, ExercisesLoaders):
    """Every concern's loaders of a request on the one object resolvers reach (`info.context.loaders`), each
    scoped to the caller, and the histories of every aggregate."""

    def __init__(self, session: AsyncSession, caller: Actor) -> None:
        ActivitiesLoaders.__init__(self, session, caller)
        ParticipationLoaders.__init__(self, session, caller)
        ProvidersLoaders.__init__(self, session, caller)
        ExercisesLoaders.__init__(self, session, caller)
        self.history = HistoryLoaders(session, Base.metadata.tables["aggregate_history"])


def build_runtime(settings: ServiceSettings) -> ServiceRuntime:
    consumers = {
        "partners": PROGRAMMES_PARTNER.handled_by(partners_events.on_partner_changed, KnownPartner),
        # Partners' plans and capacity measures of menu activities, for planImpacts.
        "commitments": {
            **PROGRAMMES_PROGRAMME.handled_by(commitments_events.on_programme_changed, Commitment, CommitmentSource),
            **CAPACITY_REQUEST.handled_by(commitments_events.on_request_changed),
        },
    }
    return ServiceRuntime(
        settings,
        Base.metadata,
        CATALOGUE,
        ServiceLoaders,
        consumers=consumers,
        live_feeds=[ACTIVITY_FEED, NOMINATION_FEED, IMPACT_FEED],
        snapshots=SNAPSHOTS,
    )


SERVICE = ServiceDefinition(
    name="menu",
    title="Partnership Cooperation Menu",
    settings=MenuSettings,
    build_runtime=build_runtime,
    schema=schema,
    catalogue=CATALOGUE,
    migrations=Path(__file__).parent / "migrations",
    seed_stages=SEED_STAGES,
)
create_app = SERVICE.create_app
