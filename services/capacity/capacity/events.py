"""The events capacity publishes (a request with everything in it), and the ones it consumes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from pydantic import BaseModel, ConfigDict
from pydantic.alias_generators import to_camel

from capacity.domain import ContributionKind, RagStatus, Recommendation, RequestStatus, SupportArea
from capacity.eadrcc_rules import AssistanceStatus, DisasterType, OfferStatus, covered
from capacity.models import (
    AssistanceNeed,
    AssistanceOffer,
    AssistanceRequest,
    CapacityRequest,
    Contribution,
    Measure,
    Package,
    ProgressReport,
    RequestAssessment,
    SituationReport,
    SpsApplication,
    SpsReport,
    TrustFundPhase,
    TrustFundPledge,
    TrustFundProject,
    TrustFundReport,
)
from capacity.sps_rules import KeyPriority, SpsKind, SpsStatus
from capacity.trust_fund_rules import ProjectKind, ProjectStatus, funding_gap
from shared.events.catalogue import EventCatalogue
from shared.events.envelope import DomainEvent
from shared.priority import Priority

REQUEST_TOPIC = "capacity.request.v1"
ASSISTANCE_TOPIC = "capacity.assistance_request.v1"
TRUST_FUND_TOPIC = "capacity.trust_fund_project.v1"
SPS_TOPIC = "capacity.sps_application.v1"


class _State(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, from_attributes=True)


class AssessmentState(_State):
    findings: str
    recommendation: Recommendation
    assessor: str


class ContributionState(_State):
    id: str
    nation: str
    kind: ContributionKind
    quantity: int | None
    amount: Decimal | None
    currency: str | None
    description: str | None


class MeasureState(_State):
    id: str
    area: SupportArea
    title: str
    lead_nation: str
    contributing_nations: list[str]
    activity_ids: list[str]
    flag_reason: str | None = None
    contributions: list[ContributionState]


class ReportState(_State):
    period: str
    status: RagStatus
    narrative: str


class PackageState(_State):
    id: str
    summary: str
    approved_on: date | None
    review_date: date | None
    measures: list[MeasureState]
    progress_reports: list[ReportState]


class RequestState(_State):
    """capacity.request.* data: the request with its assessments and package, as it now is."""

    id: str
    partner_iso: str
    areas: list[SupportArea]
    title: str
    description: str
    justification: str | None
    priority: Priority = Priority.MEDIUM
    status: RequestStatus
    on_hold: bool
    assessments: list[AssessmentState] = []
    package: PackageState | None = None
    version: int
    updated_at: datetime


CATALOGUE = EventCatalogue("capacity")
REQUEST_EVENTS = CATALOGUE.topic(
    REQUEST_TOPIC,
    "request",
    RequestState,
    [
        "submitted",
        "updated",
        "assessment_started",
        "assessed",
        "package_proposed",
        "approved",
        "implementation_started",
        "completed",
        "declined",
        "withdrawn",
        "put_on_hold",
        "released",
        "measure_added",
        "measure_updated",
        "measure_removed",
        "activity_linked",
        "measure_flagged",
        "contribution_added",
        "contribution_updated",
        "contribution_removed",
        "progress_reported",
    ],
    "Every change of a Defence Capacity Building request, its assessments and its package",
)


@dataclass
class RequestContents:
    assessments: list[RequestAssessment] = field(default_factory=list)
    package: Package | None = None
    measures: list[Measure] = field(default_factory=list)
    contributions: list[Contribution] = field(default_factory=list)
    reports: list[ProgressReport] = field(default_factory=list)


def request_event(verb: str, request: CapacityRequest, contents: RequestContents | None = None) -> DomainEvent:
    contents = contents or RequestContents()
    package = None
    if contents.package is not None:
        by_measure: dict[object, list[ContributionState]] = {}
        for c in contents.contributions:
            by_measure.setdefault(c.measure_id, []).append(
                ContributionState(
                    id=str(c.id),
                    nation=c.nation,
                    kind=c.kind,
                    quantity=c.quantity,
                    amount=c.amount,
                    currency=c.currency,
                    description=c.description,
                )
            )
        package = PackageState(
            id=str(contents.package.id),
            summary=contents.package.summary,
            approved_on=contents.package.approved_on,
            review_date=contents.package.review_date,
            measures=[
                MeasureState(
                    id=str(m.id),
                    area=m.area,
                    title=m.title,
                    lead_nation=m.lead_nation,
                    contributing_nations=m.contributing_nations,
                    activity_ids=[str(a) for a in m.activity_ids],
                    flag_reason=m.flag_reason,
                    contributions=by_measure.get(m.id, []),
                )
                for m in contents.measures
            ],
            progress_reports=[ReportState.model_validate(r) for r in contents.reports],
        )
    state = RequestState(
        id=str(request.id),
        partner_iso=request.partner_iso,
        areas=[SupportArea(a) for a in request.areas],
        title=request.title,
        description=request.description,
        justification=request.justification,
        priority=request.priority,
        status=request.status,
        on_hold=request.on_hold,
        assessments=[AssessmentState.model_validate(a) for a in contents.assessments],
        package=package,
        version=request.version,
        updated_at=request.updated_at,
    )
    return REQUEST_EVENTS.event(verb, state, request.id)


class NeedState(_State):
    id: str
    item: str
    quantity: Decimal
    unit: str
    covered: Decimal


class OfferState(_State):
    id: str
    need_id: str
    nation: str
    quantity: Decimal
    status: OfferStatus


class SituationReportState(_State):
    number: int
    text: str
    issued_at: datetime


class AssistanceState(_State):
    """capacity.assistance_request.* data: a request for assistance with its needs (and what accepted offers
    cover of each), the offers and the situation reports, as it now is."""

    id: str
    stricken_country: str
    disaster_type: DisasterType
    title: str
    situation: str
    status: AssistanceStatus
    closing_note: str | None
    needs: list[NeedState]
    offers: list[OfferState]
    situation_reports: list[SituationReportState]
    version: int
    updated_at: datetime


ASSISTANCE_EVENTS = CATALOGUE.topic(
    ASSISTANCE_TOPIC,
    "assistance_request",
    AssistanceState,
    [
        "requested",
        "updated",
        "need_added",
        "offered",
        "offer_accepted",
        "offer_declined",
        "offer_withdrawn",
        "delivered",
        "situation_reported",
        "closed",
    ],
    "Every change of a request for disaster assistance coordinated by the EADRCC: needs, offers, situation reports",
)


@dataclass
class AssistanceContents:
    needs: list[AssistanceNeed] = field(default_factory=list)
    offers: list[AssistanceOffer] = field(default_factory=list)
    reports: list[SituationReport] = field(default_factory=list)


def assistance_event(verb: str, request: AssistanceRequest, contents: AssistanceContents) -> DomainEvent:
    state = AssistanceState(
        id=str(request.id),
        stricken_country=request.stricken_country,
        disaster_type=request.disaster_type,
        title=request.title,
        situation=request.situation,
        status=request.status,
        closing_note=request.closing_note,
        needs=[
            NeedState(
                id=str(n.id),
                item=n.item,
                quantity=n.quantity,
                unit=n.unit,
                covered=covered((o.quantity, o.status) for o in contents.offers if o.need_id == n.id),
            )
            for n in contents.needs
        ],
        offers=[
            OfferState(id=str(o.id), need_id=str(o.need_id), nation=o.nation, quantity=o.quantity, status=o.status)
            for o in contents.offers
        ],
        situation_reports=[
            SituationReportState(number=r.number, text=r.text, issued_at=r.created_at) for r in contents.reports
        ],
        version=request.version,
        updated_at=request.updated_at,
    )
    return ASSISTANCE_EVENTS.event(verb, state, request.id)


class PhaseState(_State):
    id: str
    name: str
    budget_eur: Decimal


class MoneyState(_State):
    nation: str
    amount_eur: Decimal
    at: datetime


class TrustFundReportState(_State):
    period: str
    narrative: str


class TrustFundState(_State):
    """capacity.trust_fund_project.* data: a Trust Fund project with its phases, pledges, payments, funding gap and
    progress reports, as it now is."""

    id: str
    beneficiary_iso: str
    kind: ProjectKind
    title: str
    description: str
    lead_nations: list[str]
    status: ProjectStatus
    phases: list[PhaseState]
    pledges: list[MoneyState]
    payments: list[MoneyState]
    funding_gap_eur: Decimal
    progress_reports: list[TrustFundReportState]
    version: int
    updated_at: datetime


TRUST_FUND_EVENTS = CATALOGUE.topic(
    TRUST_FUND_TOPIC,
    "trust_fund_project",
    TrustFundState,
    [
        "proposed",
        "phase_added",
        "approved",
        "pledged",
        "paid",
        "funded",
        "implementation_started",
        "completed",
        "cancelled",
        "progress_reported",
    ],
    "Every change of a Trust Fund project: phases, pledges, payments, lifecycle, progress",
)


@dataclass
class TrustFundContents:
    phases: list[TrustFundPhase] = field(default_factory=list)
    money: list[TrustFundPledge] = field(default_factory=list)
    reports: list[TrustFundReport] = field(default_factory=list)

    @property
    def gap(self) -> Decimal:
        return funding_gap((p.budget_eur for p in self.phases), (m.amount_eur for m in self.money if not m.payment))


def trust_fund_event(verb: str, project: TrustFundProject, contents: TrustFundContents) -> DomainEvent:
    state = TrustFundState(
        id=str(project.id),
        beneficiary_iso=project.beneficiary_iso,
        kind=project.kind,
        title=project.title,
        description=project.description,
        lead_nations=project.lead_nations,
        status=project.status,
        phases=[PhaseState(id=str(p.id), name=p.name, budget_eur=p.budget_eur) for p in contents.phases],
        pledges=[
            MoneyState(nation=m.nation, amount_eur=m.amount_eur, at=m.created_at)
            for m in contents.money
            if not m.payment
        ],
        payments=[
            MoneyState(nation=m.nation, amount_eur=m.amount_eur, at=m.created_at) for m in contents.money if m.payment
        ],
        funding_gap_eur=contents.gap,
        progress_reports=[TrustFundReportState(period=r.period, narrative=r.narrative) for r in contents.reports],
        version=project.version,
        updated_at=project.updated_at,
    )
    return TRUST_FUND_EVENTS.event(verb, state, project.id)


class SpsReportState(_State):
    period: str
    narrative: str


class SpsState(_State):
    """capacity.sps_application.* data: an SPS application as it now is (its co-directors kept out of histories)."""

    id: str
    kind: SpsKind
    key_priority: KeyPriority
    title: str
    summary: str
    nato_country: str
    nato_co_director: str
    partner_country: str
    partner_co_director: str
    budget_eur: Decimal
    panel_outcome: str | None
    grant_eur: Decimal | None
    status: SpsStatus
    reports: list[SpsReportState]
    version: int
    updated_at: datetime


SPS_EVENTS = CATALOGUE.topic(
    SPS_TOPIC,
    "sps_application",
    SpsState,
    ["submitted", "review_started", "approved", "rejected", "activated", "completed", "reported"],
    "Every change of a Science for Peace and Security grant application",
    private=("natoCoDirector", "partnerCoDirector"),
)


def sps_event(verb: str, application: SpsApplication, reports: list[SpsReport]) -> DomainEvent:
    state = SpsState.model_validate(
        {
            **{n: getattr(application, n) for n in SpsState.model_fields if n not in ("id", "reports")},
            "id": str(application.id),
            "reports": [SpsReportState(period=r.period, narrative=r.narrative) for r in reports],
        }
    )
    return SPS_EVENTS.event(verb, state, application.id)
