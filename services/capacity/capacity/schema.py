"""The capacity subgraph schema: the root Query, Mutation and Subscription merge the parts each concern's schema
exports, and SCHEMA_RULES merges each concern's access rules."""

from __future__ import annotations

import strawberry

from capacity.assistance.access import SCHEMA_RULES as ASSISTANCE_RULES
from capacity.assistance.schema.mutation import AssistanceMutation
from capacity.assistance.schema.query import AssistanceQuery
from capacity.assistance.schema.subscription import AssistanceSubscription
from capacity.requests.access import SCHEMA_RULES as REQUESTS_RULES
from capacity.requests.schema.mutation import RequestsMutation
from capacity.requests.schema.query import RequestsQuery
from capacity.requests.schema.subscription import RequestsSubscription
from capacity.requests.schema.types import Activity
from capacity.sps.access import SCHEMA_RULES as SPS_RULES
from capacity.sps.schema.mutation import SpsMutation
from capacity.sps.schema.query import SpsQuery
from capacity.trust_funds.access import SCHEMA_RULES as TRUST_FUNDS_RULES
from capacity.trust_funds.schema.mutation import TrustFundsMutation
from capacity.trust_funds.schema.query import TrustFundsQuery
from capacity.types import AssistanceRequest, CapacityRequest, Partner, SpsApplication, TrustFundProject
from shared.auth import Rule
from shared.graphql.schema import build_schema

# The parts' order is the order of the root fields in the published SDL (the contracts): keep it.


@strawberry.type(description="Reading requests for support and for disaster assistance")
class Query(AssistanceQuery, TrustFundsQuery, SpsQuery, RequestsQuery):
    pass


@strawberry.type(
    description="Changing requests for support, their packages, requests for disaster assistance, "
    "Trust Fund projects and SPS applications"
)
class Mutation(AssistanceMutation, TrustFundsMutation, SpsMutation, RequestsMutation):
    pass


@strawberry.type(description="Live changes of requests for support")
class Subscription(RequestsSubscription, AssistanceSubscription):
    pass


schema = build_schema(
    query=Query,
    mutation=Mutation,
    subscription=Subscription,
    types=[Activity, AssistanceRequest, CapacityRequest, Partner, SpsApplication, TrustFundProject],
)

# Who may read or do what, by schema coordinate (tests/test_access.py holds the composed schema to it), in the order
# of the Query's parts.
SCHEMA_RULES: dict[str, Rule] = {
    **ASSISTANCE_RULES,
    **TRUST_FUNDS_RULES,
    **SPS_RULES,
    **REQUESTS_RULES,
}

__all__ = ["SCHEMA_RULES", "schema"]
