"""The Military Training and Exercise Programme: exercises, partners' requests to take part, their inputs,
queries and mutations."""

from __future__ import annotations

from dataclasses import fields
from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from menu import exercises, models
from menu.access import READ_EXERCISE_PARTICIPATION, READ_EXERCISES
from menu.exercise_repository import (
    EXERCISE_SORT,
    PARTICIPATION_SORT,
    ExerciseCriteria,
    ExerciseRepository,
    ParticipationCriteria,
    ParticipationRepository,
)
from menu.mtep import ExerciseDetails, ParticipationDetails
from menu.schema.enums import ExerciseStatus, ExerciseType, ParticipationKind, ParticipationStatus
from menu.schema.providers import Provider
from shared.errors import BadUserInput
from shared.graphql.arguments import After, ExpectedVersion, First, Reason
from shared.graphql.changes import given
from shared.graphql.history import history_field
from shared.graphql.ids import parse_id
from shared.graphql.loaders import PagedKey
from shared.graphql.pagination import Connection, PageRequest, connection
from shared.graphql.rows import served_from

if TYPE_CHECKING:
    from menu.schema.partner import Partner

ExerciseId = Annotated[strawberry.ID, strawberry.argument(description="The exercise's id")]
ParticipationId = Annotated[strawberry.ID, strawberry.argument(description="The participation request's id")]


@strawberry.type(description="One step of an exercise's or a participation request's lifecycle")
class ExerciseStep:
    from_status: str | None = strawberry.field(description="The status before; null at the start")
    to_status: str = strawberry.field(description="The status after")
    actor: str = strawberry.field(description="Who took the step (token subject and role)")
    reason: str | None = strawberry.field(description="Why, when one was given")
    at: datetime = strawberry.field(description="When")


def _steps(rows: list[Any]) -> list[ExerciseStep]:
    return [
        ExerciseStep(
            from_status=r.from_status.value if r.from_status else None,
            to_status=r.to_status.value,
            actor=r.actor,
            reason=r.reason,
            at=r.at,
        )
        for r in rows
    ]


@strawberry.input(description="Which participation requests: all given criteria must hold")
class ParticipationFilter:
    statuses: list[ParticipationStatus] | None = strawberry.field(default=None, description="In any of these statuses")

    def criteria(self) -> ParticipationCriteria:
        return ParticipationCriteria(statuses=tuple(self.statuses or ()))


ParticipationsBy = Annotated[
    ParticipationFilter | None, strawberry.argument(description="Which requests; all the caller may see when omitted")
]


async def participation_page(
    info: strawberry.Info,
    owner: Any,
    key: Any,
    filter: ParticipationFilter | None,
    first: int | None,
    after: str | None,
    list_name: str,
) -> Connection[ExerciseParticipation]:
    READ_EXERCISE_PARTICIPATION.require(info.context.actor)
    page = PageRequest.of(first, after, list_name)
    pages, counts = info.context.loaders.participations(owner, (filter or ParticipationFilter()).criteria())
    rows = await pages.load(PagedKey.of(key, page))
    return connection(rows, page, PARTICIPATION_SORT.cursor, lambda: counts.load(key))


@strawberry.federation.type(
    keys=["id"], description="An exercise of the Military Training and Exercise Programme (MTEP), on its five-year plan"
)
class Exercise:
    is_type_of = served_from(models.Exercise)
    id: strawberry.ID = strawberry.field(description="Its id")
    name: str = strawberry.field(description="Its name, e.g. Steadfast Jupiter 2027")
    year: int = strawberry.field(description="The plan year it is held in")
    type: ExerciseType = strawberry.field(description="What kind of exercise it is")
    scenario: str = strawberry.field(description="What it exercises")
    nac_crisis_management: bool = strawberry.field(
        description="True for a North Atlantic Council crisis-management exercise: partners by invitation"
    )
    open_to_partners: bool = strawberry.field(
        description="Whether any partner may ask to take part; otherwise only those invited"
    )

    @strawberry.field(description="Partners invited (ISO 3166 alpha-3); a partner's account sees only whether it is")
    def invited_partners(self, info: strawberry.Info) -> list[strawberry.ID]:
        own = info.context.actor.partner_only
        invited: list[str] = self.invited_partners
        return [strawberry.ID(iso) for iso in invited if own is None or iso == own]

    start_date: date | None = strawberry.field(description="First day; null until set")
    end_date: date | None = strawberry.field(description="Last day; null until set")
    location: str | None = strawberry.field(description="Where; null until set")
    status: ExerciseStatus = strawberry.field(description="Where it is in its lifecycle")
    created_at: datetime = strawberry.field(description="When it was planned")
    updated_at: datetime = strawberry.field(description="When it last changed")
    version: int = strawberry.field(description="Optimistic-concurrency version: pass it as expectedVersion")

    @strawberry.field(description="The provider leading it (a NATO command, a nation, a centre)")
    async def lead(self, info: strawberry.Info) -> Provider:
        return await info.context.loaders.provider_by_code.load(self.lead_code)  # type: ignore[attr-defined]

    @strawberry.field(
        description="Requests to take part, oldest first: a partner sees its own, the leading "
        "provider all, staff, Allies and systems all"
    )
    async def participations(
        self, info: strawberry.Info, filter: ParticipationsBy = None, first: First = None, after: After = None
    ) -> Connection[ExerciseParticipation]:
        return await participation_page(
            info, models.ExerciseParticipation.exercise_id, self.id, filter, first, after, "Exercise.participations"
        )

    @strawberry.field(description="Every status change, oldest first: who, when, why")
    async def transitions(self, info: strawberry.Info) -> list[ExerciseStep]:
        return _steps(await info.context.loaders.exercise_transitions.load(self.id))

    # Its states name every partner invited: a partner's account reads `invitedPartners` (its own) instead.
    history = history_field("exercise", shown=lambda caller, exercise: caller.partner_only is None)

    @classmethod
    async def resolve_reference(cls, info: strawberry.Info, **representation: Any) -> Exercise | None:
        return await info.context.loaders.exercise_by_id.load(parse_id(representation["id"]))


@strawberry.type(description="A partner's request to take part in an exercise, and the decision on it")
class ExerciseParticipation:
    is_type_of = served_from(models.ExerciseParticipation)
    id: strawberry.ID = strawberry.field(description="Its id")
    kind: ParticipationKind = strawberry.field(description="What the partner sends")
    personnel: int = strawberry.field(description="How many people")
    note: str | None = strawberry.field(description="What the partner adds; null when nothing")
    status: ParticipationStatus = strawberry.field(description="Where it is in its lifecycle")
    created_at: datetime = strawberry.field(description="When it was requested")
    updated_at: datetime = strawberry.field(description="When it last changed")
    version: int = strawberry.field(description="Optimistic-concurrency version: pass it as expectedVersion")

    @strawberry.field(description="The partner asking")
    def partner(self) -> Annotated[Partner, strawberry.lazy("menu.schema.partner")]:
        from menu.schema.partner import Partner  # the partner's fields list this type: imported when served

        return Partner(iso=strawberry.ID(self.partner_iso), framework=None)  # type: ignore[attr-defined]

    @strawberry.field(description="The exercise; null if the caller no longer sees it")
    async def exercise(self, info: strawberry.Info) -> Exercise | None:
        return await info.context.loaders.exercise_by_id.load(self.exercise_id)  # type: ignore[attr-defined]

    @strawberry.field(description="Every status change, oldest first: who, when, why")
    async def transitions(self, info: strawberry.Info) -> list[ExerciseStep]:
        return _steps(await info.context.loaders.participation_transitions.load(self.id))

    history = history_field("exercise_participation")


@strawberry.input(description="A new exercise on the plan; it starts PLANNED")
class ExerciseInput:
    name: str = strawberry.field(description="Its name, at most 200 characters")
    year: int = strawberry.field(description="The plan year: this year or one of the four after")
    type: ExerciseType = strawberry.field(description="What kind of exercise")
    scenario: str = strawberry.field(description="What it exercises, at most 5,000 characters")
    lead_code: str = strawberry.field(description="The code of the provider leading it, e.g. SHAPE")
    nac_crisis_management: bool = strawberry.field(
        default=False,
        description="A North Atlantic Council crisis-management exercise (always so for "
        "CRISIS_MANAGEMENT): partners by invitation only",
    )
    open_to_partners: bool = strawberry.field(default=True, description="Whether any partner may ask to take part")
    start_date: date | None = strawberry.field(default=None, description="First day, in its year")
    end_date: date | None = strawberry.field(default=None, description="Last day, at most 90 days after the first")
    location: str | None = strawberry.field(default=None, description="Where")
    invited_partners: list[strawberry.ID] = strawberry.field(
        default_factory=list, description="Partners invited (ISO 3166 alpha-3)"
    )

    def details(self) -> ExerciseDetails:
        values = {f.name: getattr(self, f.name) for f in fields(ExerciseDetails)}
        return ExerciseDetails(**{**values, "invited_partners": [str(i) for i in self.invited_partners]})


@strawberry.input(description="Only the fields given change")
class ExerciseChanges:
    name: str | None = strawberry.field(default=strawberry.UNSET, description="Its name")
    year: int | None = strawberry.field(default=strawberry.UNSET, description="The plan year")
    type: ExerciseType | None = strawberry.field(default=strawberry.UNSET, description="What kind of exercise")
    scenario: str | None = strawberry.field(default=strawberry.UNSET, description="What it exercises")
    lead_code: str | None = strawberry.field(default=strawberry.UNSET, description="The leading provider's code")
    open_to_partners: bool | None = strawberry.field(
        default=strawberry.UNSET, description="Whether any partner may ask to take part"
    )
    start_date: date | None = strawberry.field(default=strawberry.UNSET, description="First day; null clears")
    end_date: date | None = strawberry.field(default=strawberry.UNSET, description="Last day; null clears")
    location: str | None = strawberry.field(default=strawberry.UNSET, description="Where; null clears")


NULLABLE_EXERCISE_FIELDS = frozenset({"start_date", "end_date", "location"})


@strawberry.input(description="Which exercises: all given criteria must hold; a list matches any of its values")
class ExerciseFilter:
    years: list[int] | None = strawberry.field(default=None, description="Held in any of these years")
    types: list[ExerciseType] | None = strawberry.field(default=None, description="Of any of these kinds")
    statuses: list[ExerciseStatus] | None = strawberry.field(default=None, description="In any of these statuses")
    lead_codes: list[str] | None = strawberry.field(default=None, description="Led by any of these providers")
    nac_crisis_management: bool | None = strawberry.field(
        default=None, description="Only crisis-management exercises (true) or only others (false)"
    )
    open_to: strawberry.ID | None = strawberry.field(
        default=None, description="Open to this partner (ISO 3166 alpha-3): to every partner, or inviting it"
    )

    def criteria(self) -> ExerciseCriteria:
        return ExerciseCriteria(
            years=tuple(self.years or ()),
            types=tuple(self.types or ()),
            statuses=tuple(self.statuses or ()),
            lead_codes=tuple(c.strip().upper() for c in self.lead_codes or ()),
            nac_crisis_management=self.nac_crisis_management,
            open_to=str(self.open_to).strip().upper() if self.open_to else None,
        )


@strawberry.input(description="What a partner offers to send to an exercise")
class ParticipationInput:
    kind: ParticipationKind = strawberry.field(description="What it sends")
    personnel: int = strawberry.field(description="How many people, 1 to 20,000")
    note: str | None = strawberry.field(default=None, description="Anything to add, at most 2,000 characters")

    def details(self) -> ParticipationDetails:
        return ParticipationDetails(kind=self.kind, personnel=self.personnel, note=self.note)


@strawberry.type(description="Reading the exercise programme")
class ExerciseQuery:
    @strawberry.field(description="One exercise by id; null if there is none the caller may see")
    async def exercise(self, info: strawberry.Info, id: ExerciseId) -> Exercise | None:
        READ_EXERCISES.require(info.context.actor)
        return await info.context.loaders.exercise_by_id.load(parse_id(id))

    @strawberry.field(
        description="The five-year plan by cursor pages, year by year: filter by year, kind, status, "
        "lead; a partner sees the exercises open to it and those it is invited to"
    )
    async def exercises(
        self,
        info: strawberry.Info,
        filter: Annotated[
            ExerciseFilter | None, strawberry.argument(description="Which exercises; all when omitted")
        ] = None,
        first: First = None,
        after: After = None,
    ) -> Connection[Exercise]:
        caller = info.context.actor
        READ_EXERCISES.require(caller)
        criteria = (filter or ExerciseFilter()).criteria()
        if caller.partner_only and criteria.open_to not in (None, caller.partner_only):
            # Another partner's list would tell which invitation-only exercises invite it.
            raise BadUserInput(
                f"a partner asks what is open to itself ({caller.partner_only}) only", field="filter.openTo"
            )
        page = PageRequest.of(first, after, "exercises")
        repository = ExerciseRepository(info.context.session)
        rows = await repository.page(criteria, page, caller)
        return connection(rows, page, EXERCISE_SORT.cursor, lambda: repository.count(criteria, caller))

    @strawberry.field(
        description="One participation request by id, if the caller may see it: its partner, the "
        "provider leading the exercise, staff, Allies and systems"
    )
    async def exercise_participation(self, info: strawberry.Info, id: ParticipationId) -> ExerciseParticipation | None:
        READ_EXERCISE_PARTICIPATION.require(info.context.actor)
        return await info.context.loaders.participation_by_id.load(parse_id(id))

    @strawberry.field(
        description="Participation requests, oldest first: a partner sees its own, a provider those "
        "to the exercises it leads"
    )
    async def exercise_participations(
        self, info: strawberry.Info, filter: ParticipationsBy = None, first: First = None, after: After = None
    ) -> Connection[ExerciseParticipation]:
        caller = info.context.actor
        READ_EXERCISE_PARTICIPATION.require(caller)
        criteria = (filter or ParticipationFilter()).criteria()
        page = PageRequest.of(first, after, "exerciseParticipations")
        repository = ParticipationRepository(info.context.session)
        rows = await repository.page(criteria, page, caller)
        return connection(rows, page, PARTICIPATION_SORT.cursor, lambda: repository.count(criteria, caller))


@strawberry.type(description="Changing the exercise programme")
class ExerciseMutation:
    @strawberry.mutation(description="Put an exercise on the five-year plan: PLANNED. Staff only.")
    async def plan_exercise(
        self, info: strawberry.Info, input: Annotated[ExerciseInput, strawberry.argument(description="The exercise")]
    ) -> Exercise:
        async with info.context.unit_of_work() as uow:
            return await exercises.plan_exercise(uow, input.details())

    @strawberry.mutation(description="Change a PLANNED or CONFIRMED exercise. Staff only.")
    async def update_exercise(
        self,
        info: strawberry.Info,
        id: ExerciseId,
        input: Annotated[ExerciseChanges, strawberry.argument(description="What changes")],
        expected_version: ExpectedVersion = None,
    ) -> Exercise:
        async with info.context.unit_of_work() as uow:
            return await exercises.update_exercise(
                uow, parse_id(id), given(input, NULLABLE_EXERCISE_FIELDS), expected_version
            )

    @strawberry.mutation(
        description="Invite partners to a PLANNED or CONFIRMED exercise (the only way into a "
        "crisis-management exercise). Staff only."
    )
    async def invite_to_exercise(
        self,
        info: strawberry.Info,
        id: ExerciseId,
        partner_isos: Annotated[
            list[strawberry.ID], strawberry.argument(description="The partners (ISO 3166 alpha-3)")
        ],
        expected_version: ExpectedVersion = None,
    ) -> Exercise:
        async with info.context.unit_of_work() as uow:
            return await exercises.invite_to_exercise(
                uow, parse_id(id), [str(i) for i in partner_isos], expected_version
            )

    @strawberry.mutation(description="PLANNED -> CONFIRMED, once its dates are set. Staff only.")
    async def confirm_exercise(
        self, info: strawberry.Info, id: ExerciseId, expected_version: ExpectedVersion = None
    ) -> Exercise:
        async with info.context.unit_of_work() as uow:
            return await exercises.advance_exercise(uow, parse_id(id), "confirmed", None, expected_version)

    @strawberry.mutation(description="CONFIRMED -> CONDUCTED: it took place. Staff only.")
    async def mark_exercise_conducted(
        self, info: strawberry.Info, id: ExerciseId, expected_version: ExpectedVersion = None
    ) -> Exercise:
        async with info.context.unit_of_work() as uow:
            return await exercises.advance_exercise(uow, parse_id(id), "conducted", None, expected_version)

    @strawberry.mutation(
        description="PLANNED or CONFIRMED -> CANCELLED, with a reason; requests still alive are DECLINED. Staff only."
    )
    async def cancel_exercise(
        self, info: strawberry.Info, id: ExerciseId, reason: Reason, expected_version: ExpectedVersion = None
    ) -> Exercise:
        async with info.context.unit_of_work() as uow:
            return await exercises.advance_exercise(uow, parse_id(id), "cancelled", reason, expected_version)

    @strawberry.mutation(
        description="Ask to take part in an exercise open to the partner or inviting it, before it "
        "starts: REQUESTED. A partner for itself; staff for any partner."
    )
    async def request_exercise_participation(
        self,
        info: strawberry.Info,
        exercise_id: Annotated[strawberry.ID, strawberry.argument(description="The exercise")],
        input: Annotated[ParticipationInput, strawberry.argument(description="What the partner sends")],
        partner_iso: Annotated[
            strawberry.ID | None,
            strawberry.argument(
                description="The partner (ISO 3166 alpha-3): staff must give it; a partner's own is implied"
            ),
        ] = None,
    ) -> ExerciseParticipation:
        async with info.context.unit_of_work() as uow:
            return await exercises.request_participation(
                uow, parse_id(exercise_id, "exerciseId"), str(partner_iso) if partner_iso else None, input.details()
            )

    @strawberry.mutation(
        description="REQUESTED -> APPROVED: the partner takes part. Staff, or the provider leading the exercise."
    )
    async def approve_exercise_participation(
        self,
        info: strawberry.Info,
        id: ParticipationId,
        reason: Annotated[str | None, strawberry.argument(description="Why, if anything is to be said")] = None,
        expected_version: ExpectedVersion = None,
    ) -> ExerciseParticipation:
        async with info.context.unit_of_work() as uow:
            return await exercises.decide_participation(uow, parse_id(id), "approved", reason, expected_version)

    @strawberry.mutation(
        description="REQUESTED -> DECLINED, with a reason. Staff, or the provider leading the exercise."
    )
    async def decline_exercise_participation(
        self, info: strawberry.Info, id: ParticipationId, reason: Reason, expected_version: ExpectedVersion = None
    ) -> ExerciseParticipation:
        async with info.context.unit_of_work() as uow:
            return await exercises.decide_participation(uow, parse_id(id), "declined", reason, expected_version)

    @strawberry.mutation(description="REQUESTED or APPROVED -> WITHDRAWN. The partner that asked, or staff.")
    async def withdraw_exercise_participation(
        self,
        info: strawberry.Info,
        id: ParticipationId,
        reason: Annotated[str | None, strawberry.argument(description="Why, if the partner says")] = None,
        expected_version: ExpectedVersion = None,
    ) -> ExerciseParticipation:
        async with info.context.unit_of_work() as uow:
            return await exercises.withdraw_participation(uow, parse_id(id), reason, expected_version)


__all__ = ["Exercise", "ExerciseMutation", "ExerciseParticipation", "ExerciseQuery", "participation_page"]
