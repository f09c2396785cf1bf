"""GraphQL types of capacity. Plain fields use default resolvers on the ORM rows."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from capacity import models
from capacity.domain import ContributionDetails, totals
from capacity.eadrcc_repository import ASSISTANCE_SORT
from capacity.repository import OLDEST_FIRST
from capacity.schema import descriptions
from capacity.schema.enums import ContributionKind, RagStatus, Recommendation, RequestStatus, SupportArea
from capacity.sps_repository import SPS_SORT
from capacity.trust_fund_repository import PROJECT_SORT
from shared.graphql.arguments import After, First
from shared.graphql.descriptions import described
from shared.graphql.history import history_field
from shared.graphql.ids import parse_id
from shared.graphql.loaders import PagedKey
from shared.graphql.pagination import Connection, PageRequest, connection
from shared.graphql.rows import served_from
from shared.ordering import SortKey
from shared.priority import Priority

if TYPE_CHECKING:
    from capacity.schema.eadrcc import AssistanceRequest
    from capacity.schema.sps import SpsApplication
    from capacity.schema.trust_funds import TrustFundProject


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
    ) -> Connection[Annotated[TrustFundProject, strawberry.lazy("capacity.schema.trust_funds")]]:
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
    ) -> Connection[Annotated[SpsApplication, strawberry.lazy("capacity.schema.sps")]]:
        return await self._page(info, "spsApplications", PageRequest.of(first, after, "Partner.spsApplications"))

    @strawberry.field(
        description="Its requests for disaster assistance as the stricken country, newest first, by cursor pages"
    )
    async def assistance_requests(
        self,
        info: strawberry.Info,
        first: First = None,
        after: After = None,
    ) -> Connection[Annotated[AssistanceRequest, strawberry.lazy("capacity.schema.eadrcc")]]:
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


@strawberry.federation.type(
    keys=["id"], description="A menu activity (owned by menu); capacity adds the measures that link it"
)
class Activity:
    id: strawberry.ID = strawberry.field(description="The activity's id")

    @strawberry.field(description="Measures of the requests the caller may see that link this activity, oldest first")
    async def supporting_measures(self, info: strawberry.Info) -> list[Measure]:
        return await info.context.loaders.measures_supporting.load(parse_id(self.id))

    @classmethod
    def resolve_reference(cls, **representation: Any) -> Activity:
        return cls(id=representation["id"])


@described(descriptions.TRANSITION)
@strawberry.type(description="One step of a request's lifecycle: who took it, when and why")
class RequestTransition:
    from_status: RequestStatus | None
    to_status: RequestStatus
    actor: str
    reason: str | None
    at: datetime


@described(descriptions.ASSESSMENT)
@strawberry.type(description="An assessment of a request, made while it is UNDER_ASSESSMENT")
class RequestAssessment:
    id: strawberry.ID
    findings: str
    recommendation: Recommendation
    assessor: str
    created_at: datetime


@described(descriptions.CONTRIBUTION)
@strawberry.type(description="A nation's support to a measure")
class Contribution:
    id: strawberry.ID
    nation: str = strawberry.field(description="ISO 3166 alpha-3 of the contributing nation")
    kind: ContributionKind
    quantity: int | None
    amount: Decimal | None
    currency: str | None
    description: str | None


@strawberry.type(
    description="A partner's participants at one occurrence of a menu activity, as the menu's events told capacity"
)
class ActivityAttendance:
    activity_id: strawberry.ID = strawberry.field(description="The menu activity's id")
    occurrence_id: strawberry.ID = strawberry.field(
        description="The id of the occurrence attended (a dated instance of the activity, owned by menu)"
    )
    start_date: date = strawberry.field(description="The day the occurrence started")
    participants: int = strawberry.field(description="How many of the partner's participants attended it")


@described(descriptions.MEASURE)
@strawberry.type(description="One measure of a package: an area, a lead nation, its contributors and activities")
class Measure:
    id: strawberry.ID
    area: SupportArea
    title: str
    lead_nation: str
    contributing_nations: list[str]
    flag_reason: str | None = strawberry.field(
        description="The linked activities the menu has withdrawn (each "
        "one's PCM reference and the menu's reason, when known), "
        "flagged while the request is open; null when none"
    )

    @strawberry.field(
        description="Linked menu activities, in the order linked, resolved by the menu subgraph "
        "(null where the caller may not see one)"
    )
    def activities(self) -> list[Activity | None]:
        return [Activity(id=strawberry.ID(str(a))) for a in self.activity_ids]  # type: ignore[attr-defined]

    @strawberry.field(description="Nations' contributions to it, oldest first")
    async def contributions(self, info: strawberry.Info) -> list[Contribution]:
        return await info.context.loaders.contributions.load(self.id)

    @strawberry.field(
        description="The request's partner's attendance at the menu activities it links: the "
        "occurrences its participants attended, by linked activity in the order "
        "linked, then earliest first"
    )
    async def attendance(self, info: strawberry.Info) -> list[ActivityAttendance]:
        return [
            ActivityAttendance(
                activity_id=strawberry.ID(str(a.activity_id)),
                occurrence_id=strawberry.ID(str(a.occurrence_id)),
                start_date=a.start_date,
                participants=a.participants,
            )
            for a in await info.context.loaders.measure_attendance.load(self.id)
        ]


@described(descriptions.REPORT)
@strawberry.type(description="A progress report on an agreed package")
class ProgressReport:
    id: strawberry.ID
    period: str
    status: RagStatus
    narrative: str
    created_at: datetime


@described(descriptions.TOTALS)
@strawberry.type(description="An amount of funds in one currency")
class FundsTotal:
    currency: str
    amount: Decimal


@described(descriptions.TOTALS)
@strawberry.type(description="What a package's contributions add up to")
class PackageTotals:
    advisers: int
    trainers: int
    in_kind: int
    funds: list[FundsTotal]


@described(descriptions.PACKAGE)
@strawberry.type(
    description="The support proposed for a request and, once the North Atlantic Council "
    "approves it, agreed; reviewed every two years"
)
class Package:
    id: strawberry.ID
    summary: str
    approved_on: date | None
    review_date: date | None

    @strawberry.field(description="Its measures, oldest first")
    async def measures(self, info: strawberry.Info) -> list[Measure]:
        return await info.context.loaders.measures.load(self.id)

    @strawberry.field(description="Progress reports, one per period, in period order; empty until it is agreed")
    async def progress_reports(self, info: strawberry.Info) -> list[ProgressReport]:
        return await info.context.loaders.reports.load(self.id)

    @strawberry.field(
        description="What its contributions add up to: advisers, trainers, in-kind items and funds per currency"
    )
    async def totals(self, info: strawberry.Info) -> PackageTotals:
        rows = await info.context.loaders.package_contributions.load(self.id)
        summed = totals(
            [
                ContributionDetails(
                    nation=c.nation, kind=c.kind, quantity=c.quantity, amount=c.amount, currency=c.currency
                )
                for c in rows
            ]
        )
        return PackageTotals(
            advisers=summed.advisers,
            trainers=summed.trainers,
            in_kind=summed.in_kind,
            funds=[FundsTotal(currency=k, amount=v) for k, v in summed.funds.items()],
        )


@described(descriptions.REQUEST)
@strawberry.federation.type(keys=["id"], description="A partner's request for Defence Capacity Building support")
class CapacityRequest:
    is_type_of = served_from(models.CapacityRequest)
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
    def partner(self) -> Partner:
        return Partner(iso=strawberry.ID(self.partner_iso))  # type: ignore[attr-defined]

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


CapacityRequestConnection = Connection[CapacityRequest]


@described(descriptions.PAYLOAD)
@strawberry.type(description="An assessment and the request it changed (at its new version)")
class RequestAssessmentPayload:
    assessment: RequestAssessment
    request: CapacityRequest


@described(descriptions.PAYLOAD)
@strawberry.type(description="A proposed package and the request it changed (at its new version)")
class PackagePayload:
    package: Package
    request: CapacityRequest


@described(descriptions.PAYLOAD)
@strawberry.type(description="A measure and the request it changed (at its new version)")
class MeasurePayload:
    measure: Measure
    request: CapacityRequest


@described(descriptions.PAYLOAD)
@strawberry.type(description="A contribution and the request it changed (at its new version)")
class ContributionPayload:
    contribution: Contribution
    request: CapacityRequest


@described(descriptions.PAYLOAD)
@strawberry.type(description="A progress report and the request it changed (at its new version)")
class ProgressReportPayload:
    report: ProgressReport
    request: CapacityRequest


@described(descriptions.PAYLOAD)
@strawberry.type(description="What was removed from a request's package, and the request at its new version")
class RequestContentRemovedPayload:
    removed_id: strawberry.ID
    request: CapacityRequest
