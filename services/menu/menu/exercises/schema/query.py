"""The exercise programme's part of Query: exercises and requests to take part, one or by cursor pages."""

from __future__ import annotations

from typing import Annotated

import strawberry

from menu.exercises.repository import EXERCISE_SORT, PARTICIPATION_SORT, ExerciseRepository, ParticipationRepository
from menu.exercises.schema.inputs import (
    ExerciseFilter,
    ExerciseId,
    ParticipationFilter,
    ParticipationId,
    ParticipationsBy,
)
from menu.types import Exercise, ExerciseParticipation
from shared.graphql.arguments import After, First
from shared.graphql.ids import parse_id
from shared.graphql.pagination import Connection, PageRequest, connection


@strawberry.type(description="Reading the exercise programme")
class ExercisesQuery:
    @strawberry.field(description="One exercise by id; null if there is none the caller may see")
    async def exercise(self, info: strawberry.Info, id: ExerciseId) -> Exercise | None:
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
        criteria = (filter or ExerciseFilter()).criteria()
        page = PageRequest.of(first, after, "exercises")
        repository = ExerciseRepository(info.context.session, info.context.actor)
        rows = await repository.page(criteria, page)
        return connection(rows, page, EXERCISE_SORT.cursor, lambda: repository.count(criteria))

    @strawberry.field(
        description="One participation request by id, if the caller may see it: its partner, the "
        "provider leading the exercise, staff, Allies and systems"
    )
    async def exercise_participation(self, info: strawberry.Info, id: ParticipationId) -> ExerciseParticipation | None:
        return await info.context.loaders.participation_by_id.load(parse_id(id))

    @strawberry.field(
        description="Participation requests, oldest first: a partner sees its own, a provider those "
        "to the exercises it leads"
    )
    async def exercise_participations(
        self, info: strawberry.Info, filter: ParticipationsBy = None, first: First = None, after: After = None
    ) -> Connection[ExerciseParticipation]:
        criteria = (filter or ParticipationFilter()).criteria()
        page = PageRequest.of(first, after, "exerciseParticipations")
        repository = ParticipationRepository(info.context.session, info.context.actor)
        rows = await repository.page(criteria, page)
        return connection(rows, page, PARTICIPATION_SORT.cursor, lambda: repository.count(criteria))
