"""GraphQL types inside a request for disaster assistance (its needs, offers, situation reports, steps), and the
assistance enums, registered with strawberry once."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import strawberry

from capacity.assistance import models
from capacity.assistance.rules import AssistanceStatus as AssistanceStatus
from capacity.assistance.rules import DisasterType as DisasterType
from capacity.assistance.rules import OfferStatus as OfferStatus
from capacity.partners.access import nation_of
from shared.graphql.enums import described_enum

# The concern's enums, registered once, here: every other schema module imports them from this module (hence the
# `X as X` re-exports above), so no strawberry type meets one unregistered, which would give it a second,
# undescribed definition.
described_enum(
    DisasterType,
    "What struck the country",
    {
        "FLOOD": "Flood",
        "EARTHQUAKE": "Earthquake",
        "WILDFIRE": "Wildfire",
        "STORM": "Storm",
        "EPIDEMIC": "Epidemic",
        "INDUSTRIAL_ACCIDENT": "Industrial accident",
        "CBRN": "A chemical, biological, radiological or nuclear incident",
        "OTHER": "Anything else",
    },
)
described_enum(
    AssistanceStatus,
    "Where a request for assistance is: OPEN, then CLOSED when the emergency is over",
    {"OPEN": "Needs are being met", "CLOSED": "Closed by the stricken country or staff (with a note)"},
)
described_enum(
    OfferStatus,
    "An offer: OFFERED -> ACCEPTED -> DELIVERED; DECLINED by the stricken country, or "
    "WITHDRAWN by the offering nation before delivery",
    {
        "OFFERED": "Offered",
        "ACCEPTED": "Accepted by the stricken country",
        "DELIVERED": "Delivered",
        "DECLINED": "Declined (with a reason)",
        "WITHDRAWN": "Withdrawn by the nation",
    },
)


@strawberry.type(description="A nation's offer against a need")
class AssistanceOffer:
    id: strawberry.ID = strawberry.field(description="Its id")
    need_id: strawberry.ID = strawberry.field(description="The need it answers")
    nation: str = strawberry.field(description="The offering nation (ISO 3166 alpha-3)")
    quantity: Decimal = strawberry.field(description="How much, in the need's unit")
    note: str | None = strawberry.field(description="What the nation adds")
    status: OfferStatus = strawberry.field(description="Where it is")
    created_at: datetime = strawberry.field(description="When it was offered")


@strawberry.type(description="Something the stricken country needs, and how much accepted offers cover")
class AssistanceNeed:
    id: strawberry.ID = strawberry.field(description="Its id")
    item: str = strawberry.field(description="What is needed, e.g. water purification units")
    quantity: Decimal = strawberry.field(description="How much")
    unit: str = strawberry.field(description="In what unit, e.g. units, tonnes, teams")
    covered: Decimal = strawberry.field(description="What accepted and delivered offers give of it, every nation's")


@strawberry.type(description="A situation report of the stricken country")
class SituationReport:
    number: int = strawberry.field(description="Its number, from 1")
    text: str = strawberry.field(description="The situation")
    created_at: datetime = strawberry.field(description="When it was issued")


@strawberry.type(description="One step of a request or of one of its offers: who, when, why")
class AssistanceStep:
    offer_id: strawberry.ID | None = strawberry.field(description="The offer it moved; null: the request itself")
    from_status: str | None = strawberry.field(description="The status before")
    to_status: str = strawberry.field(description="The status after")
    actor: str = strawberry.field(description="Who took it (token subject and role)")
    reason: str | None = strawberry.field(description="Why, when one was given")
    at: datetime = strawberry.field(description="When")


async def offers_shown(info: strawberry.Info, request: models.AssistanceRequest) -> list[AssistanceOffer]:
    """Every offer for staff, Allies, systems and the stricken country; a partner's own for another partner."""
    caller = info.context.actor
    offers: list[AssistanceOffer] = await info.context.loaders.assistance_offers.load(request.id)
    own = caller.partner_only
    if own is None or own == request.stricken_country:
        return offers
    return [o for o in offers if o.nation == nation_of(caller)]
