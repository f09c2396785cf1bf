"""Live changes of the menu, fed by the menu's own topics (so every instance sees every change)."""

from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry

from menu.events import ACTIVITY_TOPIC
from menu.schema.types import Activity
from shared.graphql.ids import parse_id


@strawberry.type
class Subscription:
    @strawberry.subscription(description="Activities as they change (created, updated, published, withdrawn, "
                                         "archived), only the given ids if any. Each message is the activity's "
                                         "latest state; rapid changes may coalesce into one message.")
    async def activity_changed(self, info: strawberry.Info,
                               ids: list[strawberry.ID] | None = None) -> AsyncGenerator[Activity, None]:
        wanted = {str(parse_id(i, "ids")) for i in ids} if ids else None
        context = info.context
        delivered: dict[str, int] = {}
        async for event in context.runtime.live.subscribe(ACTIVITY_TOPIC):
            if wanted is not None and event.key not in wanted:
                continue
            # The subscription outlives many events: read each change afresh, and hold no
            # transaction open while waiting for the next one.
            # Changes coalesce: a subscriber gets the latest state, never an older one again.
            activity = await context.fresh_loaders().activity_by_id.load(parse_id(event.key))
            if activity is not None and activity.version > delivered.get(event.key, 0):
                delivered[event.key] = activity.version
                yield activity
            await context.session.close()
