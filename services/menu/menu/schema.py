"""The menu subgraph schema: the root types merge each concern's part, in the order the published schema lists
their fields; SCHEMA_RULES merges each concern's rules (the authorization matrix checks every coordinate)."""

from __future__ import annotations

import strawberry

from menu.activities import access as activities_access
from menu.activities.schema.mutation import ActivityMutation
from menu.activities.schema.query import ActivityQuery
from menu.activities.schema.subscription import ActivitySubscription
from menu.activities.schema.types import AreaOfCooperation
from menu.commitments import access as commitments_access
from menu.commitments.schema import ImpactSubscription
from menu.exercises import access as exercises_access
from menu.exercises.schema.mutation import ExerciseMutation
from menu.exercises.schema.query import ExerciseQuery
from menu.participation import access as participation_access
from menu.participation.schema.mutation import NominationMutation
from menu.participation.schema.query import NominationQuery
from menu.participation.schema.subscription import NominationSubscription
from menu.providers import access as providers_access
from menu.providers.schema.mutation import ProviderMutation
from menu.providers.schema.query import ProviderQuery
from menu.types import Activity, Exercise, Occurrence, Partner, Provider
from shared.auth import Rule
from shared.graphql.schema import build_schema


@strawberry.type(description="Reading the Partnership Cooperation Menu and its nominations")
class Query(NominationQuery, ProviderQuery, ExerciseQuery, ActivityQuery):
    pass


@strawberry.type(
    description="Changing the menu: activities, their occurrences, nominations to them, providers "
    "and the exercise programme"
)
class Mutation(NominationMutation, ProviderMutation, ExerciseMutation, ActivityMutation):
    pass


@strawberry.type(description="Live changes of the menu")
class Subscription(NominationSubscription, ImpactSubscription, ActivitySubscription):
    pass


schema = build_schema(
    query=Query,
    mutation=Mutation,
    subscription=Subscription,
    types=[Activity, AreaOfCooperation, Exercise, Occurrence, Partner, Provider],
)

# Every root field and every field with a rule of its own, as the authorization matrix checks them.
SCHEMA_RULES: dict[str, Rule] = {
    **activities_access.SCHEMA_RULES,
    **participation_access.SCHEMA_RULES,
    **commitments_access.SCHEMA_RULES,
    **providers_access.SCHEMA_RULES,
    **exercises_access.SCHEMA_RULES,
}

__all__ = ["SCHEMA_RULES", "schema"]
