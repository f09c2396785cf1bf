"""The menu subgraph schema: the root Query, Mutation and Subscription merge the parts each concern's schema
exports, and SCHEMA_RULES merges each concern's access rules."""

from __future__ import annotations

import strawberry

from menu.activities.access import SCHEMA_RULES as ACTIVITIES_RULES
from menu.activities.schema.mutation import ActivitiesMutation
from menu.activities.schema.query import ActivitiesQuery
from menu.activities.schema.subscription import ActivitiesSubscription
from menu.activities.schema.types import AreaOfCooperation
from menu.commitments.access import SCHEMA_RULES as COMMITMENTS_RULES
from menu.commitments.schema import CommitmentsSubscription
from menu.exercises.access import SCHEMA_RULES as EXERCISES_RULES
from menu.exercises.schema.mutation import ExercisesMutation
from menu.exercises.schema.query import ExercisesQuery
from menu.participation.access import SCHEMA_RULES as PARTICIPATION_RULES
from menu.participation.schema.mutation import ParticipationMutation
from menu.participation.schema.query import ParticipationQuery
from menu.participation.schema.subscription import ParticipationSubscription
from menu.providers.access import SCHEMA_RULES as PROVIDERS_RULES
from menu.providers.schema.mutation import ProvidersMutation
from menu.providers.schema.query import ProvidersQuery
from menu.types import Activity, Exercise, Occurrence, Partner, Provider
from shared.auth import Rule
from shared.graphql.schema import build_schema

# The parts' order is the order of the root fields in the published SDL (the contracts): keep it.


@strawberry.type(description="Reading the Partnership Cooperation Menu and its nominations")
class Query(ParticipationQuery, ProvidersQuery, ExercisesQuery, ActivitiesQuery):
    pass


@strawberry.type(
    description="Changing the menu: activities, their occurrences, nominations to them, providers "
    "and the exercise programme"
)
class Mutation(ParticipationMutation, ProvidersMutation, ExercisesMutation, ActivitiesMutation):
    pass


@strawberry.type(description="Live changes of the menu")
class Subscription(ParticipationSubscription, CommitmentsSubscription, ActivitiesSubscription):
    pass


schema = build_schema(
    query=Query,
    mutation=Mutation,
    subscription=Subscription,
    types=[Activity, AreaOfCooperation, Exercise, Occurrence, Partner, Provider],
)

# Who may read or do what, by schema coordinate (tests/test_access.py holds the composed schema to it), in the order
# of the Query's parts, then the concerns that have none.
SCHEMA_RULES: dict[str, Rule] = {
    **PARTICIPATION_RULES,
    **PROVIDERS_RULES,
    **EXERCISES_RULES,
    **ACTIVITIES_RULES,
    **COMMITMENTS_RULES,
}

__all__ = ["SCHEMA_RULES", "schema"]
