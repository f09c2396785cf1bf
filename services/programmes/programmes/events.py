"""The events programmes publishes: a partner's full new state, with its version."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict
from pydantic.alias_generators import to_camel

from programmes.models import Partner
from shared.events.catalogue import EventCatalogue
from shared.events.envelope import DomainEvent
from shared.frameworks import Framework

PARTNER_TOPIC = "programmes.partner.v1"


class PartnerState(BaseModel):
    """programmes.partner.* data: the partner as it now is."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)

    iso: str
    name: str
    framework: Framework
    suspended: bool
    enhanced_opportunities: bool
    ipap_since: int | None
    dcb: bool
    deep: bool
    version: int
    updated_at: datetime


CATALOGUE = EventCatalogue("programmes")
PARTNER_EVENTS = CATALOGUE.topic(
    PARTNER_TOPIC, "partner", PartnerState, ["registered", "updated", "suspended", "reinstated"],
    "Every change of a partner: framework, flags, suspension",
)


def partner_event(verb: str, partner: Partner) -> DomainEvent:
    state = PartnerState(
        iso=partner.iso, name=partner.name, framework=partner.framework, suspended=partner.suspended,
        enhanced_opportunities=partner.enhanced_opportunities, ipap_since=partner.ipap_since,
        dcb=partner.dcb, deep=partner.deep, version=partner.version, updated_at=partner.updated_at,
    )
    return PARTNER_EVENTS.event(verb, state, partner.iso)
