"""The menu subgraph schema."""

from menu.schema.exercises import Exercise
from menu.schema.mutation import Mutation
from menu.schema.partner import Partner
from menu.schema.providers import Provider
from menu.schema.query import Query
from menu.schema.subscription import Subscription
from menu.schema.types import Activity, AreaOfCooperation, Occurrence
from shared.graphql.schema import build_schema

schema = build_schema(
    query=Query,
    mutation=Mutation,
    subscription=Subscription,
    types=[Activity, AreaOfCooperation, Exercise, Occurrence, Partner, Provider],
)

__all__ = ["schema"]
