"""The capacity subgraph schema."""

from capacity.schema.eadrcc import AssistanceRequest
from capacity.schema.mutation import Mutation
from capacity.schema.query import Query
from capacity.schema.sps import SpsApplication
from capacity.schema.subscription import Subscription
from capacity.schema.trust_funds import TrustFundProject
from capacity.schema.types import Activity, CapacityRequest, Partner
from shared.graphql.schema import build_schema

schema = build_schema(
    query=Query,
    mutation=Mutation,
    subscription=Subscription,
    types=[Activity, AssistanceRequest, CapacityRequest, Partner, SpsApplication, TrustFundProject],
)

__all__ = ["schema"]
