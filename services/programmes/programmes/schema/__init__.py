"""The programmes subgraph schema."""

from programmes.schema.query import Query
from programmes.schema.types import Partner
from shared.graphql.schema import build_schema

schema = build_schema(query=Query, types=[Partner])

__all__ = ["schema"]
