"""The menu service: what its concerns export, wired into a runtime and a service definition. No logic here."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from menu.activities import events as activities
from menu.activities.repository import ActivityLoaders
from menu.activities.schema.subscription import ACTIVITY_FEED
from menu.activities.seed import seed as seed_activities
from menu.base import Base
from menu.commitments import events as commitments
from menu.commitments.models import Commitment, CommitmentSource
from menu.commitments.schema import IMPACT_FEED
from menu.exercises import events as exercises
from menu.exercises.repository import ExerciseLoaders
from menu.exercises.seed import seed_exercises
from menu.participation import events as participation
from menu.participation.repository import ParticipationLoaders
from menu.participation.schema.subscription import NOMINATION_FEED
from menu.participation.seed import seed_participation
from menu.partners import events as partners
from menu.partners.models import KnownPartner
from menu.providers import events as providers
from menu.providers.repository import ProviderLoaders
from menu.providers.seed import seed_providers
from menu.schema import schema
from menu.settings import MenuSettings
from shared.auth import Actor
from shared.definition import SeedStage, ServiceDefinition
from shared.events.catalogue import EventCatalogue
from shared.events.contracts import CAPACITY_REQUEST, PROGRAMMES_PARTNER, PROGRAMMES_PROGRAMME
from shared.graphql.history import HistoryLoaders
from shared.runtime import ServiceRuntime
from shared.settings import ServiceSettings

# The menu's topics, each concern's in the order the published catalogue (AsyncAPI) lists them.
CATALOGUE = EventCatalogue(
    "menu",
    {
        **providers.TOPICS.topics,
        **activities.TOPICS.topics,
        **exercises.TOPICS.topics,
        **participation.TOPICS.topics,
    },
)
SNAPSHOTS = (*providers.SNAPSHOTS, *activities.SNAPSHOTS, *participation.SNAPSHOTS, *exercises.SNAPSHOTS)
SEED_STAGES = (
    SeedStage("providers", seed_providers, marks="menu.provider.v1"),
    SeedStage("catalogue", seed_activities, marks="menu.activity.v1"),
    SeedStage("exercises", seed_exercises, marks="menu.exercise.v1"),
    SeedStage("participation", seed_participation, marks="menu.nomination.v1"),
)


class MenuLoaders(ActivityLoaders, ParticipationLoaders, ProviderLoaders, ExerciseLoaders):
    """Per-request loaders: every field that reaches another row goes through one of these, scoped to the caller."""

    def __init__(self, session: AsyncSession, caller: Actor) -> None:
        ActivityLoaders.__init__(self, session, caller)
        ParticipationLoaders.__init__(self, session, caller)
        ProviderLoaders.__init__(self, session, caller)
        ExerciseLoaders.__init__(self, session, caller)
        self.history = HistoryLoaders(session, Base.metadata.tables["aggregate_history"])


def build_runtime(settings: ServiceSettings) -> ServiceRuntime:
    consumers = {
        "partners": PROGRAMMES_PARTNER.handled_by(partners.on_partner_changed, KnownPartner),
        # Partners' plans and capacity measures of menu activities, for planImpacts.
        "commitments": {
            **PROGRAMMES_PROGRAMME.handled_by(commitments.on_programme_changed, Commitment, CommitmentSource),
            **CAPACITY_REQUEST.handled_by(commitments.on_request_changed),
        },
    }
    return ServiceRuntime(
        settings,
        Base.metadata,
        CATALOGUE,
        MenuLoaders,
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
