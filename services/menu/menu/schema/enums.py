"""The domain's enums, registered with strawberry once, before any type or input uses them."""

import strawberry

from menu.domain import ActivityKind, ActivityLevel, ActivityStatus, OccurrenceStatus, ProviderKind
from menu.repository import ActivityOrder
from shared.ordering import Direction

strawberry.enum(ActivityKind, description="What kind of event an activity is")
strawberry.enum(ProviderKind, description="Who offers an activity")
strawberry.enum(ActivityLevel, description="The level an activity is pitched at")
strawberry.enum(ActivityStatus, description="DRAFT -> PUBLISHED -> WITHDRAWN (-> ARCHIVED)")
strawberry.enum(OccurrenceStatus, description="PLANNED -> OPEN -> CLOSED -> HELD, or CANCELLED")
strawberry.enum(ActivityOrder, name="ActivityOrderField")

__all__ = ["ActivityKind", "ActivityLevel", "ActivityOrder", "ActivityStatus", "Direction",
           "OccurrenceStatus", "ProviderKind"]
