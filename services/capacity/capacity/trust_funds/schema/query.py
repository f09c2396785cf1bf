"""Reading Trust Fund projects."""

from __future__ import annotations

from typing import Annotated

import strawberry

from capacity.trust_funds.repository import PROJECT_SORT, TrustFundRepository
from capacity.trust_funds.schema.inputs import ProjectId, TrustFundFilter
from capacity.types import TrustFundProject
from shared.graphql.arguments import After, First
from shared.graphql.ids import parse_id
from shared.graphql.pagination import Connection, PageRequest, connection


@strawberry.type(description="Reading Trust Fund projects")
class TrustFundsQuery:
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
