"""The participation's part of Query: one nomination by id."""

from __future__ import annotations

import strawberry

from menu.participation.schema.inputs import NominationId
from menu.types import Nomination
from shared.graphql.ids import parse_id


@strawberry.type(description="Nominations by id")
class ParticipationQuery:
    @strawberry.field(
        description="One nomination by id, if the caller may see it: its partner, the provider of its "
        "activity, staff, Allies and systems"
    )
    async def nomination(self, info: strawberry.Info, id: NominationId) -> Nomination | None:
        return await info.context.loaders.nomination_by_id.load(parse_id(id))
