"""The events capacity publishes, and the partner events it consumes from programmes."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict
from pydantic.alias_generators import to_camel

from capacity.domain import RequestStatus, SupportArea
from capacity.models import CapacityRequest
from shared.events.catalogue import EventCatalogue
from shared.events.envelope import DomainEvent

REQUEST_TOPIC = "capacity.request.v1"
PARTNER_TOPIC = "programmes.partner.v1"  # consumed: programmes owns it


class RequestState(BaseModel):
    """capacity.request.* data: the request as it now is."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)

    id: str
    partner_iso: str
    areas: list[SupportArea]
    title: str
    description: str
    justification: str | None
    status: RequestStatus
    on_hold: bool
    version: int
    updated_at: datetime


CATALOGUE = EventCatalogue("capacity")
REQUEST_EVENTS = CATALOGUE.topic(
    REQUEST_TOPIC, "request", RequestState, ["submitted"],
    "Every change of a Defence Capacity Building request",
)


def request_event(verb: str, request: CapacityRequest) -> DomainEvent:
    state = RequestState(
        id=str(request.id), partner_iso=request.partner_iso, areas=request.areas, title=request.title,
        description=request.description, justification=request.justification, status=request.status,
        on_hold=request.on_hold, version=request.version, updated_at=request.updated_at,
    )
    return REQUEST_EVENTS.event(verb, state, request.id)
