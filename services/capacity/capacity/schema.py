"""The capacity subgraph: the Query, Mutation and Subscription parts every concern's schema exports, merged,
and the access rule of every coordinate (each concern's access.SCHEMA_RULES)."""

from __future__ import annotations

import strawberry

from capacity.assistance.access import SCHEMA_RULES as ASSISTANCE_RULES
from capacity.assistance.schema.mutation import AssistanceMutation
from capacity.assistance.schema.query import AssistanceQuery
from capacity.assistance.schema.subscription import AssistanceSubscription
from capacity.requests.access import SCHEMA_RULES as REQUEST_RULES
from capacity.requests.schema.mutation import RequestMutation
from capacity.requests.schema.query import RequestQuery
from capacity.requests.schema.subscription import RequestSubscription
from capacity.requests.schema.types import Activity
from capacity.sps.access import SCHEMA_RULES as SPS_RULES
from capacity.sps.schema.mutation import SpsMutation
from capacity.sps.schema.query import SpsQuery
from capacity.trust_funds.access import SCHEMA_RULES as TRUST_FUND_RULES
from capacity.trust_funds.schema.mutation import TrustFundMutation
from capacity.trust_funds.schema.query import TrustFundQuery
from capacity.types import AssistanceRequest, CapacityRequest, Partner, SpsApplication, TrustFundProject
from shared.auth import Rule
from shared.graphql.schema import build_schema

# The parts' order is the order of the root fields in the published SDL (the contracts): keep it.


@strawberry.type(description="Reading requests for support and for disaster assistance")
class Query(AssistanceQuery, TrustFundQuery, SpsQuery, RequestQuery):
    pass


@strawberry.type(
    description="Changing requests for support, their packages, requests for disaster assistance, "
    "Trust Fund projects and SPS applications"
)
class Mutation(AssistanceMutation, TrustFundMutation, SpsMutation, RequestMutation):
    pass


@strawberry.type(description="Live changes of requests for support")
class Subscription(RequestSubscription, AssistanceSubscription):
    pass


schema = build_schema(
    query=Query,
    mutation=Mutation,
    subscription=Subscription,
    types=[Activity, AssistanceRequest, CapacityRequest, Partner, SpsApplication, TrustFundProject],
)

SCHEMA_RULES: dict[str, Rule] = {**REQUEST_RULES, **ASSISTANCE_RULES, **TRUST_FUND_RULES, **SPS_RULES}

__all__ = ["SCHEMA_RULES", "schema"]
