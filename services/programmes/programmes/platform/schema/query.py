"""Reading the Interoperability Platform: a meeting or a common action by id, or pages of those the caller may
see."""

from __future__ import annotations

from typing import Annotated

import strawberry

from programmes.platform.repository import ACTION_SORT, MEETING_SORT, ActionRepository, MeetingRepository
from programmes.platform.schema.inputs import ActionFilter, ActionId, MeetingFilter, MeetingId
from programmes.platform.schema.types import CommonAction, PlatformMeeting
from shared.graphql.arguments import After, First
from shared.graphql.ids import parse_id
from shared.graphql.pagination import Connection, PageRequest, connection


@strawberry.type(description="Reading the Interoperability Platform")
class PlatformQuery:
    @strawberry.field(
        description="One Platform meeting by id; null if there is none the caller may see (a "
        "partner sees the meetings it took part in)"
    )
    async def platform_meeting(self, info: strawberry.Info, id: MeetingId) -> PlatformMeeting | None:
        return await info.context.loaders.meeting_by_id.load(parse_id(id))

    @strawberry.field(
        description="Platform meetings, latest first, by cursor pages; a partner sees those it took part in"
    )
    async def platform_meetings(
        self,
        info: strawberry.Info,
        filter: Annotated[
            MeetingFilter | None, strawberry.argument(description="Which meetings; all when omitted")
        ] = None,
        first: First = None,
        after: After = None,
    ) -> Connection[PlatformMeeting]:
        criteria = (filter or MeetingFilter()).criteria()
        page = PageRequest.of(first, after, "platformMeetings")
        repository = MeetingRepository(info.context.session, info.context.actor)
        rows = await repository.page(criteria, page)
        return connection(rows, page, MEETING_SORT.cursor, lambda: repository.count(criteria))

    @strawberry.field(
        description="One common action by id; null if there is none the caller may see (a partner "
        "sees those assigned to it)"
    )
    async def common_action(self, info: strawberry.Info, id: ActionId) -> CommonAction | None:
        return await info.context.loaders.action_by_id.load(parse_id(id))

    @strawberry.field(
        description="Common actions, earliest due first, by cursor pages; a partner sees those assigned to it"
    )
    async def common_actions(
        self,
        info: strawberry.Info,
        filter: Annotated[
            ActionFilter | None, strawberry.argument(description="Which actions; all when omitted")
        ] = None,
        first: First = None,
        after: After = None,
    ) -> Connection[CommonAction]:
        criteria = (filter or ActionFilter()).criteria()
        page = PageRequest.of(first, after, "commonActions")
        repository = ActionRepository(info.context.session, info.context.actor)
        rows = await repository.page(criteria, page)
        return connection(rows, page, ACTION_SORT.cursor, lambda: repository.count(criteria))
