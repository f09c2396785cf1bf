"""EADRCC: requests for disaster assistance, nations' offers, situation reports; queries, mutations and the live
feed a coordination centre watches."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any

import strawberry

from capacity import eadrcc, models
from capacity.access import READ_ASSISTANCE, nation_of
from capacity.eadrcc_repository import ASSISTANCE_SORT, AssistanceCriteria, AssistanceRepository
from capacity.eadrcc_rules import (
    AssistanceDetails,
    AssistanceStatus,
    AssistanceUpdate,
    DisasterType,
    NeedDetails,
    OfferStatus,
    covered,
)
from capacity.events import ASSISTANCE_TOPIC
from capacity.schema.types import Partner
from shared.events.live import until_expiry
from shared.graphql.arguments import After, ExpectedVersion, First, Reason
from shared.graphql.enums import described_enum
from shared.graphql.history import history_field
from shared.graphql.ids import parse_id
from shared.graphql.live import aggregate_feed
from shared.graphql.pagination import Connection, PageRequest, connection
from shared.graphql.rows import served_from

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

ASSISTANCE_FEED = aggregate_feed(
    "assistance", ASSISTANCE_TOPIC, lambda session, ids: AssistanceRepository(session).get_many(ids)
)
RequestId = Annotated[strawberry.ID, strawberry.argument(description="The request for assistance's id")]
OfferId = Annotated[strawberry.ID, strawberry.argument(description="The offer's id")]


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


@strawberry.federation.type(
    keys=["id"],
    description="A stricken country's request for disaster assistance, "
    "coordinated by the EADRCC and shared with every Ally and partner",
)
class AssistanceRequest:
    is_type_of = served_from(models.AssistanceRequest)
    id: strawberry.ID = strawberry.field(description="Its id")
    stricken_country: str = strawberry.field(
        description="The stricken country, an Ally or a partner (ISO 3166 alpha-3)"
    )
    disaster_type: DisasterType = strawberry.field(description="What struck it")
    title: str = strawberry.field(description="A short title")
    situation: str = strawberry.field(description="The situation when it asked")
    status: AssistanceStatus = strawberry.field(description="Where it is")
    closing_note: str | None = strawberry.field(description="Why it was closed; null while OPEN")
    created_at: datetime = strawberry.field(description="When it was filed")
    updated_at: datetime = strawberry.field(description="When it last changed")
    version: int = strawberry.field(description="Optimistic-concurrency version: pass it as expectedVersion")

    @strawberry.field(description="The stricken country when it is a partner; null for an Ally")
    async def stricken_partner(self, info: strawberry.Info) -> Partner | None:
        known = await info.context.loaders.known_partner.load(self.stricken_country)
        return Partner(iso=strawberry.ID(self.stricken_country)) if known else None

    @strawberry.field(description="What it needs, with what accepted offers cover")
    async def needs(self, info: strawberry.Info) -> list[AssistanceNeed]:
        needs = await info.context.loaders.assistance_needs.load(self.id)
        offers = await info.context.loaders.assistance_offers.load(self.id)
        return [
            AssistanceNeed(
                id=strawberry.ID(str(n.id)),
                item=n.item,
                quantity=n.quantity,
                unit=n.unit,
                covered=covered((o.quantity, o.status) for o in offers if o.need_id == n.id),
            )
            for n in needs
        ]

    @strawberry.field(
        description="Nations' offers, oldest first: a partner's account sees its own and, when it is "
        "the stricken country, every offer to it; needs show everyone's total"
    )
    async def offers(self, info: strawberry.Info) -> list[AssistanceOffer]:
        return await _visible_offers(info, self)

    @strawberry.field(description="Its situation reports, in order")
    async def situation_reports(self, info: strawberry.Info) -> list[SituationReport]:
        return await info.context.loaders.situation_reports.load(self.id)

    @strawberry.field(
        description="Every step of it and its offers, oldest first (a partner's account that is not "
        "the stricken country: the request's own and its own offers')"
    )
    async def transitions(self, info: strawberry.Info) -> list[AssistanceStep]:
        steps = await info.context.loaders.assistance_transitions.load(self.id)
        own = info.context.actor.partner_only
        if own is not None and own != self.stricken_country:
            mine = {o.id for o in await _visible_offers(info, self)}
            steps = [s for s in steps if s.offer_id is None or s.offer_id in mine]
        return steps

    # Its states list every nation's offers: a partner's account other than the stricken country reads `offers`.
    history = history_field(
        "assistance_request", shown=lambda caller, request: caller.partner_only in (None, request.stricken_country)
    )

    @classmethod
    async def resolve_reference(cls, info: strawberry.Info, **representation: Any) -> AssistanceRequest | None:
        return await info.context.loaders.assistance_by_id.load(parse_id(representation["id"]))


async def _visible_offers(info: strawberry.Info, request: models.AssistanceRequest) -> list[AssistanceOffer]:
    """Every offer for staff, Allies, systems and the stricken country; a partner's own for another partner."""
    caller = info.context.actor
    offers: list[AssistanceOffer] = await info.context.loaders.assistance_offers.load(request.id)
    own = caller.partner_only
    if own is None or own == request.stricken_country:
        return offers
    return [o for o in offers if o.nation == nation_of(caller)]


@strawberry.input(description="Something the stricken country needs")
class NeedInput:
    item: str = strawberry.field(description="What, at most 200 characters")
    quantity: Decimal = strawberry.field(description="How much, above 0")
    unit: str = strawberry.field(description="In what unit, at most 40 characters")

    def details(self) -> NeedDetails:
        return NeedDetails(item=self.item, quantity=self.quantity, unit=self.unit)


@strawberry.input(description="A request for assistance; it starts OPEN")
class AssistanceInput:
    stricken_country: str = strawberry.field(
        description="The stricken country (ISO 3166 alpha-3): an Ally's or a partner's account files for itself only"
    )
    disaster_type: DisasterType = strawberry.field(description="What struck it")
    title: str = strawberry.field(description="A short title, at most 200 characters")
    situation: str = strawberry.field(description="The situation, at most 10,000 characters")
    needs: list[NeedInput] = strawberry.field(description="What it needs: 1 to 50 items")

    def details(self) -> AssistanceDetails:
        return AssistanceDetails(
            stricken_country=self.stricken_country,
            disaster_type=self.disaster_type,
            title=self.title,
            situation=self.situation,
            needs=[n.details() for n in self.needs],
        )


@strawberry.input(description="Corrections to an open request: only the given fields change")
class AssistanceUpdateInput:
    disaster_type: DisasterType | None = strawberry.field(default=None, description="What struck it")
    title: str | None = strawberry.field(default=None, description="A short title, at most 200 characters")
    situation: str | None = strawberry.field(default=None, description="The situation, at most 10,000 characters")

    def update(self) -> AssistanceUpdate:
        return AssistanceUpdate(disaster_type=self.disaster_type, title=self.title, situation=self.situation)


@strawberry.input(description="Which requests: all given criteria must hold")
class AssistanceFilter:
    statuses: list[AssistanceStatus] | None = strawberry.field(default=None, description="In any of these")
    disaster_types: list[DisasterType] | None = strawberry.field(default=None, description="Of any of these")
    stricken_country: str | None = strawberry.field(default=None, description="Of this country")

    def criteria(self) -> AssistanceCriteria:
        return AssistanceCriteria(
            statuses=tuple(self.statuses or ()),
            disaster_types=tuple(self.disaster_types or ()),
            stricken_country=self.stricken_country.strip().upper() if self.stricken_country else None,
        )


@strawberry.type(description="Reading requests for disaster assistance")
class AssistanceQuery:
    @strawberry.field(description="One request for assistance by id; null if there is none")
    async def assistance_request(self, info: strawberry.Info, id: RequestId) -> AssistanceRequest | None:
        return await info.context.loaders.assistance_by_id.load(parse_id(id))

    @strawberry.field(description="Requests for assistance, newest first, by cursor pages")
    async def assistance_requests(
        self,
        info: strawberry.Info,
        filter: Annotated[AssistanceFilter | None, strawberry.argument(description="Which; all when omitted")] = None,
        first: First = None,
        after: After = None,
    ) -> Connection[AssistanceRequest]:
        criteria = (filter or AssistanceFilter()).criteria()
        page = PageRequest.of(first, after, "assistanceRequests")
        repository = AssistanceRepository(info.context.session, info.context.actor)
        rows = await repository.page(criteria, page)
        return connection(rows, page, ASSISTANCE_SORT.cursor, lambda: repository.count(criteria))


@strawberry.type(description="Coordinating disaster assistance")
class AssistanceMutation:
    @strawberry.mutation(
        description="File a request for assistance with its needs: OPEN. The stricken country "
        "(an Ally or a partner) for itself; staff for any country."
    )
    async def request_assistance(
        self, info: strawberry.Info, input: Annotated[AssistanceInput, strawberry.argument(description="The request")]
    ) -> AssistanceRequest:
        async with info.context.unit_of_work() as uow:
            return await eadrcc.request_assistance(uow, input.details())

    @strawberry.mutation(
        description="Correct what struck an OPEN request, its title or its situation (the news "
        "goes in situation reports). The stricken country, or staff."
    )
    async def update_assistance_request(
        self,
        info: strawberry.Info,
        id: RequestId,
        input: Annotated[AssistanceUpdateInput, strawberry.argument(description="The corrections")],
        expected_version: ExpectedVersion = None,
    ) -> AssistanceRequest:
        async with info.context.unit_of_work() as uow:
            return await eadrcc.update_request(uow, parse_id(id), input.update(), expected_version)

    @strawberry.mutation(description="Add a need to an OPEN request. The stricken country, or staff.")
    async def add_assistance_need(
        self,
        info: strawberry.Info,
        id: RequestId,
        need: Annotated[NeedInput, strawberry.argument(description="The need")],
        expected_version: ExpectedVersion = None,
    ) -> AssistanceRequest:
        async with info.context.unit_of_work() as uow:
            return await eadrcc.add_need(uow, parse_id(id), need.details(), expected_version)

    @strawberry.mutation(
        description="Offer a quantity against a need of an OPEN request: OFFERED. An Ally or a "
        "partner as itself; staff for any nation."
    )
    async def offer_assistance(
        self,
        info: strawberry.Info,
        need_id: Annotated[strawberry.ID, strawberry.argument(description="The need")],
        quantity: Annotated[Decimal, strawberry.argument(description="How much, in the need's unit")],
        nation: Annotated[
            str | None,
            strawberry.argument(description="The offering nation: staff must give it; an account's own is implied"),
        ] = None,
        note: Annotated[str | None, strawberry.argument(description="What to add")] = None,
    ) -> AssistanceRequest:
        async with info.context.unit_of_work() as uow:
            return await eadrcc.offer(uow, parse_id(need_id, "needId"), nation, quantity, note)

    @strawberry.mutation(
        description="OFFERED -> ACCEPTED, within what the need still lacks (CONFLICT beyond). The "
        "stricken country, or staff."
    )
    async def accept_assistance_offer(
        self, info: strawberry.Info, id: OfferId, expected_version: ExpectedVersion = None
    ) -> AssistanceRequest:
        async with info.context.unit_of_work() as uow:
            return await eadrcc.decide_offer(uow, parse_id(id), True, None, expected_version)

    @strawberry.mutation(description="OFFERED -> DECLINED, with a reason. The stricken country, or staff.")
    async def decline_assistance_offer(
        self, info: strawberry.Info, id: OfferId, reason: Reason, expected_version: ExpectedVersion = None
    ) -> AssistanceRequest:
        async with info.context.unit_of_work() as uow:
            return await eadrcc.decide_offer(uow, parse_id(id), False, reason, expected_version)

    @strawberry.mutation(description="ACCEPTED -> DELIVERED. The offering nation, or staff.")
    async def record_assistance_delivered(
        self,
        info: strawberry.Info,
        id: OfferId,
        note: Annotated[str | None, strawberry.argument(description="What was delivered, where")] = None,
        expected_version: ExpectedVersion = None,
    ) -> AssistanceRequest:
        async with info.context.unit_of_work() as uow:
            return await eadrcc.offering_step(uow, parse_id(id), True, note, expected_version)

    @strawberry.mutation(description="OFFERED or ACCEPTED -> WITHDRAWN. The offering nation, or staff.")
    async def withdraw_assistance_offer(
        self,
        info: strawberry.Info,
        id: OfferId,
        note: Annotated[str | None, strawberry.argument(description="Why")] = None,
        expected_version: ExpectedVersion = None,
    ) -> AssistanceRequest:
        async with info.context.unit_of_work() as uow:
            return await eadrcc.offering_step(uow, parse_id(id), False, note, expected_version)

    @strawberry.mutation(
        description="Issue the next situation report of an OPEN request. The stricken country, or staff."
    )
    async def report_disaster_situation(
        self,
        info: strawberry.Info,
        id: RequestId,
        text: Annotated[str, strawberry.argument(description="The situation, at most 10,000 characters")],
        expected_version: ExpectedVersion = None,
    ) -> AssistanceRequest:
        async with info.context.unit_of_work() as uow:
            return await eadrcc.report_situation(uow, parse_id(id), text, expected_version)

    @strawberry.mutation(description="OPEN -> CLOSED, with a note. The stricken country, or staff.")
    async def close_assistance_request(
        self, info: strawberry.Info, id: RequestId, reason: Reason, expected_version: ExpectedVersion = None
    ) -> AssistanceRequest:
        async with info.context.unit_of_work() as uow:
            return await eadrcc.close_request(uow, parse_id(id), reason, expected_version)


async def assistance_changes(
    info: strawberry.Info, ids: list[strawberry.ID] | None
) -> AsyncGenerator[AssistanceRequest, None]:
    """Each request's latest state as it changes, never older than one sent before."""
    caller = info.context.actor
    READ_ASSISTANCE.require(caller)
    wanted = {str(parse_id(i, "ids")) for i in ids} if ids else None
    delivered: dict[str, int] = {}
    async for row in until_expiry(caller, info.context.runtime.live.subscribe(ASSISTANCE_FEED.name)):
        key = str(row.id)
        if (wanted is not None and key not in wanted) or row.version < delivered.get(key, 0):
            continue
        delivered[key] = row.version
        yield row
        await info.context.between_messages()
