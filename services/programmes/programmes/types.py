"""The GraphQL types the concerns reference one another by, and what their fields mean.

A partner lists its programmes and its contributions to operations, and a programme and a contribution name their
partner; a programme's planned activity names the menu activity, whose `plannedBy` lists programmes. Types that
reference each other must import each other, so these five live in one module (the concerns' own types, which
they only reference, stay in each concern's schema). With them: what their fields mean (their inputs in the
concerns read it too), ProgrammeType's registration (partners and programmes both use it) and the PartnerIso
argument. Plain fields use default resolvers on the ORM rows.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, cast

import strawberry

from programmes.operations.models import OperationalContribution as OperationalContributionRow
from programmes.operations.repository import CONTRIBUTION_SORT
from programmes.operations.rules import size_unit
from programmes.operations.schema.types import (
    ContributionKind,
    ContributionStatus,
    OperationalContributionStep,
    OperationInfo,
    operation_info,
)
from programmes.partners.access import reads_flags_of, sees_partner
from programmes.partners.models import Partner as PartnerRow
from programmes.platform.repository import ACTION_SORT
from programmes.platform.schema.types import CommonAction
from programmes.programmes.models import Programme as ProgrammeRow
from programmes.programmes.repository import NEWEST_FIRST
from programmes.programmes.rules import ProgrammeType as ProgrammeType  # registered below, taken from here
from programmes.programmes.schema.types import (
    Objective,
    OccEvaluation,
    PartnershipGoal,
    PlannedActivityStatus,
    PlannedActivityTransition,
    ProgrammeStatus,
    ProgrammeTransition,
    WpsSummary,
)
from shared.graphql.arguments import After, First
from shared.graphql.descriptions import described
from shared.graphql.enums import described_enum
from shared.graphql.history import history_field
from shared.graphql.ids import parse_id
from shared.graphql.loaders import PagedKey
from shared.graphql.pagination import Connection, PageRequest, connection
from shared.graphql.rows import served_from
from shared.graphql.vocabulary import Framework, Priority

# What the fields of these types mean, once for a type, its input and its changes (shared.graphql.descriptions):
# the concerns' inputs of partners, programmes and planned activities read them too.
VERSIONED = {
    "created_at": "When it was created",
    "updated_at": "When it last changed",
    "version": "Optimistic-concurrency version: pass it as expectedVersion to change it",
}

PARTNER = {
    **VERSIONED,
    "name": "The country's name",
    "framework": "The partnership framework it belongs to",
    "suspension_reason": "Why cooperation is suspended; null when it is not (or for another partner's caller)",
    "enhanced_opportunities": "Enhanced Opportunities Partner",
    "interoperability_platform": "Member of the Interoperability Platform",
    "dcb": "Receives Defence Capacity Building support",
    "deep": "Takes part in the Defence Education Enhancement Programme",
    "ipap_since": "Year its first IPAP started, 1994 to 2100; null if it has none",
    "tools": "Partnership tools it takes part in; a programme of IPAP, PARP, OCC or DEEP needs its tool here",
}

PROGRAMME = {
    **VERSIONED,
    "id": "The programme's id",
    "partner_iso": "The partner, ISO 3166 alpha-3",
    "type": "The partnership tool",
    "title": "Title, at most 200 characters",
    "summary": "What it aims at, at most 5,000 characters; null when none is given",
    "period_start": "First day of its period, 1 January 1994 or later",
    "period_end": "Last day of its period: not before its start, at most ten years after it and not after 2100; "
    "an IPCP or IPAP runs exactly two years (it ends the day before the second anniversary of its "
    "start)",
    "status": "Where it is in its lifecycle",
}

PLANNED_ACTIVITY = {
    "id": "The planned activity's id",
    "activity_id": "The menu activity chosen (its id in the menu)",
    "year": "The year it is planned for, e.g. 2026: within the programme's period",
    "priority": "How much it matters to the partner",
    "status": "Where it is in its lifecycle",
    "objective_id": "The objective of the same programme it serves; null when none",
}

# The partnership tools: a programme's type and the tools a partner takes part in.
described_enum(
    ProgrammeType,
    "The partnership tool a programme belongs to (also the tools a partner takes part in)",
    {
        "IPCP": "Individual Partnership and Cooperation Programme; runs exactly two years",
        "IPAP": "Individual Partnership Action Plan; runs exactly two years; only for a partner the North Atlantic "
        "Council invited (IPAP among its tools)",
        "ITPP": "Individually Tailored Partnership Programme: strategic objectives with partnership goals under them",
        "PARP": "Planning and Review Process: partnership goals assessed each review cycle; only for a partner that "
        "joined it (PARP among its tools)",
        "OCC": "Operational Capabilities Concept evaluation and feedback of declared units; only for a partner that "
        "joined it (OCC among its tools)",
        "DEEP": "Defence Education Enhancement Programme; only for a partner that takes part (DEEP among its tools)",
        "PDP": "Professional Development Programme",
        "PAP_DIB": "Partnership Action Plan on Defence Institution Building",
        "BI": "Building Integrity",
        "PAP_T": "Partnership Action Plan against Terrorism",
        "OTHER": "Any other programme; unlike the other tools, a partner may prepare several at a time",
    },
)

# An argument several concerns' mutations take.
PartnerIso = Annotated[strawberry.ID, strawberry.argument(description="The partner's ISO 3166 alpha-3 code")]


# Every flag and tool field: a partner's account reads its own partner's only.
NOT_YOURS = "; null when a partner's account reads another partner"
OR_NOT_YOURS = ", or when a partner's account reads another partner"


def own_flag(attribute: str) -> Any:
    """A resolver for a field only the partner itself (or a role that sees every partner) reads."""

    def resolve(root: Any, info: strawberry.Info) -> Any:
        return getattr(root, attribute) if reads_flags_of(info.context.actor, root.iso) else None

    # Built at run time, for strawberry to read.
    resolve.__annotations__ = {
        "root": strawberry.Parent[Any],  # type: ignore[misc]  # mypy knows Parent only as an annotation
        "info": strawberry.Info,
        "return": Any,
    }
    return resolve


@described(PARTNER)
@strawberry.federation.type(keys=["iso"], description="A partner country of the Alliance")
class Partner:
    is_type_of = served_from(PartnerRow)
    iso: strawberry.ID = strawberry.field(description="Its ISO 3166 alpha-3 country code, e.g. GEO; the key")
    name: str
    framework: Framework
    # A partner's flags and tools are its own and the Alliance's to read: another partner gets null.
    suspended: bool | None = strawberry.field(
        description="Cooperation is suspended: its programmes cannot be submitted" + NOT_YOURS,
        resolver=own_flag("suspended"),
    )
    suspension_reason: str | None = strawberry.field(
        description="Why cooperation is suspended; null when it is not" + OR_NOT_YOURS,
        resolver=own_flag("suspension_reason"),
    )
    enhanced_opportunities: bool | None = strawberry.field(
        description="Enhanced Opportunities Partner" + NOT_YOURS, resolver=own_flag("enhanced_opportunities")
    )
    interoperability_platform: bool | None = strawberry.field(
        description="Member of the Interoperability Platform" + NOT_YOURS,
        resolver=own_flag("interoperability_platform"),
    )
    ipap_since: int | None = strawberry.field(
        description="Year its first IPAP started; null if it has none" + OR_NOT_YOURS, resolver=own_flag("ipap_since")
    )
    dcb: bool | None = strawberry.field(
        description="Receives Defence Capacity Building support" + NOT_YOURS, resolver=own_flag("dcb")
    )
    deep: bool | None = strawberry.field(
        description="Takes part in the Defence Education Enhancement Programme" + NOT_YOURS, resolver=own_flag("deep")
    )
    platform_joined_on: date | None = strawberry.field(
        description="The day it last joined the Interoperability Platform; null if it never did" + OR_NOT_YOURS,
        resolver=own_flag("platform_joined_on"),
    )
    platform_left_on: date | None = strawberry.field(
        description="The day it last left the Interoperability Platform; null if it is a member or never was"
        + OR_NOT_YOURS,
        resolver=own_flag("platform_left_on"),
    )
    tools: list[ProgrammeType] | None = strawberry.field(
        description="Partnership tools it takes part in; a programme of IPAP, PARP, OCC or DEEP needs its tool "
        "here" + NOT_YOURS,
        resolver=own_flag("tools"),
    )
    created_at: datetime
    updated_at: datetime
    version: int

    @strawberry.field(
        description="Its programmes, newest period first, by cursor pages. A partner's account sees "
        "its own only (another partner's list is empty); a provider's may not read "
        "programmes (FORBIDDEN)"
    )
    async def programmes(
        self, info: strawberry.Info, first: First = None, after: After = None
    ) -> Connection[Programme]:
        page = PageRequest.of(first, after, "Partner.programmes")
        loaders = info.context.loaders
        rows = await loaders.programmes_of_partner.load(PagedKey.of(str(self.iso), page))
        return connection(
            rows, page, NEWEST_FIRST.sort.cursor, lambda: loaders.programme_count_of_partner.load(str(self.iso))
        )

    @strawberry.field(
        description="Interoperability Platform common actions assigned to it, earliest due first, by "
        "cursor pages; a partner's account sees its own only (another's list is empty)"
    )
    async def common_actions(
        self, info: strawberry.Info, first: First = None, after: After = None
    ) -> Connection[CommonAction]:
        iso = str(self.iso)
        page = PageRequest.of(first, after, "Partner.commonActions")
        loaders = info.context.loaders
        rows = await loaders.actions_of_partner.load(PagedKey.of(iso, page))
        return connection(rows, page, ACTION_SORT.cursor, lambda: loaders.action_count_of_partner.load(iso))

    @strawberry.field(
        description="How its programmes in force serve Women, Peace and Security; null when a "
        "partner's account reads another partner (a provider's may not read programmes: "
        "FORBIDDEN)"
    )
    async def wps_summary(self, info: strawberry.Info) -> WpsSummary | None:
        found = await info.context.loaders.wps_summary.load(str(self.iso))
        if found is None:  # another partner's, for a partner's account
            return None
        return WpsSummary(
            objectives_principal=found.objectives_principal,
            objectives_significant=found.objectives_significant,
            objectives_total=found.objectives_total,
            objective_share=found.objective_share,
            planned_activities_serving=found.planned_activities_serving,
            planned_activities_total=found.planned_activities_total,
            planned_activity_share=found.planned_activity_share,
        )

    @strawberry.field(
        description="Its contributions to NATO-led operations, latest first, by cursor pages; a "
        "partner's account sees its own only (another's list is empty)"
    )
    async def operational_contributions(
        self, info: strawberry.Info, first: First = None, after: After = None
    ) -> Connection[OperationalContribution]:
        iso = str(self.iso)
        page = PageRequest.of(first, after, "Partner.operationalContributions")
        loaders = info.context.loaders
        rows = await loaders.contributions_of_partner.load(PagedKey.of(iso, page))
        return connection(rows, page, CONTRIBUTION_SORT.cursor, lambda: loaders.contribution_count_of_partner.load(iso))

    history = history_field("partner", "iso", shown=lambda caller, partner: sees_partner(caller, partner.iso))

    @classmethod
    async def resolve_reference(cls, info: strawberry.Info, **representation: Any) -> Partner | None:
        return await info.context.loaders.partner_by_iso.load(str(representation["iso"]).upper())


@strawberry.federation.type(keys=["id"], description="A menu activity (owned by menu)")
class Activity:
    id: strawberry.ID = strawberry.field(description="The activity's id")

    @strawberry.field(
        description="Programmes that plan this activity, newest period first, by cursor pages; a "
        "partner's account sees its own only, a provider's may not read programmes "
        "(FORBIDDEN)"
    )
    async def planned_by(
        self, info: strawberry.Info, first: First = None, after: After = None
    ) -> Connection[Programme]:
        page = PageRequest.of(first, after, "Activity.plannedBy")
        activity_id = parse_id(self.id)
        loaders = info.context.loaders
        rows = await loaders.planned_by.load(PagedKey.of(activity_id, page))
        return connection(rows, page, NEWEST_FIRST.sort.cursor, lambda: loaders.planned_by_count.load(activity_id))

    @classmethod
    def resolve_reference(cls, **representation: Any) -> Activity:
        return cls(id=representation["id"])


@described(PLANNED_ACTIVITY)
@strawberry.type(description="A programme's choice of a menu activity for one year")
class PlannedActivity:
    id: strawberry.ID
    year: int
    priority: Priority
    status: PlannedActivityStatus
    flag_reason: str | None = strawberry.field(
        description="Why it was FLAGGED: the menu withdrew the activity, with the menu's reason; null otherwise"
    )
    objective_id: strawberry.ID | None
    activity_id: strawberry.ID
    occurrence_id: strawberry.ID | None = strawberry.field(
        description="The menu occurrence the partner's participants attended, which made it DONE; null until then "
        "(and for a line marked done by hand)"
    )

    @strawberry.field(
        description="The menu's activity, resolved by the menu subgraph (null when the caller may not see it)"
    )
    def activity(self) -> Activity | None:
        return Activity(id=strawberry.ID(str(self.activity_id)))

    @strawberry.field(description="Every step of its lifecycle, oldest first: who, when, and why")
    async def transitions(self, info: strawberry.Info) -> list[PlannedActivityTransition]:
        return await info.context.loaders.planned_transitions.load(self.id)


@described(PROGRAMME)
@strawberry.federation.type(keys=["id"], description="A partner's programme with the Alliance")
class Programme:
    is_type_of = served_from(ProgrammeRow)
    id: strawberry.ID
    type: ProgrammeType
    title: str
    summary: str | None
    period_start: date
    period_end: date
    revision: int = strawberry.field(
        description="The edition of the partner's programme of this type: 1 for the "
        "first, then counting up (not the same as version)"
    )
    status: ProgrammeStatus
    created_at: datetime
    updated_at: datetime
    version: int

    @strawberry.field(description="The partner whose programme it is")
    async def partner(self, info: strawberry.Info) -> Partner:
        # Served from its row (shared.graphql.rows), which holds the partner's code the type does not show.
        return await info.context.loaders.partner_by_iso.load(cast(ProgrammeRow, self).partner_iso)

    @strawberry.field(description="Every step of its lifecycle, oldest first, its creation included: who, when, why")
    async def transitions(self, info: strawberry.Info) -> list[ProgrammeTransition]:
        return await info.context.loaders.transitions.load(self.id)

    history = history_field("programme")

    @strawberry.field(description="Its objectives, oldest first, as one flat list (parentId gives the tree)")
    async def objectives(self, info: strawberry.Info) -> list[Objective]:
        return await info.context.loaders.objectives.load(self.id)

    @strawberry.field(description="The menu activities it plans, by year, then in the order they were planned")
    async def planned_activities(
        self,
        info: strawberry.Info,
        statuses: Annotated[
            list[PlannedActivityStatus] | None,
            strawberry.argument(description="Only those in any of these statuses; all when omitted"),
        ] = None,
    ) -> list[PlannedActivity]:
        found = await info.context.loaders.planned_activities.load(self.id)
        return [p for p in found if not statuses or p.status in statuses]

    @strawberry.field(description="Its PARP partnership goals, by code; empty unless it is a PARP")
    async def partnership_goals(self, info: strawberry.Info) -> list[PartnershipGoal]:
        return await info.context.loaders.goals.load(self.id)

    @strawberry.field(
        description="OCC evaluations of its declared units, oldest first; empty unless it is an OCC programme"
    )
    async def occ_evaluations(self, info: strawberry.Info) -> list[OccEvaluation]:
        return await info.context.loaders.occ_evaluations.load(self.id)

    @classmethod
    async def resolve_reference(cls, info: strawberry.Info, **representation: Any) -> Programme | None:
        return await info.context.loaders.programme_by_id.load(parse_id(representation["id"]))


ProgrammeConnection = Connection[Programme]


@strawberry.federation.type(
    keys=["id"], description="A partner's contribution to a NATO-led operation under the Political-Military Framework"
)
class OperationalContribution:
    is_type_of = served_from(OperationalContributionRow)
    id: strawberry.ID = strawberry.field(description="Its id")
    kind: ContributionKind = strawberry.field(description="What is contributed")
    size: int = strawberry.field(description="How much, in `sizeUnit`")
    description: str | None = strawberry.field(description="What the partner adds; null when nothing")
    period_start: date = strawberry.field(description="When it starts (or started)")
    period_end: date | None = strawberry.field(description="When it ends (or ended); null while open-ended")
    status: ContributionStatus = strawberry.field(description="Where it is in its lifecycle")
    created_at: datetime = strawberry.field(description="When it was offered")
    updated_at: datetime = strawberry.field(description="When it last changed")
    version: int = strawberry.field(description="Optimistic-concurrency version: pass it as expectedVersion")

    @strawberry.field(description="What `size` counts: personnel, ships, aircraft or thousand euros")
    def size_unit(self) -> str:
        return size_unit(self.kind)

    @strawberry.field(description="The operation")
    def operation(self) -> OperationInfo:
        return operation_info(self.operation)

    @strawberry.field(description="The partner contributing")
    async def partner(self, info: strawberry.Info) -> Partner:
        # Served from its row (shared.graphql.rows), which holds the partner's code the type does not show.
        return await info.context.loaders.partner_by_iso.load(cast(OperationalContributionRow, self).partner_iso)

    @strawberry.field(description="Every status change, oldest first: who, when, why")
    async def transitions(self, info: strawberry.Info) -> list[OperationalContributionStep]:
        return await info.context.loaders.contribution_transitions.load(self.id)

    history = history_field("operational_contribution")

    @classmethod
    async def resolve_reference(cls, info: strawberry.Info, **representation: Any) -> OperationalContribution | None:
        return await info.context.loaders.contribution_by_id.load(parse_id(representation["id"]))
