"""Every SQL statement about nominations, participants and feedback, and their loaders; every read a caller
asks for is scoped to it."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, false, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.dataloader import DataLoader

from menu.activities.models import Activity
from menu.participation.access import READ_NOMINATIONS
from menu.participation.models import Feedback, Nomination, NominationTransition, Participant
from menu.participation.rules import HOLDS_SEAT, STILL_TO_HAPPEN, NominationStatus, Waiting
from shared.auth import Actor, Role
from shared.db import any_of
from shared.graphql.loaders import PagedKey, many_per_key, one_per_key, pages_per_key
from shared.graphql.pagination import PageRequest
from shared.ordering import Direction, SortKey, keyset
from shared.repository import Repository, lateral_pages

NOMINATION_SORT: SortKey[Nomination] = SortKey(Nomination.arrival, lambda n: n.arrival)


def nominations_visible_to(caller: Actor) -> list[ColumnElement[bool]]:
    """Which nominations a caller may see, in SQL: staff, allies and systems all (their people's personal
    data apart); a provider those to its own activities; a partner its own."""
    READ_NOMINATIONS.require(caller)
    if caller.is_(Role.STAFF, Role.SYSTEM, Role.ALLY):
        return []
    if caller.is_(Role.PROVIDER):
        own = select(Activity.id).where(
            Activity.id == Nomination.activity_id, Activity.pcm_ref.startswith(f"{caller.provider}.", autoescape=True)
        )
        return [own.exists()]
    if caller.is_(Role.PARTNER):
        return [Nomination.partner_iso == caller.partner_only]
    return [false()]


def participants_visible_to(caller: Actor) -> list[ColumnElement[bool]]:
    """Whose personal data a caller may see: staff everyone's, a partner its own people's, a provider
    those nominated to its activities; allies and systems nobody's."""
    if caller.is_(Role.STAFF):
        return []
    if caller.is_(Role.PARTNER):
        return [Participant.partner_iso == caller.partner_only]
    if caller.is_(Role.PROVIDER):
        theirs = (
            select(Nomination.id)
            .join(Activity, Activity.id == Nomination.activity_id)
            .where(
                Nomination.participant_id == Participant.id,
                Activity.pcm_ref.startswith(f"{caller.provider}.", autoescape=True),
            )
        )
        return [theirs.exists()]
    return [false()]


def feedback_visible_to(caller: Actor) -> list[ColumnElement[bool]]:
    """Whose individual feedback reports a caller may read: as with personal data (the free text may name
    people); anyone reads an occurrence's averages."""
    if caller.is_(Role.STAFF):
        return []
    if caller.is_(Role.PARTNER):
        return [
            select(Nomination.id)
            .where(Nomination.id == Feedback.nomination_id, Nomination.partner_iso == caller.partner_only)
            .exists()
        ]
    if caller.is_(Role.PROVIDER):
        return [
            select(Activity.id)
            .join(Nomination, Nomination.activity_id == Activity.id)
            .where(
                Nomination.id == Feedback.nomination_id,
                Activity.pcm_ref.startswith(f"{caller.provider}.", autoescape=True),
            )
            .exists()
        ]
    return [false()]


@dataclass(frozen=True)
class NominationCriteria:
    statuses: tuple[NominationStatus, ...] = ()
    occurrence_ids: tuple[uuid.UUID, ...] = ()

    def conditions(self) -> list[ColumnElement[bool]]:
        where: list[ColumnElement[bool]] = []
        if self.statuses:
            where.append(any_of(Nomination.status, self.statuses))
        if self.occurrence_ids:
            where.append(any_of(Nomination.occurrence_id, self.occurrence_ids))
        return where


@dataclass(frozen=True)
class SeatCount:
    taken: int = 0
    waitlisted: int = 0


@dataclass(frozen=True)
class FeedbackSummary:
    reports: int = 0
    content: float | None = None
    delivery: float | None = None
    relevance: float | None = None


class NominationRepository(Repository[Nomination]):
    """Nominations; given a caller, every read of nominations is scoped to those it may see, and of feedback
    reports to those it may read (seats and averages are counts anyone may see)."""

    model = Nomination

    def _scope(self) -> list[ColumnElement[bool]]:
        return nominations_visible_to(self.caller) if self.caller is not None else []

    async def occurrence_of(self, nomination_id: uuid.UUID) -> uuid.UUID | None:
        return await self.session.scalar(select(Nomination.occurrence_id).where(Nomination.id == nomination_id))

    async def forget_texts_of(self, participant_id: uuid.UUID) -> None:
        """Clear the free text of a participant's nominations: feedback comments, reasons, history reasons."""
        theirs = select(Nomination.id).where(Nomination.participant_id == participant_id).scalar_subquery()
        await self.session.execute(update(Feedback).where(Feedback.nomination_id.in_(theirs)).values(comment=None))
        await self.session.execute(
            update(Nomination).where(Nomination.participant_id == participant_id).values(status_reason=None)
        )
        await self.session.execute(
            update(NominationTransition).where(NominationTransition.nomination_id.in_(theirs)).values(reason=None)
        )

    async def seat_holders(self, occurrence_id: uuid.UUID) -> list[str]:
        """The partner of each nomination holding a seat of the occurrence."""
        return list(
            (
                await self.session.scalars(
                    select(Nomination.partner_iso).where(
                        Nomination.occurrence_id == occurrence_id, any_of(Nomination.status, tuple(HOLDS_SEAT))
                    )
                )
            ).all()
        )

    async def waitlist(self, occurrence_id: uuid.UUID) -> list[Waiting[uuid.UUID]]:
        rows = await self.session.execute(
            select(Nomination.id, Nomination.partner_iso)
            .where(Nomination.occurrence_id == occurrence_id, Nomination.status == NominationStatus.WAITLISTED)
            .order_by(Nomination.arrival)
        )
        return [Waiting(key, iso) for key, iso in rows.all()]

    async def locked(self, ids: Sequence[uuid.UUID]) -> Sequence[Nomination]:
        return (
            await self.session.scalars(
                select(Nomination).where(any_of(Nomination.id, ids)).order_by(Nomination.arrival).with_for_update()
            )
        ).all()

    async def live_for(self, occurrence_id: uuid.UUID, participant_id: uuid.UUID) -> Nomination | None:
        """The participant's nomination to the occurrence that is neither declined nor withdrawn."""
        return (
            await self.session.scalars(
                select(Nomination).where(
                    Nomination.occurrence_id == occurrence_id,
                    Nomination.participant_id == participant_id,
                    Nomination.status.not_in([NominationStatus.DECLINED, NominationStatus.WITHDRAWN]),
                )
            )
        ).first()

    async def live_for_email(self, occurrence_id: uuid.UUID, partner_iso: str, email: str) -> bool:
        """Whether the partner's participant with this email holds a live nomination to the occurrence."""
        found = await self.session.scalar(
            select(Nomination.id)
            .join(Participant, Participant.id == Nomination.participant_id)
            .where(
                Nomination.occurrence_id == occurrence_id,
                Participant.partner_iso == partner_iso,
                Participant.email == email,
                Nomination.status.not_in([NominationStatus.DECLINED, NominationStatus.WITHDRAWN]),
            )
        )
        return found is not None

    async def of_occurrence(
        self, occurrence_id: uuid.UUID, statuses: Sequence[NominationStatus]
    ) -> Sequence[Nomination]:
        return (
            await self.session.scalars(
                select(Nomination)
                .where(Nomination.occurrence_id == occurrence_id, any_of(Nomination.status, statuses))
                .order_by(Nomination.arrival)
                .with_for_update()
            )
        ).all()

    async def get_many(self, keys: Sequence[Any]) -> Sequence[Nomination]:
        return (await self.session.scalars(select(Nomination).where(any_of(Nomination.id, keys), *self._scope()))).all()

    async def pages_of(
        self, owner: Any, keys: Sequence[Any], where: NominationCriteria, page: PageRequest
    ) -> list[list[Nomination]]:
        """Each owner's page (an occurrence's or a partner's, by `owner`, its column), in arrival order."""
        scope = self._scope()

        def per_owner(key: list[Any]) -> Select[Any]:
            statement = select(Nomination).where(owner == key[0], *where.conditions(), *scope)
            return keyset(statement, NOMINATION_SORT, Nomination.id, Direction.ASC, page)

        return await lateral_pages(self.session, Nomination, [(k,) for k in keys], [owner.type], per_owner)

    async def counts_of(self, owner: Any, keys: Sequence[Any], where: NominationCriteria) -> list[int]:
        found: dict[Any, int] = dict(
            (
                await self.session.execute(
                    select(owner, func.count())
                    .where(any_of(owner, keys), *where.conditions(), *self._scope())
                    .group_by(owner)
                )
            ).all()
        )
        return [found.get(k, 0) for k in keys]

    async def seats_of(self, occurrence_ids: Sequence[uuid.UUID]) -> list[SeatCount]:
        """Seats taken and nominations waitlisted, per occurrence: counts anyone may see."""
        taken = func.count().filter(any_of(Nomination.status, tuple(HOLDS_SEAT)))
        waiting = func.count().filter(Nomination.status == NominationStatus.WAITLISTED)
        rows = await self.session.execute(
            select(Nomination.occurrence_id, taken, waiting)
            .where(any_of(Nomination.occurrence_id, occurrence_ids))
            .group_by(Nomination.occurrence_id)
        )
        found = {occurrence: SeatCount(t, w) for occurrence, t, w in rows.all()}
        return [found.get(o, SeatCount()) for o in occurrence_ids]

    async def feedback_of(self, occurrence_ids: Sequence[uuid.UUID]) -> list[FeedbackSummary]:
        rows = await self.session.execute(
            select(
                Feedback.occurrence_id,
                func.count(),
                func.avg(Feedback.content),
                func.avg(Feedback.delivery),
                func.avg(Feedback.relevance),
            )
            .where(any_of(Feedback.occurrence_id, occurrence_ids))
            .group_by(Feedback.occurrence_id)
        )
        found = {o: FeedbackSummary(n, float(c), float(d), float(r)) for o, n, c, d, r in rows.all()}
        return [found.get(o, FeedbackSummary()) for o in occurrence_ids]

    async def feedback(self, nomination_ids: Sequence[uuid.UUID]) -> Sequence[Feedback]:
        scope = feedback_visible_to(self.caller) if self.caller is not None else []
        return (
            await self.session.scalars(select(Feedback).where(any_of(Feedback.nomination_id, nomination_ids), *scope))
        ).all()

    async def still_to_happen(self, owner: Any, keys: Sequence[uuid.UUID]) -> Sequence[Nomination]:
        """The nominations of these occurrences or activities (`owner`, the column) that are still to happen:
        nominated, waitlisted or confirmed."""
        return (
            await self.session.scalars(
                select(Nomination)
                .where(any_of(owner, keys), Nomination.status.in_(STILL_TO_HAPPEN))
                .order_by(Nomination.arrival)
            )
        ).all()

    async def transitions(self, nomination_ids: Sequence[uuid.UUID]) -> Sequence[NominationTransition]:
        return (
            await self.session.scalars(
                select(NominationTransition)
                .where(any_of(NominationTransition.nomination_id, nomination_ids))
                .order_by(NominationTransition.at, NominationTransition.id)
            )
        ).all()


class ParticipantRepository(Repository[Participant]):
    """Participants; given a caller, those whose personal data it may see."""

    model = Participant

    async def by_email(self, partner_iso: str, email: str, for_update: bool = False) -> Participant | None:
        statement = select(Participant).where(Participant.partner_iso == partner_iso, Participant.email == email)
        if for_update:
            statement = statement.with_for_update().execution_options(populate_existing=True)
        return (await self.session.scalars(statement)).first()

    async def get_many(self, keys: Sequence[Any]) -> Sequence[Participant]:
        scope = participants_visible_to(self.caller) if self.caller is not None else []
        return (await self.session.scalars(select(Participant).where(any_of(Participant.id, keys), *scope))).all()


class ParticipationLoaders:
    """Per-request loaders of nominations, participants and feedback, scoped to the caller. Its own state has
    double-underscore names, so the service's loaders class can derive from it and its siblings."""

    def __init__(self, session: AsyncSession, caller: Actor) -> None:
        self.caller = caller
        nominations, participants = NominationRepository(session, caller), ParticipantRepository(session, caller)
        self.nomination_by_id = one_per_key(nominations.get_many, lambda n: n.id)
        self.participant_by_id = one_per_key(participants.get_many, lambda p: p.id)
        self.seats = DataLoader(load_fn=nominations.seats_of)
        self.feedback_summary = DataLoader(load_fn=nominations.feedback_of)
        self.feedback_report = one_per_key(nominations.feedback, lambda f: f.nomination_id)
        self.nomination_transitions = many_per_key(nominations.transitions, lambda t: t.nomination_id)
        self.__nominations = nominations
        self.__built: dict[Any, Any] = {}

    def nominations(
        self, owner: Any, where: NominationCriteria
    ) -> tuple[DataLoader[PagedKey[Any], list[Nomination]], DataLoader[Any, int]]:
        """Pages and counts of nominations by owner (`owner`: Nomination.occurrence_id or .partner_iso),
        scoped to what the caller may see."""

        def build() -> Any:
            async def pages(keys: list[Any], page: PageRequest) -> list[list[Nomination]]:
                return await self.__nominations.pages_of(owner, keys, where, page)

            async def counts(keys: list[Any]) -> list[int]:
                return await self.__nominations.counts_of(owner, keys, where)

            return pages_per_key(pages), DataLoader(load_fn=counts)

        return self.__for(("nominations", owner.key, where), build)

    def __for(self, query: Any, build: Any) -> Any:
        if query not in self.__built:
            self.__built[query] = build()
        return self.__built[query]
