"""Every SQL statement about the exercise programme, each read scoped to its caller, and their loaders."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, Text, and_, false, func, or_, select
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.dataloader import DataLoader

from menu.exercises.access import READ_EXERCISE_PARTICIPATION, READ_EXERCISES
from menu.exercises.models import Exercise, ExerciseParticipation, ExerciseParticipationTransition, ExerciseTransition
from menu.exercises.rules import LIVE_PARTICIPATION, ExerciseStatus, ExerciseType, ParticipationStatus
from shared.auth import Actor, Role
from shared.db import any_of
from shared.errors import BadUserInput
from shared.graphql.loaders import PagedKey, many_per_key, one_per_key, pages_per_key
from shared.graphql.pagination import PageRequest
from shared.ordering import Direction, SortKey, keyset
from shared.repository import Repository, lateral_counts, lateral_pages


def exercises_visible_to(caller: Actor) -> list[ColumnElement[bool]]:
    """A partner sees the exercises open to partners and those it is invited to; every other reader all."""
    READ_EXERCISES.require(caller)
    if caller.is_(Role.PARTNER):
        return [or_(Exercise.open_to_partners, Exercise.invited_partners.contains([caller.partner_only]))]
    return []


def participations_visible_to(caller: Actor) -> list[ColumnElement[bool]]:
    """A partner sees its own requests, a provider those to the exercises it leads; staff, Allies, systems all."""
    READ_EXERCISE_PARTICIPATION.require(caller)
    if caller.is_(Role.PARTNER):
        return [ExerciseParticipation.partner_iso == caller.partner_only]
    if caller.is_(Role.PROVIDER):
        return [ExerciseParticipation.lead_code == caller.provider] if caller.provider else [false()]
    return []


@dataclass(frozen=True)
class ExerciseCriteria:
    years: tuple[int, ...] = ()
    types: tuple[ExerciseType, ...] = ()
    statuses: tuple[ExerciseStatus, ...] = ()
    lead_codes: tuple[str, ...] = ()
    nac_crisis_management: bool | None = None
    open_to: str | None = None  # a partner, by ISO: open to partners, or inviting it

    def conditions(self) -> list[ColumnElement[bool]]:
        where: list[ColumnElement[bool]] = []
        if self.years:
            where.append(any_of(Exercise.year, self.years))
        if self.types:
            where.append(any_of(Exercise.type, self.types))
        if self.statuses:
            where.append(any_of(Exercise.status, self.statuses))
        if self.lead_codes:
            where.append(any_of(Exercise.lead_code, self.lead_codes))
        if self.nac_crisis_management is not None:
            where.append(Exercise.nac_crisis_management.is_(self.nac_crisis_management))
        if self.open_to:
            where.append(or_(Exercise.open_to_partners, Exercise.invited_partners.contains([self.open_to])))
        return where


@dataclass(frozen=True)
class ParticipationCriteria:
    statuses: tuple[ParticipationStatus, ...] = ()

    def conditions(self) -> list[ColumnElement[bool]]:
        return [any_of(ExerciseParticipation.status, self.statuses)] if self.statuses else []


# The plan reads year by year; requests oldest first.
EXERCISE_SORT: SortKey[Exercise] = SortKey(Exercise.year, lambda e: e.year)
PARTICIPATION_SORT: SortKey[ExerciseParticipation] = SortKey(
    ExerciseParticipation.created_at, lambda p: p.created_at.isoformat(), datetime.fromisoformat
)


class ExerciseRepository(Repository[Exercise]):
    """Exercises; given a caller, every read is scoped to those it may see."""

    model = Exercise

    def _scope(self) -> list[ColumnElement[bool]]:
        return exercises_visible_to(self.caller) if self.caller is not None else []

    def _listed(self, where: ExerciseCriteria) -> list[ColumnElement[bool]]:
        """A list's conditions within the caller's scope; a partner asks what is open to itself only: another
        partner's list would tell which invitation-only exercises invite it."""
        scope = self._scope()
        own = self.caller.partner_only if self.caller is not None else None
        if own and where.open_to not in (None, own):
            raise BadUserInput(f"a partner asks what is open to itself ({own}) only", field="filter.openTo")
        return [*where.conditions(), *scope]

    async def get_many(self, keys: Sequence[Any]) -> Sequence[Exercise]:
        return (await self.session.scalars(select(Exercise).where(any_of(Exercise.id, keys), *self._scope()))).all()

    async def page(self, where: ExerciseCriteria, page: PageRequest) -> Sequence[Exercise]:
        statement = keyset(
            select(Exercise).where(*self._listed(where)),
            EXERCISE_SORT,
            Exercise.id,
            Direction.ASC,
            page,
        )
        return (await self.session.scalars(statement)).all()

    async def count(self, where: ExerciseCriteria) -> int:
        return int(
            await self.session.scalar(select(func.count()).select_from(Exercise).where(*self._listed(where))) or 0
        )

    async def transitions_of(self, ids: Sequence[uuid.UUID]) -> Sequence[ExerciseTransition]:
        return (
            await self.session.scalars(
                select(ExerciseTransition)
                .where(any_of(ExerciseTransition.exercise_id, ids))
                .order_by(ExerciseTransition.at)
            )
        ).all()


class ParticipationRepository(Repository[ExerciseParticipation]):
    """Requests to take part in exercises; given a caller, every read is scoped to those it may see."""

    model = ExerciseParticipation

    def _scope(self) -> list[ColumnElement[bool]]:
        return participations_visible_to(self.caller) if self.caller is not None else []

    async def get_many(self, keys: Sequence[Any]) -> Sequence[ExerciseParticipation]:
        return (
            await self.session.scalars(
                select(ExerciseParticipation).where(any_of(ExerciseParticipation.id, keys), *self._scope())
            )
        ).all()

    async def live_for(self, exercise_id: uuid.UUID, iso: str) -> ExerciseParticipation | None:
        return (
            await self.session.scalars(
                select(ExerciseParticipation).where(
                    ExerciseParticipation.exercise_id == exercise_id,
                    ExerciseParticipation.partner_iso == iso,
                    ExerciseParticipation.status.in_(LIVE_PARTICIPATION),
                )
            )
        ).first()

    async def of_exercise_for_change(self, exercise_id: uuid.UUID) -> Sequence[ExerciseParticipation]:
        return (
            await self.session.scalars(
                select(ExerciseParticipation)
                .where(ExerciseParticipation.exercise_id == exercise_id)
                .order_by(ExerciseParticipation.created_at)
                .with_for_update()
            )
        ).all()

    async def live_of(self, exercise_id: uuid.UUID) -> Sequence[ExerciseParticipation]:
        """An exercise's requests still alive, locked for a change."""
        return (
            await self.session.scalars(
                select(ExerciseParticipation)
                .where(
                    ExerciseParticipation.exercise_id == exercise_id,
                    ExerciseParticipation.status.in_(LIVE_PARTICIPATION),
                )
                .order_by(ExerciseParticipation.created_at)
                .with_for_update()
            )
        ).all()

    async def page(
        self, where: ParticipationCriteria, page: PageRequest, partner_iso: str | None = None
    ) -> Sequence[ExerciseParticipation]:
        mine = [ExerciseParticipation.partner_iso == partner_iso] if partner_iso else []
        statement = keyset(
            select(ExerciseParticipation).where(*where.conditions(), *mine, *self._scope()),
            PARTICIPATION_SORT,
            ExerciseParticipation.id,
            Direction.ASC,
            page,
        )
        return (await self.session.scalars(statement)).all()

    async def count(self, where: ParticipationCriteria, partner_iso: str | None = None) -> int:
        mine = [ExerciseParticipation.partner_iso == partner_iso] if partner_iso else []
        return int(
            await self.session.scalar(
                select(func.count())
                .select_from(ExerciseParticipation)
                .where(*where.conditions(), *mine, *self._scope())
            )
            or 0
        )

    async def pages_of(
        self, owner: Any, keys: Sequence[Any], where: ParticipationCriteria, page: PageRequest
    ) -> list[list[ExerciseParticipation]]:
        """Each owner's page (owner: the exercise_id or partner_iso column) in one statement."""
        scope = self._scope()

        def per_owner(key: list[Any]) -> Select[Any]:
            return keyset(
                select(ExerciseParticipation).where(owner == key[0], *where.conditions(), *scope),
                PARTICIPATION_SORT,
                ExerciseParticipation.id,
                Direction.ASC,
                page,
            )

        return await lateral_pages(
            self.session, ExerciseParticipation, [(k,) for k in keys], [_key_type(owner)], per_owner
        )

    async def counts_of(self, owner: Any, keys: Sequence[Any], where: ParticipationCriteria) -> list[int]:
        scope = self._scope()
        return await lateral_counts(
            self.session,
            [(k,) for k in keys],
            [_key_type(owner)],
            lambda key: (
                select(func.count())
                .select_from(ExerciseParticipation)
                .where(and_(owner == key[0], *where.conditions(), *scope))
            ),
        )

    async def transitions_of(self, ids: Sequence[uuid.UUID]) -> Sequence[ExerciseParticipationTransition]:
        return (
            await self.session.scalars(
                select(ExerciseParticipationTransition)
                .where(any_of(ExerciseParticipationTransition.participation_id, ids))
                .order_by(ExerciseParticipationTransition.at)
            )
        ).all()


def _key_type(owner: Any) -> Any:
    return UUID(as_uuid=True) if owner is ExerciseParticipation.exercise_id else Text


class ExercisesLoaders:
    """Per-request loaders of exercises and requests to take part, scoped to the caller. Its own state has
    double-underscore names, so the service's loaders class can derive from it and its siblings."""

    def __init__(self, session: AsyncSession, caller: Actor) -> None:
        self.caller = caller
        exercises, participations = ExerciseRepository(session, caller), ParticipationRepository(session, caller)
        self.exercise_by_id = one_per_key(exercises.get_many, lambda e: e.id)
        self.exercise_transitions = many_per_key(exercises.transitions_of, lambda t: t.exercise_id)
        self.participation_by_id = one_per_key(participations.get_many, lambda p: p.id)
        self.participation_transitions = many_per_key(participations.transitions_of, lambda t: t.participation_id)
        self.__participations = participations
        self.__built: dict[Any, Any] = {}

    def participations(
        self, owner: Any, where: ParticipationCriteria
    ) -> tuple[DataLoader[PagedKey[Any], list[Any]], DataLoader[Any, int]]:
        """Pages and counts of exercise participation requests by owner (ExerciseParticipation.exercise_id or
        .partner_iso), scoped to what the caller may see."""

        def build() -> Any:
            async def pages(keys: list[Any], page: PageRequest) -> list[list[Any]]:
                return await self.__participations.pages_of(owner, keys, where, page)

            async def counts(keys: list[Any]) -> list[int]:
                return await self.__participations.counts_of(owner, keys, where)

            return pages_per_key(pages), DataLoader(load_fn=counts)

        return self.__for(("participations", owner.key, where), build)

    def __for(self, query: Any, build: Any) -> Any:
        if query not in self.__built:
            self.__built[query] = build()
        return self.__built[query]
