"""Science for Peace and Security grant applications: the type, queries and mutations."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any

import strawberry

from capacity import models, sps
from capacity.schema.types import Partner
from capacity.sps_repository import SPS_SORT, SpsCriteria, SpsRepository
from capacity.sps_rules import KeyPriority, SpsDetails, SpsKind, SpsStatus
from shared.graphql.arguments import After, ExpectedVersion, First
from shared.graphql.enums import described_enum
from shared.graphql.history import history_field
from shared.graphql.ids import parse_id
from shared.graphql.pagination import Connection, PageRequest, connection
from shared.graphql.rows import served_from

described_enum(
    SpsKind,
    "What an SPS grant funds",
    {
        "MULTI_YEAR_PROJECT": "A multi-year research and development project",
        "ADVANCED_RESEARCH_WORKSHOP": "An advanced research workshop",
        "ADVANCED_TRAINING_COURSE": "An advanced training course",
        "ADVANCED_STUDY_INSTITUTE": "An advanced study institute",
    },
)
described_enum(
    KeyPriority,
    "The SPS key priority an application answers",
    {
        "COUNTER_TERRORISM": "Counter-terrorism",
        "ENERGY_SECURITY": "Energy security",
        "CYBER_DEFENCE": "Cyber defence",
        "CBRN_DEFENCE": "Defence against CBRN agents",
        "ENVIRONMENTAL_SECURITY": "Environmental security",
        "EMERGING_TECHNOLOGIES": "Advanced and emerging technologies",
        "BORDER_SECURITY": "Border and port security",
        "HUMAN_AND_SOCIAL_ASPECTS": "Human and social aspects of security",
    },
)
described_enum(
    SpsStatus,
    "SUBMITTED -> UNDER_REVIEW -> APPROVED or REJECTED; APPROVED -> ACTIVE -> COMPLETED",
    {
        "SUBMITTED": "Filed",
        "UNDER_REVIEW": "Before the review panel",
        "APPROVED": "Granted (with the panel's outcome and the grant)",
        "REJECTED": "Not granted (with the panel's outcome)",
        "ACTIVE": "The grant runs",
        "COMPLETED": "Done",
    },
)

ApplicationId = Annotated[strawberry.ID, strawberry.argument(description="The application's id")]


@strawberry.type(description="A report on an active SPS grant")
class SpsReport:
    period: str = strawberry.field(description="The period: 2026, 2026-H1 or 2026-Q3")
    narrative: str = strawberry.field(description="What was done")


@strawberry.type(description="One step of an application: who, when, and the panel's outcome at a decision")
class SpsStep:
    from_status: str | None = strawberry.field(description="The status before")
    to_status: str = strawberry.field(description="The status after")
    actor: str = strawberry.field(description="Who took it")
    reason: str | None = strawberry.field(description="The panel's outcome, at a decision")
    at: datetime = strawberry.field(description="When")


@strawberry.federation.type(
    keys=["id"],
    description="A Science for Peace and Security grant application: a joint "
    "project of co-directors from a NATO country and a partner",
)
class SpsApplication:
    is_type_of = served_from(models.SpsApplication)
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


@strawberry.input(description="A new application; it starts SUBMITTED")
class SpsApplicationInput:
    kind: SpsKind = strawberry.field(description="What it asks to fund")
    key_priority: KeyPriority = strawberry.field(description="The key priority it answers")
    title: str = strawberry.field(description="Its title, at most 200 characters")
    summary: str = strawberry.field(description="What it is about, at most 10,000 characters")
    nato_country: str = strawberry.field(description="The NATO co-director's country: an Ally's account its own")
    nato_co_director: str = strawberry.field(description="The NATO co-director's name")
    partner_country: str = strawberry.field(
        description="The partner co-director's country: a partner's account its own"
    )
    partner_co_director: str = strawberry.field(description="The partner co-director's name")
    budget_eur: Decimal = strawberry.field(description="The budget asked, in euros, at most 10,000,000")

    def details(self) -> SpsDetails:
        return SpsDetails(
            kind=self.kind,
            key_priority=self.key_priority,
            title=self.title,
            summary=self.summary,
            nato_country=self.nato_country,
            nato_co_director=self.nato_co_director,
            partner_country=self.partner_country,
            partner_co_director=self.partner_co_director,
            budget_eur=self.budget_eur,
        )


@strawberry.input(description="Which applications: all given criteria must hold")
class SpsFilter:
    statuses: list[SpsStatus] | None = strawberry.field(default=None, description="In any of these")
    key_priorities: list[KeyPriority] | None = strawberry.field(default=None, description="Answering any of these")
    partner_country: str | None = strawberry.field(default=None, description="With a co-director from this partner")

    def criteria(self) -> SpsCriteria:
        return SpsCriteria(
            statuses=tuple(self.statuses or ()),
            key_priorities=tuple(self.key_priorities or ()),
            partner_country=self.partner_country.strip().upper() if self.partner_country else None,
        )


Outcome = Annotated[str, strawberry.argument(description="The review panel's outcome, at most 5,000 characters")]


@strawberry.type(description="Reading SPS applications")
class SpsQuery:
    @strawberry.field(
        description="One application by id; null if there is none the caller may see (a partner: its own country's)"
    )
    async def sps_application(self, info: strawberry.Info, id: ApplicationId) -> SpsApplication | None:
        return await info.context.loaders.sps_by_id.load(parse_id(id))

    @strawberry.field(description="Applications, newest first, by cursor pages; a partner sees its own country's")
    async def sps_applications(
        self,
        info: strawberry.Info,
        filter: Annotated[
            SpsFilter | None, strawberry.argument(description="Which; all the caller may see when omitted")
        ] = None,
        first: First = None,
        after: After = None,
    ) -> Connection[SpsApplication]:
        criteria = (filter or SpsFilter()).criteria()
        page = PageRequest.of(first, after, "spsApplications")
        repository = SpsRepository(info.context.session, info.context.actor)
        rows = await repository.page(criteria, page)
        return connection(rows, page, SPS_SORT.cursor, lambda: repository.count(criteria))


@strawberry.type(description="Changing SPS applications")
class SpsMutation:
    @strawberry.mutation(
        description="File an application: SUBMITTED. Staff, or a nation's officials for their "
        "nation (an Ally as the NATO country, a partner as the partner country)."
    )
    async def submit_sps_application(
        self,
        info: strawberry.Info,
        input: Annotated[SpsApplicationInput, strawberry.argument(description="The application")],
    ) -> SpsApplication:
        async with info.context.unit_of_work() as uow:
            return await sps.submit(uow, input.details())

    @strawberry.mutation(description="SUBMITTED -> UNDER_REVIEW. Staff only.")
    async def start_sps_review(
        self, info: strawberry.Info, id: ApplicationId, expected_version: ExpectedVersion = None
    ) -> SpsApplication:
        async with info.context.unit_of_work() as uow:
            return await sps.advance(uow, parse_id(id), "review_started", expected_version=expected_version)

    @strawberry.mutation(
        description="UNDER_REVIEW -> APPROVED with the panel's outcome and a grant no larger than "
        "the budget. Staff only."
    )
    async def approve_sps_application(
        self,
        info: strawberry.Info,
        id: ApplicationId,
        panel_outcome: Outcome,
        grant_eur: Annotated[Decimal, strawberry.argument(description="The grant, in euros")],
        expected_version: ExpectedVersion = None,
    ) -> SpsApplication:
        async with info.context.unit_of_work() as uow:
            return await sps.advance(uow, parse_id(id), "approved", panel_outcome, grant_eur, expected_version)

    @strawberry.mutation(description="UNDER_REVIEW -> REJECTED with the panel's outcome. Staff only.")
    async def reject_sps_application(
        self, info: strawberry.Info, id: ApplicationId, panel_outcome: Outcome, expected_version: ExpectedVersion = None
    ) -> SpsApplication:
        async with info.context.unit_of_work() as uow:
            return await sps.advance(uow, parse_id(id), "rejected", panel_outcome, None, expected_version)

    @strawberry.mutation(description="APPROVED -> ACTIVE: the grant runs. Staff only.")
    async def activate_sps_grant(
        self, info: strawberry.Info, id: ApplicationId, expected_version: ExpectedVersion = None
    ) -> SpsApplication:
        async with info.context.unit_of_work() as uow:
            return await sps.advance(uow, parse_id(id), "activated", expected_version=expected_version)

    @strawberry.mutation(description="ACTIVE -> COMPLETED. Staff only.")
    async def complete_sps_grant(
        self, info: strawberry.Info, id: ApplicationId, expected_version: ExpectedVersion = None
    ) -> SpsApplication:
        async with info.context.unit_of_work() as uow:
            return await sps.advance(uow, parse_id(id), "completed", expected_version=expected_version)

    @strawberry.mutation(description="A report for a period on an ACTIVE grant, one per period. Staff only.")
    async def report_sps_progress(
        self,
        info: strawberry.Info,
        id: ApplicationId,
        period: Annotated[str, strawberry.argument(description="2026, 2026-H1 or 2026-Q3")],
        narrative: Annotated[str, strawberry.argument(description="What was done, at most 10,000 characters")],
        expected_version: ExpectedVersion = None,
    ) -> SpsApplication:
        async with info.context.unit_of_work() as uow:
            return await sps.report(uow, parse_id(id), period, narrative, expected_version)
