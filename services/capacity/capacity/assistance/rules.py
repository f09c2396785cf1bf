"""Euro-Atlantic Disaster Response Coordination Centre (EADRCC) rules: a stricken country's request for
assistance, its needs, nations' offers against each need, and situation reports. Pure: no I/O.

A stricken country (an Ally or a partner) files a request with its needs (item, quantity, unit); nations offer
against a need; the stricken country (or staff) accepts or declines an offer; the offering nation (or staff)
records its delivery; the stricken country issues situation reports, and closes the request once the emergency
is over. An accepted quantity beyond what a need asks is refused: the centre coordinates, it does not pile up.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum

from shared.domain_text import text_field
from shared.errors import BadUserInput, Conflict
from shared.iso_codes import check_country
from shared.lifecycle import Lifecycle

MAX_QUANTITY = Decimal("1000000000")
MAX_NEEDS = 50
CENTS = Decimal("0.01")  # quantities are kept with two decimals


class DisasterType(str, Enum):
    FLOOD = "FLOOD"
    EARTHQUAKE = "EARTHQUAKE"
    WILDFIRE = "WILDFIRE"
    STORM = "STORM"
    EPIDEMIC = "EPIDEMIC"
    INDUSTRIAL_ACCIDENT = "INDUSTRIAL_ACCIDENT"
    CBRN = "CBRN"
    OTHER = "OTHER"


class AssistanceStatus(str, Enum):
    OPEN = "OPEN"
    CLOSED = "CLOSED"


ASSISTANCE_LIFECYCLE = Lifecycle("AssistanceRequest", {AssistanceStatus.OPEN: {AssistanceStatus.CLOSED}})


class OfferStatus(str, Enum):
    OFFERED = "OFFERED"
    ACCEPTED = "ACCEPTED"
    DELIVERED = "DELIVERED"
    DECLINED = "DECLINED"
    WITHDRAWN = "WITHDRAWN"


OFFER_LIFECYCLE = Lifecycle(
    "AssistanceOffer",
    {
        OfferStatus.OFFERED: {OfferStatus.ACCEPTED, OfferStatus.DECLINED, OfferStatus.WITHDRAWN},
        OfferStatus.ACCEPTED: {OfferStatus.DELIVERED, OfferStatus.WITHDRAWN},
    },
)
# Offers that count against a need: accepted ones, delivered or on their way.
COUNTED = frozenset({OfferStatus.ACCEPTED, OfferStatus.DELIVERED})


@dataclass
class NeedDetails:
    item: str
    quantity: Decimal
    unit: str


@dataclass
class AssistanceDetails:
    stricken_country: str
    disaster_type: DisasterType
    title: str
    situation: str
    needs: list[NeedDetails] = field(default_factory=list)


def check_need(need: NeedDetails, at: str = "needs") -> NeedDetails:
    need.item = text_field(need.item, f"{at}.item", max_length=200) or ""
    need.unit = text_field(need.unit, f"{at}.unit", max_length=40) or ""
    need.quantity = check_quantity(need.quantity, f"{at}.quantity")
    return need


def check_quantity(quantity: Decimal, at: str) -> Decimal:
    if not quantity.is_finite() or not Decimal(0) < quantity <= MAX_QUANTITY:
        raise BadUserInput(f"a quantity is above 0 and at most {MAX_QUANTITY}", field=at)
    if quantity != quantity.quantize(CENTS):
        raise BadUserInput("a quantity has at most two decimals", field=at)
    return quantity.quantize(CENTS)


def check_request(details: AssistanceDetails) -> AssistanceDetails:
    details.stricken_country = check_country(details.stricken_country, "strickenCountry")
    details.title = text_field(details.title, "title", max_length=200) or ""
    details.situation = text_field(details.situation, "situation", max_length=10_000) or ""
    if not 1 <= len(details.needs) <= MAX_NEEDS:
        raise BadUserInput(f"a request names 1 to {MAX_NEEDS} needs", field="needs")
    details.needs = [check_need(n, f"needs.{i}") for i, n in enumerate(details.needs)]
    return details


@dataclass
class AssistanceUpdate:
    """What the stricken country may correct on an open request; None keeps a value."""

    disaster_type: DisasterType | None = None
    title: str | None = None
    situation: str | None = None


def check_update(update: AssistanceUpdate) -> AssistanceUpdate:
    if update.title is not None:
        update.title = text_field(update.title, "title", max_length=200)
    if update.situation is not None:
        update.situation = text_field(update.situation, "situation", max_length=10_000)
    if update == AssistanceUpdate():
        raise BadUserInput("an update changes the disaster type, the title or the situation", field="input")
    return update


def check_open(status: AssistanceStatus) -> None:
    if status is not AssistanceStatus.OPEN:
        raise Conflict("the request for assistance is closed", currentStatus=status.value)


def covered(quantities: Iterable[tuple[Decimal, OfferStatus]]) -> Decimal:
    """What accepted (and delivered) offers give of a need."""
    return sum((q for q, status in quantities if status in COUNTED), Decimal(0))


def check_acceptable(asked: Decimal, already: Decimal, offered: Decimal) -> None:
    if already + offered > asked:
        raise Conflict(f"accepting it would give {already + offered} where {asked} is asked", field="id")
