"""The GraphQL types several concerns reference one another by: the Partner entity, which lists each concern's
aggregates of a partner, and those aggregates (a request for support, for assistance, a Trust Fund project, an
SPS application), which each point back to their Partner. Types that reference each other must live in one
module (an import each way would be a circle), so these five live here; everything inside an aggregate stays in
its concern's schema. Plain fields use default resolvers on the ORM rows."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

import strawberry

from capacity.assistance import models as assistance_models
from capacity.assistance.repository import ASSISTANCE_SORT
from capacity.assistance.rules import covered
from capacity.assistance.schema.types import (
    AssistanceNeed,
    AssistanceOffer,
    AssistanceStatus,
    AssistanceStep,
    DisasterType,
    SituationReport,
    offers_shown,
)
from capacity.requests import models as requests_models
from capacity.requests.repository import OLDEST_FIRST
from capacity.requests.schema.types import (
    REQUEST_FIELDS,
    Package,
    RequestAssessment,
    RequestStatus,
    RequestTransition,
    SupportArea,
)
from capacity.sps import models as sps_models
from capacity.sps.repository import SPS_SORT
from capacity.sps.schema.types import KeyPriority, SpsKind, SpsReport, SpsStatus, SpsStep
from capacity.trust_funds import models as trust_funds_models
from capacity.trust_funds.repository import PROJECT_SORT
from capacity.trust_funds.rules import funding_gap
from capacity.trust_funds.schema.types import (
    ProjectKind,
    ProjectStatus,
    TrustFundMoney,
    TrustFundPhase,
    TrustFundReport,
    TrustFundStep,
    money_shown,
)
from shared.graphql.arguments import After, First
from shared.graphql.descriptions import described
from shared.graphql.history import history_field
from shared.graphql.ids import parse_id
from shared.graphql.loaders import PagedKey
from shared.graphql.pagination import Connection, PageRequest, connection
from shared.graphql.rows import served_from
from shared.graphql.vocabulary import Priority
from shared.ordering import SortKey


@strawberry.federation.type(
    keys=["iso"],
    description="A partner country (owned by programmes); capacity adds "
    "its requests for support, the Trust Fund projects for it, "
    "its SPS applications and its requests for disaster "
    "assistance",
)
class Partner:
    iso: strawberry.ID = strawberry.field(description="The partner's ISO 3166 alpha-3 code")

    @strawberry.field(
        description="The partner's requests for support, oldest first, by cursor pages; a partner "
        "caller sees only its own"
    )
    async def capacity_requests(
        self, info: strawberry.Info, first: First = None, after: After = None
    ) -> Connection[CapacityRequest]:
        return await self._page(info, "capacityRequests", PageRequest.of(first, after, "Partner.capacityRequests"))

    @strawberry.field(description="The Trust Fund projects it benefits from, newest first, by cursor pages")
    async def trust_fund_projects(
        self,
        info: strawberry.Info,
        first: First = None,
        after: After = None,
    ) -> Connection[TrustFundProject]:
        return await self._page(info, "trustFundProjects", PageRequest.of(first, after, "Partner.trustFundProjects"))

    @strawberry.field(
        description="SPS applications with a co-director from it, newest first, by cursor pages; a "
        "partner caller sees only its own country's"
    )
    async def sps_applications(
        self,
        info: strawberry.Info,
        first: First = None,
        after: After = None,
    ) -> Connection[SpsApplication]:
        return await self._page(info, "spsApplications", PageRequest.of(first, after, "Partner.spsApplications"))

    @strawberry.field(
        description="Its requests for disaster assistance as the stricken country, newest first, by cursor pages"
    )
    async def assistance_requests(
        self,
        info: strawberry.Info,
        first: First = None,
        after: After = None,
    ) -> Connection[AssistanceRequest]:
        return await self._page(info, "assistanceRequests", PageRequest.of(first, after, "Partner.assistanceRequests"))

    async def _page(self, info: strawberry.Info, field: str, page: PageRequest) -> Connection[Any]:
        """One of the partner's connections: its page and its count, each batched over every partner asked."""
        iso, loaders = str(self.iso).upper(), info.context.loaders
        connections: dict[str, tuple[Any, Any, SortKey[Any]]] = {
            "capacityRequests": (loaders.requests_of_partner, loaders.request_count_of_partner, OLDEST_FIRST.sort),
            "trustFundProjects": (loaders.trust_funds_of_partner, loaders.trust_fund_count_of_partner, PROJECT_SORT),
            "spsApplications": (loaders.sps_of_partner, loaders.sps_count_of_partner, SPS_SORT),
            "assistanceRequests": (loaders.assistance_of_partner, loaders.assistance_count_of_partner, ASSISTANCE_SORT),
        }
        pages, counts, sort = connections[field]
        rows = await pages.load(PagedKey.of(iso, page))
        return connection(rows, page, sort.cursor, lambda: counts.load(iso))

    @classmethod
    def resolve_reference(cls, **representation: Any) -> Partner:
        return cls(iso=representation["iso"])


@described(REQUEST_FIELDS)
@strawberry.federation.type(keys=["id"], description="A partner's request for Defence Capacity Building support")
class CapacityRequest:
    is_type_of = served_from(requests_models.CapacityRequest)
    id: strawberry.ID
    areas: list[SupportArea]
    title: str
    description: str
    justification: str | None
    priority: Priority
    status: RequestStatus
    on_hold: bool = strawberry.field(
        description="True while the partner's cooperation is suspended (open "
        "requests only); meanwhile its package cannot change and it "
        "moves only to DECLINED or WITHDRAWN"
    )
    created_at: datetime
    updated_at: datetime
    version: int

    @strawberry.field(description="The partner asking for support")
    @staticmethod
    def partner(request: strawberry.Parent[requests_models.CapacityRequest]) -> Partner:
        return Partner(iso=strawberry.ID(request.partner_iso))

    @strawberry.field(description="Every status change, oldest first, from its submission: who, when, why")
    async def transitions(self, info: strawberry.Info) -> list[RequestTransition]:
        return await info.context.loaders.transitions.load(self.id)

    history = history_field("request")

    @strawberry.field(description="Its assessments, oldest first")
    async def assessments(self, info: strawberry.Info) -> list[RequestAssessment]:
        return await info.context.loaders.assessments.load(self.id)

    @strawberry.field(description="Its package of support; null until one is proposed")
    async def package(self, info: strawberry.Info) -> Package | None:
        return await info.context.loaders.package_by_request.load(self.id)

    @classmethod
    async def resolve_reference(cls, info: strawberry.Info, **representation: Any) -> CapacityRequest | None:
        return await info.context.loaders.request_by_id.load(parse_id(representation["id"]))


@strawberry.federation.type(
    keys=["id"],
    description="A NATO Trust Fund project in a partner country, funded by Allies and partners and led by lead nations",
)
class TrustFundProject:
    is_type_of = served_from(trust_funds_models.TrustFundProject)
    id: strawberry.ID = strawberry.field(description="Its id")
    beneficiary_iso: str = strawberry.field(description="The partner it is for (ISO 3166 alpha-3)")
    kind: ProjectKind = strawberry.field(description="What it does")
    title: str = strawberry.field(description="Its title")
    description: str = strawberry.field(description="What it is about")
    lead_nations: list[str] = strawberry.field(description="Its lead nations (ISO 3166 alpha-3)")
    status: ProjectStatus = strawberry.field(description="Where it is")
    created_at: datetime = strawberry.field(description="When it was proposed")
    updated_at: datetime = strawberry.field(description="When it last changed")
    version: int = strawberry.field(description="Optimistic-concurrency version: pass it as expectedVersion")

    @strawberry.field(description="The partner it is for")
    def beneficiary(self) -> Partner:
        return Partner(iso=strawberry.ID(self.beneficiary_iso))

    @strawberry.field(description="Its phases and their budgets")
    async def phases(self, info: strawberry.Info) -> list[TrustFundPhase]:
        return await info.context.loaders.trust_fund_phases.load(self.id)

    @strawberry.field(description="The budget every pledge counts against, in euros")
    async def budget_eur(self, info: strawberry.Info) -> Decimal:
        return sum((p.budget_eur for p in await info.context.loaders.trust_fund_phases.load(self.id)), Decimal(0))

    @strawberry.field(description="What pledges still lack of the budget, in euros (every nation's pledges)")
    async def funding_gap_eur(self, info: strawberry.Info) -> Decimal:
        phases = await info.context.loaders.trust_fund_phases.load(self.id)
        money = await info.context.loaders.trust_fund_money.load(self.id)
        return funding_gap((p.budget_eur for p in phases), (m.amount_eur for m in money if not m.payment))

    @strawberry.field(
        description="Pledges, oldest first: a partner's account other than the beneficiary's sees its own"
    )
    async def pledges(self, info: strawberry.Info) -> list[TrustFundMoney]:
        return await money_shown(info, self, payment=False)

    @strawberry.field(
        description="Payments, oldest first: a partner's account other than the beneficiary's sees its own"
    )
    async def payments(self, info: strawberry.Info) -> list[TrustFundMoney]:
        return await money_shown(info, self, payment=True)

    @strawberry.field(description="Progress reports, by period")
    async def progress_reports(self, info: strawberry.Info) -> list[TrustFundReport]:
        return await info.context.loaders.trust_fund_reports.load(self.id)

    @strawberry.field(description="Every status change, oldest first: who, when, why")
    async def transitions(self, info: strawberry.Info) -> list[TrustFundStep]:
        return await info.context.loaders.trust_fund_transitions.load(self.id)

    # Its states list every nation's pledges: a partner's account other than the beneficiary's reads `pledges`.
    history = history_field(
        "trust_fund_project", shown=lambda caller, project: caller.partner_only in (None, project.beneficiary_iso)
    )

    @classmethod
    async def resolve_reference(cls, info: strawberry.Info, **representation: Any) -> TrustFundProject | None:
        return await info.context.loaders.trust_fund_by_id.load(parse_id(representation["id"]))


@strawberry.federation.type(
    keys=["id"],
    description="A Science for Peace and Security grant application: a joint "
    "project of co-directors from a NATO country and a partner",
)
class SpsApplication:
    is_type_of = served_from(sps_models.SpsApplication)
    id: strawberry.ID = strawberry.field(description="Its id")
    kind: SpsKind = strawberry.field(description="What it asks to fund")
    key_priority: KeyPriority = strawberry.field(description="The key priority it answers")
    title: str = strawberry.field(description="Its title")
    summary: str = strawberry.field(description="What it is about")
    nato_country: str = strawberry.field(description="The NATO co-director's country (ISO 3166 alpha-3)")
    nato_co_director: str = strawberry.field(description="The NATO co-director (a person)")
    partner_country: str = strawberry.field(description="The partner co-director's country (ISO 3166 alpha-3)")
    partner_co_director: str = strawberry.field(description="The partner co-director (a person)")
    budget_eur: Decimal = strawberry.field(description="The budget asked, in euros")
    panel_outcome: str | None = strawberry.field(description="The review panel's outcome; null until decided")
    grant_eur: Decimal | None = strawberry.field(description="The grant, in euros; null unless approved")
    status: SpsStatus = strawberry.field(description="Where it is")
    created_at: datetime = strawberry.field(description="When it was filed")
    updated_at: datetime = strawberry.field(description="When it last changed")
    version: int = strawberry.field(description="Optimistic-concurrency version: pass it as expectedVersion")

    @strawberry.field(description="The partner co-director's country")
    def partner(self) -> Partner:
        return Partner(iso=strawberry.ID(self.partner_country))

    @strawberry.field(description="Reports on the grant, by period")
    async def reports(self, info: strawberry.Info) -> list[SpsReport]:
        return await info.context.loaders.sps_reports.load(self.id)

    @strawberry.field(description="Every status change, oldest first: who, when, the panel's outcome")
    async def transitions(self, info: strawberry.Info) -> list[SpsStep]:
        return await info.context.loaders.sps_transitions.load(self.id)

    history = history_field("sps_application")

    @classmethod
    async def resolve_reference(cls, info: strawberry.Info, **representation: Any) -> SpsApplication | None:
        return await info.context.loaders.sps_by_id.load(parse_id(representation["id"]))


@strawberry.federation.type(
    keys=["id"],
    description="A stricken country's request for disaster assistance, "
    "coordinated by the EADRCC and shared with every Ally and partner",
)
class AssistanceRequest:
    is_type_of = served_from(assistance_models.AssistanceRequest)
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
        return await offers_shown(info, self)

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
            mine = {o.id for o in await offers_shown(info, self)}
            steps = [s for s in steps if s.offer_id is None or s.offer_id in mine]
        return steps

    # Its states list every nation's offers: a partner's account other than the stricken country reads `offers`.
    history = history_field(
        "assistance_request", shown=lambda caller, request: caller.partner_only in (None, request.stricken_country)
    )

    @classmethod
    async def resolve_reference(cls, info: strawberry.Info, **representation: Any) -> AssistanceRequest | None:
        return await info.context.loaders.assistance_by_id.load(parse_id(representation["id"]))
