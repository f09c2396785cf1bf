"""The programmes subgraph schema."""

from programmes.schema.mutation import Mutation
from programmes.schema.operations import OperationalContribution
from programmes.schema.platform import CommonAction, PlatformMeeting
from programmes.schema.query import Query
from programmes.schema.subscription import Subscription
from programmes.schema.types import Activity, Partner, Programme
from shared.graphql.schema import build_schema

schema = build_schema(
    query=Query,
    mutation=Mutation,
    subscription=Subscription,
    types=[Activity, CommonAction, OperationalContribution, Partner, PlatformMeeting, Programme],
)

__all__ = ["schema"]
