"""The programmes subgraph schema: the root types merge the parts each concern's schema exports (their order is
the order of the fields in the schema), and SCHEMA_RULES merges each concern's access rules."""

from __future__ import annotations

import strawberry

from programmes.operations import access as operations_access
from programmes.operations.schema.mutation import OperationsMutation
from programmes.operations.schema.query import OperationsQuery
from programmes.partners import access as partners_access
from programmes.partners.schema import PartnersMutation, PartnersQuery
from programmes.platform import access as platform_access
from programmes.platform.schema.mutation import MembershipMutation, PlatformMutation
from programmes.platform.schema.query import PlatformQuery
from programmes.platform.schema.types import CommonAction, PlatformMeeting
from programmes.programmes import access as programmes_access
from programmes.programmes.schema.mutation import ProgrammesMutation
from programmes.programmes.schema.query import ProgrammesQuery
from programmes.programmes.schema.subscription import ProgrammesSubscription
from programmes.types import Activity, OperationalContribution, Partner, Programme
from shared.graphql.schema import build_schema


@strawberry.type(description="Reading partners and their programmes")
class Query(PlatformQuery, OperationsQuery, PartnersQuery, ProgrammesQuery):
    pass


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

# Who may read or do what, by schema coordinate (tests/test_access.py holds the composed schema to it).
SCHEMA_RULES = {
    **partners_access.SCHEMA_RULES,
    **programmes_access.SCHEMA_RULES,
    **platform_access.SCHEMA_RULES,
    **operations_access.SCHEMA_RULES,
}
