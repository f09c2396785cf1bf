"""The programmes subgraph schema: the root Query, Mutation and Subscription merge the parts each concern's schema
exports, and SCHEMA_RULES merges each concern's access rules."""

from __future__ import annotations

import strawberry

from programmes.operations.access import SCHEMA_RULES as OPERATIONS_RULES
from programmes.operations.schema.mutation import OperationsMutation
from programmes.operations.schema.query import OperationsQuery
from programmes.partners.access import SCHEMA_RULES as PARTNERS_RULES
from programmes.partners.schema import PartnersMutation, PartnersQuery
from programmes.platform.access import SCHEMA_RULES as PLATFORM_RULES
from programmes.platform.schema.mutation import MembershipMutation, PlatformMutation
from programmes.platform.schema.query import PlatformQuery
from programmes.platform.schema.types import CommonAction, PlatformMeeting
from programmes.programmes.access import SCHEMA_RULES as PROGRAMMES_RULES
from programmes.programmes.schema.mutation import ProgrammesMutation
from programmes.programmes.schema.query import ProgrammesQuery
from programmes.programmes.schema.subscription import ProgrammesSubscription
from programmes.types import Activity, OperationalContribution, Partner, Programme
from shared.auth import Rule
from shared.graphql.schema import build_schema

# The parts' order is the order of the root fields in the published SDL (the contracts): keep it.


@strawberry.type(description="Reading partners and their programmes")
class Query(PlatformQuery, OperationsQuery, PartnersQuery, ProgrammesQuery):
    pass


# Platform's MembershipMutation (joining and leaving the platform changes the partner) sits among the partners'
# mutations in the published schema, apart from PlatformMutation (the meetings' and actions').
@strawberry.type(
    description="Changing partners, programmes, the Interoperability Platform and contributions to operations"
)
class Mutation(PlatformMutation, OperationsMutation, PartnersMutation, MembershipMutation, ProgrammesMutation):
    pass


@strawberry.type(description="Live changes of programmes")
class Subscription(ProgrammesSubscription):
    pass


schema = build_schema(
    query=Query,
    mutation=Mutation,
    subscription=Subscription,
    types=[Activity, CommonAction, OperationalContribution, Partner, PlatformMeeting, Programme],
)

# Who may read or do what, by schema coordinate (tests/test_access.py holds the composed schema to it), in the order
# of the Query's parts.
SCHEMA_RULES: dict[str, Rule] = {
    **PLATFORM_RULES,
    **OPERATIONS_RULES,
    **PARTNERS_RULES,
    **PROGRAMMES_RULES,
}

__all__ = ["SCHEMA_RULES", "schema"]
