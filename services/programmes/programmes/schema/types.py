"""GraphQL types of programmes. Plain fields use default resolvers on the ORM rows."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

import strawberry

from programmes.partners import models as partner_models
from programmes.partners.access import reads_flags_of, sees_partner
from programmes.programmes import models
from programmes.programmes.repository import NEWEST_FIRST
from programmes.schema import descriptions
from programmes.schema.enums import (
    AssessmentRating,
    ObjectiveCategory,
    OccLevel,
    OccResult,
    PlannedActivityStatus,
    ProgrammeStatus,
    ProgrammeType,
)
from programmes.schema.operations import OperationalContribution, contributions_of_partner
from programmes.schema.platform import CommonAction, actions_of_partner
from shared.frameworks import Framework
from shared.graphql.arguments import After, First
from shared.graphql.descriptions import described
from shared.graphql.history import history_field
from shared.graphql.ids import parse_id
from shared.graphql.loaders import PagedKey
from shared.graphql.pagination import Connection, PageRequest, connection
from shared.graphql.rows import served_from
from shared.priority import Priority
from shared.wps import WpsMarker

# Every flag and tool field: a partner's account reads its own partner's only.
NOT_YOURS = "; null when a partner's account reads another partner"
OR_NOT_YOURS = ", or when a partner's account reads another partner"


def own_flag(attribute: str) -> Any:
    """A resolver for a field only the partner itself (or a role that sees every partner) reads."""

    def resolve(root: Any, info: strawberry.Info) -> Any:
        return getattr(root, attribute) if reads_flags_of(info.context.actor, root.iso) else None

    # Built at run time, for strawberry to read (mypy knows Parent only as an annotation).
    resolve.__annotations__ = {
        "root": strawberry.Parent[Any],  # type: ignore[misc]
        "info": strawberry.Info,
        "return": Any,
    }
    return resolve


@described(descriptions.PARTNER)
@strawberry.federation.type(keys=["iso"], description="A partner country of the Alliance")
class Partner:
    is_type_of = served_from(partner_models.Partner)
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
        return await actions_of_partner(info, str(self.iso), first, after)

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
        return await contributions_of_partner(info, str(self.iso), first, after)

    history = history_field("partner", "iso", shown=lambda caller, partner: sees_partner(caller, partner.iso))

    @classmethod
    async def resolve_reference(cls, info: strawberry.Info, **representation: Any) -> Partner | None:
        return await info.context.loaders.partner_by_iso.load(str(representation["iso"]).upper())


@strawberry.type(
    description="How a partner's programmes in force (APPROVED or IMPLEMENTING) serve Women, Peace "
    "and Security (UNSCR 1325)"
)
class WpsSummary:
    objectives_principal: int = strawberry.field(description="Objectives whose main purpose is WPS")
    objectives_significant: int = strawberry.field(description="Objectives where WPS is a significant part")
    objectives_total: int = strawberry.field(description="All their objectives")
    objective_share: float | None = strawberry.field(
        description="The share of objectives serving WPS (principal or significant), 0 to 1; null with none"
    )
    planned_activities_serving: int = strawberry.field(
        description="Planned menu activities the menu marks as serving WPS"
    )
    planned_activities_total: int = strawberry.field(description="All their planned menu activities")
    planned_activity_share: float | None = strawberry.field(
        description="The share of planned activities serving WPS, 0 to 1; null with none"
    )


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


@described(descriptions.TRANSITION)
@strawberry.type(description="One step of a programme's lifecycle")
class ProgrammeTransition:
    from_status: ProgrammeStatus | None
    to_status: ProgrammeStatus
    actor: str
    note: str | None
    at: datetime


@strawberry.type(description="One step of a planned activity's lifecycle")
class PlannedActivityTransition:
    from_status: PlannedActivityStatus | None = strawberry.field(description="The status before; null when planned")
    to_status: PlannedActivityStatus = strawberry.field(description="The status after")
    actor: str = strawberry.field(
        description="Who took the step: the token's subject and role, or whoever caused "
        "the event programmes applied (an attendance, a withdrawal)"
    )
    note: str | None = strawberry.field(
        description="Why, for a step programmes took on its own: the occurrence "
        "attended, or the menu's withdrawal and its reason; null for a "
        "step a caller took"
    )
    at: datetime = strawberry.field(description="When")


@described(descriptions.OBJECTIVE)
@strawberry.type(
    description="An objective of a programme: in an IPAP chapter, an ITPP strategic objective or "
    "partnership goal, or a general one; parentId makes them a tree"
)
class Objective:
    id: strawberry.ID
    category: ObjectiveCategory
    title: str
    description: str | None
    parent_id: strawberry.ID | None
    wps_marker: WpsMarker
    version: int


@described(descriptions.PLANNED_ACTIVITY)
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


@described(descriptions.ASSESSMENT)
@strawberry.type(name="ProgrammeAssessment", description="How far a PARP partnership goal was met in a review cycle")
class Assessment:
    id: strawberry.ID
    cycle: str
    rating: AssessmentRating
    comment: str | None
    created_at: datetime


@described(descriptions.GOAL)
@strawberry.type(description="A PARP partnership goal")
class PartnershipGoal:
    id: strawberry.ID
    code: str
    text: str
    due_date: date | None

    @strawberry.field(description="Its assessments, at most one per review cycle, by cycle")
    async def assessments(self, info: strawberry.Info) -> list[Assessment]:
        return await info.context.loaders.assessments.load(self.id)


@described(descriptions.OCC_EVALUATION)
@strawberry.type(description="An OCC evaluation of a declared unit")
class OccEvaluation:
    id: strawberry.ID
    unit: str
    level: OccLevel
    result: OccResult
    evaluated_on: date
    remarks: str | None


@described(descriptions.PROGRAMME)
@strawberry.federation.type(keys=["id"], description="A partner's programme with the Alliance")
class Programme:
    is_type_of = served_from(models.Programme)
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
        return await info.context.loaders.partner_by_iso.load(self.partner_iso)  # type: ignore[attr-defined]

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


@described(descriptions.PAYLOAD)
@strawberry.type(description="An objective and the programme it changed (at its new version)")
class ObjectivePayload:
    objective: Objective
    programme: Programme


@described(descriptions.PAYLOAD)
@strawberry.type(description="A planned activity and the programme it changed (at its new version)")
class PlannedActivityPayload:
    planned_activity: PlannedActivity
    programme: Programme


@described(descriptions.PAYLOAD)
@strawberry.type(description="A PARP partnership goal and the programme it changed (at its new version)")
class PartnershipGoalPayload:
    goal: PartnershipGoal
    programme: Programme


@described(descriptions.PAYLOAD)
@strawberry.type(description="An assessment of a PARP goal and the programme it changed (at its new version)")
class ProgrammeAssessmentPayload:
    assessment: Assessment
    programme: Programme


@described(descriptions.PAYLOAD)
@strawberry.type(description="An OCC evaluation and the programme it changed (at its new version)")
class OccEvaluationPayload:
    evaluation: OccEvaluation
    programme: Programme


@described(descriptions.PAYLOAD)
@strawberry.type(description="What was removed from a programme, and the programme at its new version")
class ProgrammeContentRemovedPayload:
    removed_id: strawberry.ID
    programme: Programme
