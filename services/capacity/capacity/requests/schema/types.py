"""GraphQL types inside a request for support (its steps, assessments, package, measures, contributions,
reports) and the menu's Activity the measures link; the request's enums, registered with strawberry once, and
what its fields mean (shared.graphql.descriptions), for the request's type (capacity.types) and inputs too.
Plain fields use default resolvers on the ORM rows."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

import strawberry

from capacity.requests import models
from capacity.requests.repository import RequestOrder as RequestOrder
from capacity.requests.rules import ContributionDetails, totals
from capacity.requests.rules import ContributionKind as ContributionKind
from capacity.requests.rules import RagStatus as RagStatus
from capacity.requests.rules import Recommendation as Recommendation
from capacity.requests.rules import RequestStatus as RequestStatus
from capacity.requests.rules import SupportArea as SupportArea
from shared.graphql.descriptions import described
from shared.graphql.enums import described_enum
from shared.graphql.ids import parse_id

# The concern's enums, registered once, here: every other schema module imports them from this module (hence the
# `X as X` re-exports above), so no strawberry type meets one unregistered, which would give it a second,
# undescribed definition.
described_enum(
    SupportArea,
    "An area of Defence Capacity Building support",
    {
        "STRATEGIC_ADVICE": "Strategic advice on defence and security sector reform",
        "DEFENCE_INSTITUTION_BUILDING": "Building defence institutions",
        "LOGISTICS": "Logistics",
        "DDR": "Disarmament, demobilisation and reintegration",
        "CIVIL_EMERGENCY_PLANNING": "Civil emergency planning and preparedness",
        "CYBER_DEFENCE": "Cyber defence",
        "EDUCATION_AND_TRAINING": "Military education and training",
        "COUNTER_IED": "Countering improvised explosive devices",
        "MARITIME_SECURITY": "Maritime security",
        "OTHER": "Another area than those listed",
    },
)
described_enum(
    RequestStatus,
    "Where a request is in its lifecycle: SUBMITTED -> UNDER_ASSESSMENT -> "
    "PACKAGE_PROPOSED -> APPROVED -> IMPLEMENTING -> COMPLETED; DECLINED (from "
    "UNDER_ASSESSMENT or PACKAGE_PROPOSED) or WITHDRAWN (before APPROVED) end it",
    {
        "SUBMITTED": "Submitted by the partner (or staff for it); it can still change",
        "UNDER_ASSESSMENT": "NATO staff are assessing it; it can still change",
        "PACKAGE_PROPOSED": "A package of support is proposed and staff shape its measures",
        "APPROVED": "The North Atlantic Council approved the package; it can no longer be declined or withdrawn",
        "IMPLEMENTING": "The package is being carried out, with progress reports",
        "COMPLETED": "The support was delivered; final",
        "DECLINED": "Declined by staff during assessment or with a package proposed (with a reason); final",
        "WITHDRAWN": "Withdrawn by the partner (or staff for it) before approval (with a reason); final",
    },
    name="CapacityRequestStatus",
)
described_enum(
    Recommendation,
    "What an assessment recommends",
    {
        "SUPPORT": "Support the request as it is",
        "SUPPORT_WITH_CHANGES": "Support it once changed",
        "DO_NOT_SUPPORT": "Do not support it",
    },
    name="RequestRecommendation",
)
described_enum(
    ContributionKind,
    "What a nation gives to a measure",
    {
        "ADVISERS": "Advisers (a number of people)",
        "TRAINERS": "Trainers (a number of people)",
        "FUNDS": "Funds (an amount in a currency)",
        "IN_KIND": "Equipment or services in kind (described)",
    },
)
described_enum(
    RagStatus,
    "How a package is going in a reported period: GREEN on track, AMBER at risk, RED off track",
    {
        "GREEN": "On track",
        "AMBER": "At risk",
        "RED": "Off track",
    },
    name="ProgressStatus",
)
described_enum(
    RequestOrder,
    "What requests are sorted by",
    {
        "CREATED_AT": "When it was submitted (createdAt)",
        "UPDATED_AT": "When it last changed (updatedAt)",
    },
    name="CapacityRequestOrderField",
)

# What the fields mean, once for a type, its input and its changes.
REQUEST_FIELDS = {
    "id": "The request's id",
    "partner_iso": "The partner asking for support, ISO 3166 alpha-3",
    "areas": "The areas of support asked for, at least one",
    "title": "Title, at most 200 characters",
    "description": "What support is asked for, at most 10,000 characters",
    "justification": "Why it is needed, at most 10,000 characters; null when none is given",
    "priority": "How much it matters to the partner",
    "status": "Where it is in its lifecycle",
    "created_at": "When it was submitted",
    "updated_at": "When it last changed",
    "version": "Optimistic-concurrency version: pass it as expectedVersion to change it",
}

TRANSITION_FIELDS = {
    "from_status": "The status before; null when it was submitted",
    "to_status": "The status after",
    "actor": "Who took the step: the token's subject and role, or the seed",
    "reason": "Why, when a reason or note was given",
    "at": "When",
}

ASSESSMENT_FIELDS = {
    "id": "The assessment's id",
    "findings": "What the assessors found, at most 10,000 characters",
    "recommendation": "What they recommend",
    "assessor": "Who recorded it: the token's subject and role",
    "created_at": "When it was recorded",
}

CONTRIBUTION_FIELDS = {
    "id": "The contribution's id",
    "nation": "The contributing nation, ISO 3166 alpha-3; an Ally contributes as its own nation only",
    "kind": "What it gives",
    "quantity": "How many people, 1 to 10,000, for ADVISERS and TRAINERS; null otherwise",
    "amount": "For FUNDS, in `currency`: positive, at most two decimals; null otherwise",
    "currency": "ISO 4217 code of `amount`, for FUNDS; null otherwise",
    "description": "What is given, required for IN_KIND (or a remark on any kind), at most 2,000 characters; "
    "null when none",
}

MEASURE_FIELDS = {
    "id": "The measure's id",
    "area": "Its area of support",
    "title": "Title, at most 300 characters",
    "lead_nation": "The nation that leads it, ISO 3166 alpha-3",
    "contributing_nations": "Nations that contribute to it, ISO 3166 alpha-3 (a contribution by a nation other "
    "than the lead adds it)",
    "activity_ids": "Ids of the menu activities it links; each must be published on the menu",
}

PACKAGE_FIELDS = {
    "id": "The package's id",
    "summary": "What the support amounts to, at most 10,000 characters",
    "approved_on": "The day its approval by the North Atlantic Council was recorded; null until then",
    "review_date": "When it is due for review, two years after approval; null until approved",
}

REPORT_FIELDS = {
    "id": "The report's id",
    "period": "The period reported on: a year (2026), a half (2026-H1) or a quarter (2026-Q3)",
    "status": "How it is going",
    "narrative": "What happened in the period, at most 10,000 characters",
    "created_at": "When it was reported",
}

TOTALS_FIELDS = {
    "advisers": "How many advisers are given, over all measures",
    "trainers": "How many trainers are given, over all measures",
    "in_kind": "How many contributions in kind, over all measures",
    "funds": "Funds given, one total per currency, by currency code",
    "currency": "ISO 4217 currency code",
    "amount": "The amount in that currency",
}


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


@described(TRANSITION_FIELDS)
@strawberry.type(description="One step of a request's lifecycle: who took it, when and why")
class RequestTransition:
    from_status: RequestStatus | None
    to_status: RequestStatus
    actor: str
    reason: str | None
    at: datetime


@described(ASSESSMENT_FIELDS)
@strawberry.type(description="An assessment of a request, made while it is UNDER_ASSESSMENT")
class RequestAssessment:
    id: strawberry.ID
    findings: str
    recommendation: Recommendation
    assessor: str
    created_at: datetime


@described(CONTRIBUTION_FIELDS)
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


@described(MEASURE_FIELDS)
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
    @staticmethod
    def activities(measure: strawberry.Parent[models.Measure]) -> list[Activity | None]:
        return [Activity(id=strawberry.ID(str(a))) for a in measure.activity_ids]

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


@described(REPORT_FIELDS)
@strawberry.type(description="A progress report on an agreed package")
class ProgressReport:
    id: strawberry.ID
    period: str
    status: RagStatus
    narrative: str
    created_at: datetime


@described(TOTALS_FIELDS)
@strawberry.type(description="An amount of funds in one currency")
class FundsTotal:
    currency: str
    amount: Decimal


@described(TOTALS_FIELDS)
@strawberry.type(description="What a package's contributions add up to")
class PackageTotals:
    advisers: int
    trainers: int
    in_kind: int
    funds: list[FundsTotal]


@described(PACKAGE_FIELDS)
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
