"""Trust Fund projects: the type, queries and mutations."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any

import strawberry

from capacity import models, trust_funds
from capacity.access import nation_of
from capacity.schema.types import Partner
from capacity.trust_fund_repository import PROJECT_SORT, ProjectCriteria, TrustFundRepository
from capacity.trust_fund_rules import PhaseDetails, ProjectDetails, ProjectKind, ProjectStatus, funding_gap
from shared.graphql.arguments import After, ExpectedVersion, First, Reason
from shared.graphql.enums import described_enum
from shared.graphql.history import history_field
from shared.graphql.ids import parse_id
from shared.graphql.pagination import Connection, PageRequest, connection
from shared.graphql.rows import served_from

described_enum(
    ProjectKind,
    "What a Trust Fund project does",
    {
        "DEMILITARISATION": "Destroys surplus munitions, weapons or mines, or clears explosive remnants",
        "DEFENCE_TRANSFORMATION": "Helps a partner reform its defence and security institutions",
    },
)
described_enum(
    ProjectStatus,
    "PROPOSED -> APPROVED -> FUNDED (pledges cover the budget) -> IMPLEMENTING -> "
    "COMPLETED; CANCELLED before completion",
    {
        "PROPOSED": "Being shaped: phases may be added",
        "APPROVED": "Approved: nations are asked to pledge",
        "FUNDED": "Pledges cover every phase's budget",
        "IMPLEMENTING": "Under way: progress is reported",
        "COMPLETED": "Done",
        "CANCELLED": "Stopped (with a reason)",
    },
)

ProjectId = Annotated[strawberry.ID, strawberry.argument(description="The project's id")]


@strawberry.type(description="A phase of a project and its budget")
class TrustFundPhase:
    id: strawberry.ID = strawberry.field(description="Its id")
    name: str = strawberry.field(description="What the phase does")
    budget_eur: Decimal = strawberry.field(description="Its budget in euros")


@strawberry.type(description="A nation's pledge or payment")
class TrustFundMoney:
    nation: str = strawberry.field(description="The nation (ISO 3166 alpha-3)")
    amount_eur: Decimal = strawberry.field(description="How much, in euros")
    created_at: datetime = strawberry.field(description="When")


@strawberry.type(description="A progress report on a project")
class TrustFundReport:
    period: str = strawberry.field(description="The period: 2026, 2026-H1 or 2026-Q3")
    narrative: str = strawberry.field(description="What was done")


@strawberry.type(description="One step of a project: who, when, why")
class TrustFundStep:
    from_status: str | None = strawberry.field(description="The status before")
    to_status: str = strawberry.field(description="The status after")
    actor: str = strawberry.field(description="Who took it")
    reason: str | None = strawberry.field(description="Why, when one was given")
    at: datetime = strawberry.field(description="When")


def _sees_all_money(info: strawberry.Info, project: Any) -> bool:
    own = info.context.actor.partner_only
    return own is None or own == project.beneficiary_iso


@strawberry.federation.type(
    keys=["id"],
    description="A NATO Trust Fund project in a partner country, funded by Allies and partners and led by lead nations",
)
class TrustFundProject:
    is_type_of = served_from(models.TrustFundProject)
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
        return await _money(info, self, payment=False)

    @strawberry.field(
        description="Payments, oldest first: a partner's account other than the beneficiary's sees its own"
    )
    async def payments(self, info: strawberry.Info) -> list[TrustFundMoney]:
        return await _money(info, self, payment=True)

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


async def _money(info: strawberry.Info, project: Any, payment: bool) -> list[Any]:
    rows = [m for m in await info.context.loaders.trust_fund_money.load(project.id) if m.payment is payment]
    if _sees_all_money(info, project):
        return rows
    return [m for m in rows if m.nation == nation_of(info.context.actor)]


@strawberry.input(description="A phase of a project")
class TrustFundPhaseInput:
    name: str = strawberry.field(description="What it does, at most 200 characters")
    budget_eur: Decimal = strawberry.field(description="Its budget in euros, above 0, two decimals at most")

    def details(self) -> PhaseDetails:
        return PhaseDetails(name=self.name, budget_eur=self.budget_eur)


@strawberry.input(description="A new project; it starts PROPOSED")
class TrustFundProjectInput:
    beneficiary_iso: str = strawberry.field(description="The partner it is for (ISO 3166 alpha-3)")
    kind: ProjectKind = strawberry.field(description="What it does")
    title: str = strawberry.field(description="Its title, at most 200 characters")
    description: str = strawberry.field(description="What it is about, at most 10,000 characters")
    lead_nations: list[str] = strawberry.field(description="Its lead nations (ISO 3166 alpha-3), at least one")
    phases: list[TrustFundPhaseInput] = strawberry.field(description="Its phases, at least one")

    def details(self) -> ProjectDetails:
        return ProjectDetails(
            beneficiary_iso=self.beneficiary_iso,
            kind=self.kind,
            title=self.title,
            description=self.description,
            lead_nations=self.lead_nations,
            phases=[p.details() for p in self.phases],
        )


@strawberry.input(description="Which projects: all given criteria must hold")
class TrustFundFilter:
    statuses: list[ProjectStatus] | None = strawberry.field(default=None, description="In any of these")
    kinds: list[ProjectKind] | None = strawberry.field(default=None, description="Of any of these kinds")
    beneficiary_iso: str | None = strawberry.field(default=None, description="For this partner")

    def criteria(self) -> ProjectCriteria:
        return ProjectCriteria(
            statuses=tuple(self.statuses or ()),
            kinds=tuple(self.kinds or ()),
            beneficiary_iso=self.beneficiary_iso.strip().upper() if self.beneficiary_iso else None,
        )


Amount = Annotated[Decimal, strawberry.argument(description="How much, in euros (two decimals at most)")]
Nation = Annotated[
    str | None,
    strawberry.argument(description="The nation: staff must give it; an Ally's or a partner's own is implied"),
]


@strawberry.type(description="Reading Trust Fund projects")
class TrustFundQuery:
    @strawberry.field(description="One Trust Fund project by id; null if there is none")
    async def trust_fund_project(self, info: strawberry.Info, id: ProjectId) -> TrustFundProject | None:
        return await info.context.loaders.trust_fund_by_id.load(parse_id(id))

    @strawberry.field(description="Trust Fund projects, newest first, by cursor pages")
    async def trust_fund_projects(
        self,
        info: strawberry.Info,
        filter: Annotated[TrustFundFilter | None, strawberry.argument(description="Which; all when omitted")] = None,
        first: First = None,
        after: After = None,
    ) -> Connection[TrustFundProject]:
        criteria = (filter or TrustFundFilter()).criteria()
        page = PageRequest.of(first, after, "trustFundProjects")
        repository = TrustFundRepository(info.context.session, info.context.actor)
        rows = await repository.page(criteria, page)
        return connection(rows, page, PROJECT_SORT.cursor, lambda: repository.count(criteria))


@strawberry.type(description="Changing Trust Fund projects")
class TrustFundMutation:
    @strawberry.mutation(description="Propose a project with its phases: PROPOSED. Staff only.")
    async def propose_trust_fund_project(
        self,
        info: strawberry.Info,
        input: Annotated[TrustFundProjectInput, strawberry.argument(description="The project")],
    ) -> TrustFundProject:
        async with info.context.unit_of_work() as uow:
            return await trust_funds.propose(uow, input.details())

    @strawberry.mutation(description="Add a phase to a PROPOSED project. Staff only.")
    async def add_trust_fund_phase(
        self,
        info: strawberry.Info,
        id: ProjectId,
        phase: Annotated[TrustFundPhaseInput, strawberry.argument(description="The phase")],
        expected_version: ExpectedVersion = None,
    ) -> TrustFundProject:
        async with info.context.unit_of_work() as uow:
            return await trust_funds.add_phase(uow, parse_id(id), phase.details(), expected_version)

    @strawberry.mutation(description="PROPOSED -> APPROVED: nations may pledge. Staff only.")
    async def approve_trust_fund_project(
        self, info: strawberry.Info, id: ProjectId, expected_version: ExpectedVersion = None
    ) -> TrustFundProject:
        async with info.context.unit_of_work() as uow:
            return await trust_funds.advance(uow, parse_id(id), "approved", None, expected_version)

    @strawberry.mutation(
        description="APPROVED -> FUNDED, once pledges cover the budget (CONFLICT with the gap otherwise). Staff only."
    )
    async def mark_trust_fund_project_funded(
        self, info: strawberry.Info, id: ProjectId, expected_version: ExpectedVersion = None
    ) -> TrustFundProject:
        async with info.context.unit_of_work() as uow:
            return await trust_funds.advance(uow, parse_id(id), "funded", None, expected_version)

    @strawberry.mutation(description="FUNDED -> IMPLEMENTING. Staff only.")
    async def start_trust_fund_implementation(
        self, info: strawberry.Info, id: ProjectId, expected_version: ExpectedVersion = None
    ) -> TrustFundProject:
        async with info.context.unit_of_work() as uow:
            return await trust_funds.advance(uow, parse_id(id), "implementation_started", None, expected_version)

    @strawberry.mutation(description="IMPLEMENTING -> COMPLETED. Staff only.")
    async def complete_trust_fund_project(
        self, info: strawberry.Info, id: ProjectId, expected_version: ExpectedVersion = None
    ) -> TrustFundProject:
        async with info.context.unit_of_work() as uow:
            return await trust_funds.advance(uow, parse_id(id), "completed", None, expected_version)

    @strawberry.mutation(description="Any status but COMPLETED -> CANCELLED, with a reason. Staff only.")
    async def cancel_trust_fund_project(
        self, info: strawberry.Info, id: ProjectId, reason: Reason, expected_version: ExpectedVersion = None
    ) -> TrustFundProject:
        async with info.context.unit_of_work() as uow:
            return await trust_funds.advance(uow, parse_id(id), "cancelled", reason, expected_version)

    @strawberry.mutation(
        description="Pledge to an APPROVED, FUNDED or IMPLEMENTING project. An Ally or a partner "
        "as itself; staff for any nation."
    )
    async def pledge_to_trust_fund(
        self,
        info: strawberry.Info,
        id: ProjectId,
        amount_eur: Amount,
        nation: Nation = None,
        expected_version: ExpectedVersion = None,
    ) -> TrustFundProject:
        async with info.context.unit_of_work() as uow:
            return await trust_funds.give(uow, parse_id(id), nation, amount_eur, False, expected_version)

    @strawberry.mutation(
        description="Pay against the nation's pledges, at most what it pledged (CONFLICT beyond). "
        "An Ally or a partner as itself; staff for any nation."
    )
    async def pay_to_trust_fund(
        self,
        info: strawberry.Info,
        id: ProjectId,
        amount_eur: Amount,
        nation: Nation = None,
        expected_version: ExpectedVersion = None,
    ) -> TrustFundProject:
        async with info.context.unit_of_work() as uow:
            return await trust_funds.give(uow, parse_id(id), nation, amount_eur, True, expected_version)

    @strawberry.mutation(
        description="A progress report for a period on an IMPLEMENTING project, one per period. Staff only."
    )
    async def report_trust_fund_progress(
        self,
        info: strawberry.Info,
        id: ProjectId,
        period: Annotated[str, strawberry.argument(description="2026, 2026-H1 or 2026-Q3")],
        narrative: Annotated[str, strawberry.argument(description="What was done, at most 10,000 characters")],
        expected_version: ExpectedVersion = None,
    ) -> TrustFundProject:
        async with info.context.unit_of_work() as uow:
            return await trust_funds.report(uow, parse_id(id), period, narrative, expected_version)
