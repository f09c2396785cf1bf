"""Reading the operations, and a contribution by id or pages of those the caller may see."""

from __future__ import annotations

from typing import Annotated

import strawberry

from programmes.operations.repository import CONTRIBUTION_SORT, ContributionRepository
from programmes.operations.rules import OPERATIONS
from programmes.operations.schema.inputs import ContributionId, OperationalContributionFilter
from programmes.operations.schema.types import OperationInfo, operation_info
from programmes.partners.access import READ_PARTNERS
from programmes.types import OperationalContribution
from shared.graphql.arguments import After, First
from shared.graphql.ids import parse_id
from shared.graphql.pagination import Connection, PageRequest, connection


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
