"""The menu service: runtime and FastAPI app."""

from __future__ import annotations

from pathlib import Path

from menu import commitments, service
from menu.events import CATALOGUE
from menu.models import Base, Commitment, CommitmentSource, KnownPartner
from menu.repository import MenuLoaders
from menu.schema import schema
from menu.schema.impacts import IMPACT_FEED
from menu.schema.subscription import ACTIVITY_FEED, NOMINATION_FEED
from menu.seed import SEED_STAGES
from menu.settings import MenuSettings
from menu.snapshots import SNAPSHOTS
from shared.definition import ServiceDefinition
from shared.events.contracts import CAPACITY_REQUEST, PROGRAMMES_PARTNER, PROGRAMMES_PROGRAMME
from shared.runtime import ServiceRuntime
from shared.settings import ServiceSettings


def build_runtime(settings: ServiceSettings) -> ServiceRuntime:
    consumers = {
        "partners": PROGRAMMES_PARTNER.handled_by(service.on_partner_changed, KnownPartner),
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
