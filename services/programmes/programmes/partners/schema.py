"""The partners' GraphQL schema: its input of flags, its queries and its mutations (the Partner type, which
several concerns reference, is in programmes.types)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from programmes.partners import use_cases
from programmes.partners.repository import PartnerRepository
from programmes.types import PARTNER, Partner, PartnerIso, ProgrammeType
from shared.graphql.arguments import ExpectedVersion
from shared.graphql.changes import given
from shared.graphql.descriptions import described
from shared.graphql.vocabulary import Framework


@described(PARTNER)
@strawberry.input(
    description="A partner's flags and tools; only the fields given change. ipapSince may be null "
    "(to clear it), the others may not"
)
class PartnerFlagsInput:
    enhanced_opportunities: bool | None = strawberry.UNSET
    interoperability_platform: bool | None = strawberry.UNSET
    dcb: bool | None = strawberry.UNSET
    deep: bool | None = strawberry.UNSET
    ipap_since: int | None = strawberry.UNSET
    tools: list[ProgrammeType] | None = strawberry.field(
        default=strawberry.UNSET,
        description="The tools it takes part in, replacing the whole list (duplicates "
        "dropped); a programme of IPAP, PARP, OCC or DEEP needs its tool here",
    )


NewFramework = Annotated[Framework, strawberry.argument(description="The framework it moves to")]
SuspensionReason = Annotated[
    str,
    strawberry.argument(
        description="Why, in a few words (at most 1,000 characters); shown as the partner's suspensionReason until it "
        "is reinstated"
    ),
]
InPartnerFlagsInput = Annotated[PartnerFlagsInput, strawberry.argument(description="The flags and tools that change")]


@strawberry.type(description="Reading partners")
class PartnersQuery:
    @strawberry.field(description="Every partner, by name, or only one framework's. Any signed-in caller")
    async def partners(
        self,
        info: strawberry.Info,
        framework: Annotated[
            Framework | None, strawberry.argument(description="Only partners of this framework; all when omitted")
        ] = None,
    ) -> list[Partner]:
        return list(await PartnerRepository(info.context.session, info.context.actor).list(framework))

    @strawberry.field(description="One partner by ISO 3166 alpha-3 code; null if there is none. Any signed-in caller")
    async def partner(
        self,
        info: strawberry.Info,
        iso: Annotated[strawberry.ID, strawberry.argument(description="ISO 3166 alpha-3 code, e.g. GEO (any case)")],
    ) -> Partner | None:
        return await info.context.loaders.partner_by_iso.load(str(iso).strip().upper())


@strawberry.type(description="Changing partners")
class PartnersMutation:
    @strawberry.mutation(
        description="Move a partner to another framework (CONFLICT if it is in that one already). Staff only."
    )
    async def change_partner_framework(
        self, info: strawberry.Info, iso: PartnerIso, framework: NewFramework, expected_version: ExpectedVersion = None
    ) -> Partner:
        async with info.context.unit_of_work() as uow:
            return await use_cases.change_framework(uow, str(iso), framework, expected_version)

    @strawberry.mutation(
        description="Change a partner's flags and tool participation; only the fields given change. Staff only."
    )
    async def update_partner_flags(
        self,
        info: strawberry.Info,
        iso: PartnerIso,
        input: InPartnerFlagsInput,
        expected_version: ExpectedVersion = None,
    ) -> Partner:
        changes = given(input, nullable=frozenset({"ipap_since"}))
        async with info.context.unit_of_work() as uow:
            return await use_cases.update_partner_flags(uow, str(iso), changes, expected_version)

    @strawberry.mutation(
        description="Suspend cooperation with a partner: its programmes cannot be submitted and "
        "its capacity requests are put on hold (CONFLICT if it is suspended already). "
        "Staff only."
    )
    async def suspend_partner(
        self, info: strawberry.Info, iso: PartnerIso, reason: SuspensionReason, expected_version: ExpectedVersion = None
    ) -> Partner:
        async with info.context.unit_of_work() as uow:
            return await use_cases.suspend_partner(uow, str(iso), reason, expected_version)

    @strawberry.mutation(
        description="Lift a partner's suspension and clear its reason (CONFLICT if it is not suspended). Staff only."
    )
    async def reinstate_partner(
        self, info: strawberry.Info, iso: PartnerIso, expected_version: ExpectedVersion = None
    ) -> Partner:
        async with info.context.unit_of_work() as uow:
            return await use_cases.reinstate_partner(uow, str(iso), expected_version)
