"""Partners' contributions to NATO-led operations: the operations, the contribution type, queries, mutations."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from programmes.operations import models
from programmes.operations import use_cases as contributions
from programmes.operations.repository import CONTRIBUTION_SORT, ContributionCriteria, ContributionRepository
from programmes.operations.rules import OPERATIONS, ContributionDetails, size_unit
from programmes.partners.access import READ_PARTNERS
from programmes.schema.enums import ContributionKind, ContributionStatus, Operation
from shared.graphql.arguments import After, ExpectedVersion, First, Reason
from shared.graphql.history import history_field
from shared.graphql.ids import parse_id
from shared.graphql.loaders import PagedKey
from shared.graphql.pagination import Connection, PageRequest, connection
from shared.graphql.rows import served_from

if TYPE_CHECKING:
    from programmes.schema.types import Partner

ContributionId = Annotated[strawberry.ID, strawberry.argument(description="The contribution's id")]


@strawberry.type(description="A NATO-led operation")
class OperationInfo:
    code: Operation = strawberry.field(description="Its code")
    name: str = strawberry.field(description="Its name")
    region: str = strawberry.field(description="Where it is conducted")
    began_on: date = strawberry.field(description="The day it began")
    ended_on: date | None = strawberry.field(description="The day it ended; null while it goes on")


def operation_info(code: Any) -> OperationInfo:
    facts = OPERATIONS[code]
    return OperationInfo(code=code, name=facts.name, region=facts.region, began_on=facts.began, ended_on=facts.ended)


@strawberry.type(description="One step of a contribution's lifecycle: who, when, why")
class OperationalContributionStep:
    from_status: ContributionStatus | None = strawberry.field(description="The status before; null on the offer")
    to_status: ContributionStatus = strawberry.field(description="The status after")
    actor: str = strawberry.field(description="Who took the step (token subject and role)")
    note: str | None = strawberry.field(description="Why, when one was given")
    at: datetime = strawberry.field(description="When")


@strawberry.federation.type(
    keys=["id"], description="A partner's contribution to a NATO-led operation under the Political-Military Framework"
)
class OperationalContribution:
    is_type_of = served_from(models.OperationalContribution)
    id: strawberry.ID = strawberry.field(description="Its id")
    kind: ContributionKind = strawberry.field(description="What is contributed")
    size: int = strawberry.field(description="How much, in `sizeUnit`")
    description: str | None = strawberry.field(description="What the partner adds; null when nothing")
    period_start: date = strawberry.field(description="When it starts (or started)")
    period_end: date | None = strawberry.field(description="When it ends (or ended); null while open-ended")
    status: ContributionStatus = strawberry.field(description="Where it is in its lifecycle")
    created_at: datetime = strawberry.field(description="When it was offered")
    updated_at: datetime = strawberry.field(description="When it last changed")
    version: int = strawberry.field(description="Optimistic-concurrency version: pass it as expectedVersion")

    @strawberry.field(description="What `size` counts: personnel, ships, aircraft or thousand euros")
    def size_unit(self) -> str:
        return size_unit(self.kind)

    @strawberry.field(description="The operation")
    def operation(self) -> OperationInfo:
        return operation_info(self.operation)

    @strawberry.field(description="The partner contributing")
    async def partner(self, info: strawberry.Info) -> Annotated[Partner, strawberry.lazy("programmes.schema.types")]:
        return await info.context.loaders.partner_by_iso.load(self.partner_iso)  # type: ignore[attr-defined]

    @strawberry.field(description="Every status change, oldest first: who, when, why")
    async def transitions(self, info: strawberry.Info) -> list[OperationalContributionStep]:
        return await info.context.loaders.contribution_transitions.load(self.id)

    history = history_field("operational_contribution")

    @classmethod
    async def resolve_reference(cls, info: strawberry.Info, **representation: Any) -> OperationalContribution | None:
        return await info.context.loaders.contribution_by_id.load(parse_id(representation["id"]))


async def contributions_of_partner(
    info: strawberry.Info, iso: str, first: int | None, after: str | None
) -> Connection[OperationalContribution]:
    page = PageRequest.of(first, after, "Partner.operationalContributions")
    loaders = info.context.loaders
    rows = await loaders.contributions_of_partner.load(PagedKey.of(iso, page))
    return connection(rows, page, CONTRIBUTION_SORT.cursor, lambda: loaders.contribution_count_of_partner.load(iso))


@strawberry.input(description="A contribution a partner offers; it starts OFFERED")
class OperationalContributionInput:
    partner_iso: strawberry.ID = strawberry.field(description="The partner (ISO 3166 alpha-3); a partner its own")
    operation: Operation = strawberry.field(description="The operation")
    kind: ContributionKind = strawberry.field(description="What is contributed")
    size: int = strawberry.field(description="How much: personnel, ships, aircraft or thousand euros by kind")
    period_start: date = strawberry.field(description="When it starts, within the operation")
    period_end: date | None = strawberry.field(default=None, description="When it ends, if known")
    description: str | None = strawberry.field(default=None, description="What else to say, at most 2,000 characters")

    def details(self) -> ContributionDetails:
        return ContributionDetails(
            partner_iso=str(self.partner_iso),
            operation=self.operation,
            kind=self.kind,
            size=self.size,
            period_start=self.period_start,
            period_end=self.period_end,
            description=self.description,
        )


@strawberry.input(description="Which contributions: all given criteria must hold; a list matches any of its values")
class OperationalContributionFilter:
    partner_iso: strawberry.ID | None = strawberry.field(default=None, description="Of this partner")
    operations: list[Operation] | None = strawberry.field(default=None, description="To any of these operations")
    kinds: list[ContributionKind] | None = strawberry.field(default=None, description="Of any of these kinds")
    statuses: list[ContributionStatus] | None = strawberry.field(default=None, description="In any of these statuses")

    def criteria(self) -> ContributionCriteria:
        return ContributionCriteria(
            partner_iso=str(self.partner_iso).strip().upper() if self.partner_iso else None,
            operations=tuple(self.operations or ()),
            kinds=tuple(self.kinds or ()),
            statuses=tuple(self.statuses or ()),
        )


@strawberry.type(description="Reading operations and partners' contributions to them")
class OperationsQuery:
    @strawberry.field(description="The NATO-led operations partners contribute to, earliest first")
    def operations(self, info: strawberry.Info) -> list[OperationInfo]:
        READ_PARTNERS.require(info.context.actor)
        return sorted((operation_info(code) for code in OPERATIONS), key=lambda o: o.began_on)

    @strawberry.field(
        description="One contribution by id; null if there is none the caller may see (a partner sees its own)"
    )
    async def operational_contribution(
        self, info: strawberry.Info, id: ContributionId
    ) -> OperationalContribution | None:
        return await info.context.loaders.contribution_by_id.load(parse_id(id))

    @strawberry.field(description="Contributions, latest first, by cursor pages; a partner sees its own only")
    async def operational_contributions(
        self,
        info: strawberry.Info,
        filter: Annotated[
            OperationalContributionFilter | None,
            strawberry.argument(description="Which; all the caller may see when omitted"),
        ] = None,
        first: First = None,
        after: After = None,
    ) -> Connection[OperationalContribution]:
        criteria = (filter or OperationalContributionFilter()).criteria()
        page = PageRequest.of(first, after, "operationalContributions")
        repository = ContributionRepository(info.context.session, info.context.actor)
        rows = await repository.page(criteria, page)
        return connection(rows, page, CONTRIBUTION_SORT.cursor, lambda: repository.count(criteria))


@strawberry.type(description="Changing contributions to operations")
class OperationsMutation:
    @strawberry.mutation(
        description="Offer a contribution to an operation, within its dates: OFFERED. A partner "
        "for itself; staff for any partner."
    )
    async def offer_operational_contribution(
        self,
        info: strawberry.Info,
        input: Annotated[OperationalContributionInput, strawberry.argument(description="The contribution")],
    ) -> OperationalContribution:
        async with info.context.unit_of_work() as uow:
            return await contributions.offer_contribution(uow, input.details())

    @strawberry.mutation(description="OFFERED -> ACCEPTED into the operation's force. Staff only.")
    async def accept_operational_contribution(
        self, info: strawberry.Info, id: ContributionId, expected_version: ExpectedVersion = None
    ) -> OperationalContribution:
        async with info.context.unit_of_work() as uow:
            return await contributions.advance_contribution(
                uow, parse_id(id), "accepted", expected_version=expected_version
            )

    @strawberry.mutation(description="OFFERED -> DECLINED, with a reason. Staff only.")
    async def decline_operational_contribution(
        self, info: strawberry.Info, id: ContributionId, reason: Reason, expected_version: ExpectedVersion = None
    ) -> OperationalContribution:
        async with info.context.unit_of_work() as uow:
            return await contributions.advance_contribution(
                uow, parse_id(id), "declined", reason, expected_version=expected_version
            )

    @strawberry.mutation(description="ACCEPTED -> DEPLOYED: it is in the operation. Staff only.")
    async def record_contribution_deployed(
        self, info: strawberry.Info, id: ContributionId, expected_version: ExpectedVersion = None
    ) -> OperationalContribution:
        async with info.context.unit_of_work() as uow:
            return await contributions.advance_contribution(
                uow, parse_id(id), "deployed", expected_version=expected_version
            )

    @strawberry.mutation(description="DEPLOYED -> ENDED on a day (within the operation). Staff only.")
    async def end_operational_contribution(
        self,
        info: strawberry.Info,
        id: ContributionId,
        ended_on: Annotated[date, strawberry.argument(description="The day it ended")],
        expected_version: ExpectedVersion = None,
    ) -> OperationalContribution:
        async with info.context.unit_of_work() as uow:
            return await contributions.advance_contribution(
                uow, parse_id(id), "ended", ended_on=ended_on, expected_version=expected_version
            )

    @strawberry.mutation(description="OFFERED or ACCEPTED -> WITHDRAWN. The partner for its own, or staff.")
    async def withdraw_operational_contribution(
        self,
        info: strawberry.Info,
        id: ContributionId,
        reason: Annotated[str | None, strawberry.argument(description="Why, if the partner says")] = None,
        expected_version: ExpectedVersion = None,
    ) -> OperationalContribution:
        async with info.context.unit_of_work() as uow:
            return await contributions.advance_contribution(
                uow, parse_id(id), "withdrawn", reason, expected_version=expected_version
            )


__all__ = ["OperationalContribution", "OperationsMutation", "OperationsQuery", "contributions_of_partner"]
