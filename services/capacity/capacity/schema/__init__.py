"""The capacity subgraph schema."""

from shared.graphql.schema import build_schema

from capacity.schema.mutation import Mutation
from capacity.schema.query import Query
from capacity.schema.types import CapacityRequest, Partner

schema = build_schema(query=Query, mutation=Mutation, types=[CapacityRequest, Partner])

__all__ = ["schema"]
