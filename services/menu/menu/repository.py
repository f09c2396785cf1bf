"""Every SQL statement of the menu. Lists are keyset-paged; loaders fetch many keys in one statement."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    Text,
    and_,
    bindparam,
    cast,
    delete,
    false,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY, UUID, array
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.dataloader import DataLoader

from menu.domain import PENDING_OCCURRENCE, ActivityKind, ActivityLevel, ActivityStatus, OccurrenceStatus, ProviderKind
from menu.exercise_repository import ExerciseRepository, ParticipationCriteria, ParticipationRepository
from menu.impacts import CommittedTo
from menu.models import (
    NEXT_START_OR_LAST,
    Activity,
    AreaOfCooperation,
    Base,
    Commitment,
    CommitmentSource,
    Feedback,
    KnownPartner,
    Nomination,
    NominationTransition,
    Occurrence,
    Participant,
)
from menu.participation import HOLDS_SEAT, STILL_TO_HAPPEN, NominationStatus, Waiting
from menu.provider_repository import ProviderRepository
from shared.auth import Actor, Role
from shared.db import any_of
from shared.graphql.history import HistoryLoaders
from shared.graphql.loaders import PagedKey, many_per_key, one_per_key, pages_per_key
from shared.graphql.pagination import PageRequest
from shared.ordering import Direction, Ordering, SortKey, keyset
from shared.readmodel import PartnerReadModel, Standing, upsert_if_newer
from shared.repository import Repository, lateral_counts, lateral_pages, lateral_view_pages
from shared.views import Views
from shared.wps import WpsMarker

FAR_FUTURE = date(9999, 12, 31)
# What a search for a menu reference looks like: a provider code, perhaps a dot and digits ("NSO.99").
PCM_REF_PREFIX = re.compile(r"^[A-Z][A-Z0-9]{1,9}(\.\d{0,6})?$")


class ActivityOrder(str, Enum):
    TITLE = "TITLE"
    START_DATE = "START_DATE"
    PCM_REF = "PCM_REF"


ACTIVITY_SORT: dict[ActivityOrder, SortKey[Activity]] = {
    ActivityOrder.TITLE: SortKey(Activity.title, lambda a: a.title, reads=("title",)),
    ActivityOrder.PCM_REF: SortKey(Activity.pcm_ref, lambda a: a.pcm_ref, reads=("pcm_ref",)),
    ActivityOrder.START_DATE: SortKey(
        NEXT_START_OR_LAST,
        lambda a: (a.next_start_date or FAR_FUTURE).isoformat(),
        date.fromisoformat,
        reads=("next_start_date",),
    ),
}
# What lists and entity batches read of an activity: the columns their query selects.
ACTIVITY_VIEWS = Views(Activity)
AREA_VIEWS = Views(AreaOfCooperation, always=("code",))


ActivityOrdering = Ordering[Activity]


@dataclass(frozen=True)
class ActivityCriteria:
    """A catalogue query; hashable, so loaders can batch the owners that ask the same one."""

    area_codes: tuple[str, ...] = ()
    kinds: tuple[ActivityKind, ...] = ()
    statuses: tuple[ActivityStatus, ...] = ()
    frameworks: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    levels: tuple[ActivityLevel, ...] = ()
    tags: tuple[str, ...] = ()
    provider_kinds: tuple[ProviderKind, ...] = ()
    providers: tuple[str, ...] = ()
    provider_codes: tuple[str, ...] = ()
    wps_markers: tuple[WpsMarker, ...] = ()
    open_to: tuple[str, str] | None = None  # (framework, iso) of a partner
    starts_from: date | None = None
    starts_to: date | None = None
    search: str | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        where: list[ColumnElement[bool]] = []
        if self.area_codes:
            where.append(any_of(Activity.area_code, self.area_codes))
        if self.kinds:
            where.append(any_of(Activity.kind, self.kinds))
        if self.statuses:
            where.append(any_of(Activity.status, self.statuses))
        if self.frameworks:
            where.append(Activity.frameworks.overlap(text_array(self.frameworks)))
        if self.languages:
            where.append(Activity.languages.overlap(text_array(self.languages)))
        if self.levels:
            where.append(any_of(Activity.level, self.levels))
        if self.tags:
            where.append(Activity.tags.overlap(text_array(self.tags)))
        if self.provider_kinds:
            where.append(any_of(Activity.provider_kind, self.provider_kinds))
        if self.providers:
            where.append(any_of(Activity.provider_name, self.providers))
        if self.provider_codes:
            where.append(any_of(Activity.provider_code, self.provider_codes))
        if self.wps_markers:
            where.append(any_of(Activity.wps_marker, self.wps_markers))
        if self.open_to is not None:
            where.append(_open_to(*self.open_to))
        if self.starts_from or self.starts_to:
            occurrence = select(Occurrence.id).where(
                Occurrence.activity_id == Activity.id,
                Occurrence.status != OccurrenceStatus.CANCELLED,
            )
            if self.starts_from:
                occurrence = occurrence.where(Occurrence.start_date >= self.starts_from)
            if self.starts_to:
                occurrence = occurrence.where(Occurrence.start_date <= self.starts_to)
            where.append(occurrence.exists())
        if self.search:
            words = Activity.search_vector.op("@@")(func.websearch_to_tsquery("english", self.search))
            reference = self.search.upper()
            where.append(
                or_(words, Activity.pcm_ref.startswith(reference, autoescape=True))
                if PCM_REF_PREFIX.match(reference)
                else words
            )
        return where


def _open_to(framework: Any, iso: Any) -> ColumnElement[bool]:
    return or_(
        Activity.frameworks.contains(array([cast(framework, Text)])),
        Activity.eligible_partners.contains(array([cast(iso, Text)])),
    )


def visible_to(caller: Actor) -> list[ColumnElement[bool]]:
    """What of the menu a caller may see, in SQL (menu.access.may_see says the same in Python)."""
    if caller.is_(Role.STAFF, Role.SYSTEM, Role.ALLY):
        return []
    if caller.is_(Role.PROVIDER):
        own = Activity.pcm_ref.startswith(f"{caller.provider}.", autoescape=True)
        return [or_(Activity.status != ActivityStatus.DRAFT, own)]
    if caller.is_(Role.PARTNER):
        iso = caller.partner_only
        framework = select(KnownPartner.framework).where(KnownPartner.iso == iso).scalar_subquery()
        return [Activity.status != ActivityStatus.DRAFT, _open_to(framework, iso)]
    return [false()]


def _eligible_to(framework: ColumnElement[Any], iso: ColumnElement[Any]) -> ColumnElement[bool]:
    """Published and open to the partner. Its framework is the menu's own copy's (programmes' word), not
    the one a representation carries; the representation's only for a partner the copy has not heard of."""
    known = (
        select(KnownPartner.framework).where(KnownPartner.iso == iso).correlate_except(KnownPartner).scalar_subquery()
    )
    return and_(Activity.status == ActivityStatus.PUBLISHED, _open_to(func.coalesce(known, framework), iso))


class ActivityRepository(Repository[Activity]):
    model = Activity

    async def by_pcm_refs(self, refs: Sequence[str], caller: Actor) -> Sequence[Activity]:
        return (
            await self.session.scalars(select(Activity).where(any_of(Activity.pcm_ref, refs), *visible_to(caller)))
        ).all()

    async def views_of(self, key: str, values: Sequence[Any], caller: Actor, columns: Sequence[str]) -> list[Any]:
        """Views (holding `columns`) of the activities whose `key` (id or pcm_ref) is one of `values`,
        of those the caller may see."""
        names = (*columns, key)
        statement = ACTIVITY_VIEWS.select(names).where(any_of(getattr(Activity, key), values), *visible_to(caller))
        return await ACTIVITY_VIEWS.all(self.session, statement, names)

    async def published_refs(self) -> Sequence[str]:
        return (
            await self.session.scalars(
                select(Activity.pcm_ref).where(Activity.status == ActivityStatus.PUBLISHED).order_by(Activity.pcm_ref)
            )
        ).all()

    async def pcm_ref_taken(self, pcm_ref: str) -> bool:
        return (await self.session.scalar(select(Activity.id).where(Activity.pcm_ref == pcm_ref))) is not None

    async def page(
        self, where: ActivityCriteria, order: ActivityOrdering, page: PageRequest, caller: Actor, columns: Sequence[str]
    ) -> Sequence[Any]:
        """A page of views holding `columns` (and what the cursor reads)."""
        names = (*columns, *order.sort.reads)
        statement = keyset(
            ACTIVITY_VIEWS.select(names).where(*where.conditions(), *visible_to(caller)),
            order.sort,
            Activity.id,
            order.direction,
            page,
        )
        return await ACTIVITY_VIEWS.all(self.session, statement, names)

    async def count(self, where: ActivityCriteria, caller: Actor) -> int:
        statement = select(func.count()).select_from(Activity).where(*where.conditions(), *visible_to(caller))
        return int(await self.session.scalar(statement) or 0)

    async def eligible_pages(
        self,
        partners: Sequence[tuple[str, str]],
        where: ActivityCriteria,
        order: ActivityOrdering,
        page: PageRequest,
        columns: Sequence[str],
    ) -> list[list[Any]]:
        """One statement for many partners: each partner's page (views holding `columns`) of published
        activities open to it."""
        names = (*columns, *order.sort.reads)

        def per_partner(key: list[Any]) -> Select[Any]:
            statement = ACTIVITY_VIEWS.select(names).where(_eligible_to(*key), *where.conditions())
            return keyset(statement, order.sort, Activity.id, order.direction, page)

        return await lateral_view_pages(self.session, ACTIVITY_VIEWS, names, partners, [Text, Text], per_partner)

    async def eligible_counts(self, partners: Sequence[tuple[str, str]], where: ActivityCriteria) -> list[int]:
        return await lateral_counts(
            self.session,
            partners,
            [Text, Text],
            lambda key: select(func.count()).select_from(Activity).where(_eligible_to(*key), *where.conditions()),
        )

    async def provider_pages(
        self,
        codes: Sequence[str],
        where: ActivityCriteria,
        order: ActivityOrdering,
        page: PageRequest,
        caller: Actor,
        columns: Sequence[str],
    ) -> list[list[Any]]:
        """One statement for many providers: each one's page (views holding `columns`) of its activities
        the caller may see."""
        names = (*columns, *order.sort.reads)

        def per_provider(key: list[Any]) -> Select[Any]:
            statement = ACTIVITY_VIEWS.select(names).where(
                Activity.provider_code == key[0], *where.conditions(), *visible_to(caller)
            )
            return keyset(statement, order.sort, Activity.id, order.direction, page)

        return await lateral_view_pages(
            self.session, ACTIVITY_VIEWS, names, [(c,) for c in codes], [Text], per_provider
        )

    async def provider_counts(self, codes: Sequence[str], where: ActivityCriteria, caller: Actor) -> list[int]:
        return await lateral_counts(
            self.session,
            [(c,) for c in codes],
            [Text],
            lambda key: (
                select(func.count())
                .select_from(Activity)
                .where(Activity.provider_code == key[0], *where.conditions(), *visible_to(caller))
            ),
        )

    async def of_provider_for_change(self, code: str) -> Sequence[Activity]:
        """Every activity of a provider, locked: its name or kind is about to be copied into them again."""
        return (
            await self.session.scalars(
                select(Activity).where(Activity.provider_code == code).order_by(Activity.pcm_ref).with_for_update()
            )
        ).all()

    async def refresh_next_start(self, activity_ids: Sequence[uuid.UUID], today: date) -> None:
        """Keep the denormalised sort key: the first start still to come, of occurrences not cancelled."""
        nxt = (
            select(func.min(Occurrence.start_date))
            .where(
                Occurrence.activity_id == Activity.id,
                Occurrence.start_date >= today,
                Occurrence.status.in_(PENDING_OCCURRENCE),
            )
            .scalar_subquery()
        )
        await self.session.execute(
            update(Activity).where(any_of(Activity.id, activity_ids)).values(next_start_date=nxt),
            execution_options={"synchronize_session": False},
        )


def text_array(values: Sequence[str]) -> Any:
    return bindparam(None, list(values), type_=ARRAY(Text))


OCCURRENCE_SORT: SortKey[Occurrence] = SortKey(
    Occurrence.start_date, lambda o: o.start_date.isoformat(), date.fromisoformat
)


class OccurrenceRepository(Repository[Occurrence]):
    model = Occurrence

    async def visible(self, ids: Sequence[uuid.UUID], caller: Actor) -> Sequence[Occurrence]:
        """Occurrences of activities the caller may see."""
        return (
            await self.session.scalars(
                select(Occurrence)
                .join(Activity, Activity.id == Occurrence.activity_id)
                .where(any_of(Occurrence.id, ids), *visible_to(caller))
            )
        ).all()

    async def pages_of(
        self, activity_ids: Sequence[uuid.UUID], statuses: tuple[OccurrenceStatus, ...], page: PageRequest
    ) -> list[list[Occurrence]]:
        """Each activity's page of occurrences, earliest first, in one statement."""

        def per_activity(key: list[Any]) -> Select[Any]:
            statement = select(Occurrence).where(Occurrence.activity_id == key[0], *self._having(statuses))
            return keyset(statement, OCCURRENCE_SORT, Occurrence.id, Direction.ASC, page)

        return await lateral_pages(
            self.session, Occurrence, [(a,) for a in activity_ids], [UUID(as_uuid=True)], per_activity
        )

    async def counts_of(self, activity_ids: Sequence[uuid.UUID], statuses: tuple[OccurrenceStatus, ...]) -> list[int]:
        found = dict(
            (
                await self.session.execute(
                    select(Occurrence.activity_id, func.count())
                    .where(any_of(Occurrence.activity_id, activity_ids), *self._having(statuses))
                    .group_by(Occurrence.activity_id)
                )
            ).all()
        )
        return [found.get(a, 0) for a in activity_ids]

    @staticmethod
    def _having(statuses: tuple[OccurrenceStatus, ...]) -> list[ColumnElement[bool]]:
        return [any_of(Occurrence.status, statuses)] if statuses else []

    async def pending_of(self, activity_id: uuid.UUID) -> Sequence[Occurrence]:
        return (
            await self.session.scalars(
                select(Occurrence)
                .where(Occurrence.activity_id == activity_id, Occurrence.status.in_(PENDING_OCCURRENCE))
                .order_by(Occurrence.start_date)
                .with_for_update()
            )
        ).all()


NOMINATION_SORT: SortKey[Nomination] = SortKey(Nomination.arrival, lambda n: n.arrival)


def nominations_visible_to(caller: Actor) -> list[ColumnElement[bool]]:
    """Which nominations a caller may see, in SQL: staff, allies and systems all (their people's personal
    data apart); a provider those to its own activities; a partner its own."""
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
    model = Nomination

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

    async def visible(self, ids: Sequence[uuid.UUID], caller: Actor) -> Sequence[Nomination]:
        return (
            await self.session.scalars(
                select(Nomination).where(any_of(Nomination.id, ids), *nominations_visible_to(caller))
            )
        ).all()

    async def pages_of(
        self, owner: Any, keys: Sequence[Any], where: NominationCriteria, page: PageRequest, caller: Actor
    ) -> list[list[Nomination]]:
        """Each owner's page (an occurrence's or a partner's, by `owner`, its column), in arrival order."""

        def per_owner(key: list[Any]) -> Select[Any]:
            statement = select(Nomination).where(owner == key[0], *where.conditions(), *nominations_visible_to(caller))
            return keyset(statement, NOMINATION_SORT, Nomination.id, Direction.ASC, page)

        return await lateral_pages(self.session, Nomination, [(k,) for k in keys], [owner.type], per_owner)

    async def counts_of(self, owner: Any, keys: Sequence[Any], where: NominationCriteria, caller: Actor) -> list[int]:
        found: dict[Any, int] = dict(
            (
                await self.session.execute(
                    select(owner, func.count())
                    .where(any_of(owner, keys), *where.conditions(), *nominations_visible_to(caller))
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

    async def feedback(self, nomination_ids: Sequence[uuid.UUID], caller: Actor | None = None) -> Sequence[Feedback]:
        scope = feedback_visible_to(caller) if caller is not None else []
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
    model = Participant

    async def by_email(self, partner_iso: str, email: str, for_update: bool = False) -> Participant | None:
        statement = select(Participant).where(Participant.partner_iso == partner_iso, Participant.email == email)
        if for_update:
            statement = statement.with_for_update().execution_options(populate_existing=True)
        return (await self.session.scalars(statement)).first()

    async def visible(self, ids: Sequence[uuid.UUID], caller: Actor) -> Sequence[Participant]:
        return (
            await self.session.scalars(
                select(Participant).where(any_of(Participant.id, ids), *participants_visible_to(caller))
            )
        ).all()


class CommitmentRepository:
    """The menu's copy of partners' commitments to its activities (programmes' plans, capacity's measures)."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def replace(
        self,
        source_id: uuid.UUID,
        kind: str,
        partner_iso: str,
        version: int,
        commitments: Sequence[CommittedTo],
        standing: Standing,
    ) -> bool:
        """A source's commitments as of `version`, in place of those held; False when it holds this version
        or a newer one already."""
        if not await upsert_if_newer(
            self.session,
            CommitmentSource,
            "id",
            {"id": source_id, "kind": kind, "partner_iso": partner_iso, "version": version},
            standing,
        ):
            return False
        await self.session.execute(delete(Commitment).where(Commitment.source_id == source_id))
        if commitments:
            await self.session.execute(
                insert(Commitment),
                [
                    {
                        "source_id": c.source_id,
                        "item_id": c.item_id,
                        "activity_id": c.activity_id,
                        "kind": c.kind.value,
                        "partner_iso": c.partner_iso,
                        "year": c.year,
                    }
                    for c in commitments
                ],
            )
        return True

    async def of_activities(self, activity_ids: Sequence[uuid.UUID]) -> Sequence[Commitment]:
        return (
            await self.session.scalars(
                select(Commitment)
                .where(any_of(Commitment.activity_id, activity_ids))
                .order_by(Commitment.partner_iso, Commitment.kind, Commitment.year, Commitment.item_id)
            )
        ).all()


class AreaRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def all(self) -> Sequence[AreaOfCooperation]:
        return (await self.session.scalars(select(AreaOfCooperation).order_by(AreaOfCooperation.code))).all()

    async def get_many(self, codes: Sequence[str]) -> Sequence[Any]:
        """Views of the areas with these codes (the table is small: every column)."""
        names = AREA_VIEWS.table.c.keys()
        statement = AREA_VIEWS.select(names).where(any_of(AreaOfCooperation.code, codes))
        return await AREA_VIEWS.all(self.session, statement, names)

    async def exists(self, code: str) -> bool:
        found = await self.session.scalar(select(AreaOfCooperation.code).where(AreaOfCooperation.code == code))
        return found is not None

    async def count(self) -> int:
        return int(await self.session.scalar(select(func.count()).select_from(AreaOfCooperation)) or 0)


def known_partners(session: AsyncSession) -> PartnerReadModel:
    """The menu's copy of programmes' partners (for named eligibility and the openTo filter)."""
    return PartnerReadModel(session, KnownPartner)


class MenuLoaders:
    """Per-request loaders: every field that reaches another row goes through one of these."""

    def __init__(self, session: AsyncSession, caller: Actor) -> None:
        self.caller = caller
        self._activities = ActivityRepository(session)
        self._occurrences = OccurrenceRepository(session)
        areas = AreaRepository(session)
        # Everything a request reads is scoped to its caller here: root fields, entities and nested fields.
        self.occurrence_by_id = one_per_key(lambda ids: self._occurrences.visible(ids, caller), lambda o: o.id)
        self.area_by_code = one_per_key(areas.get_many, lambda a: a.code)
        nominations, participants = NominationRepository(session), ParticipantRepository(session)
        self.nomination_by_id = one_per_key(lambda ids: nominations.visible(ids, caller), lambda n: n.id)
        self.participant_by_id = one_per_key(lambda ids: participants.visible(ids, caller), lambda p: p.id)
        self.seats = DataLoader(load_fn=nominations.seats_of)
        self.feedback_summary = DataLoader(load_fn=nominations.feedback_of)
        self.feedback_report = one_per_key(lambda ids: nominations.feedback(ids, caller), lambda f: f.nomination_id)
        self.nomination_transitions = many_per_key(nominations.transitions, lambda t: t.nomination_id)
        self.history = HistoryLoaders(session, Base.metadata.tables["aggregate_history"])
        providers = ProviderRepository(session)
        self.provider_by_code = one_per_key(providers.get_many, lambda p: p.code)
        self.provider_transitions = many_per_key(providers.transitions_of, lambda t: t.provider_code)
        exercises, participations = ExerciseRepository(session), ParticipationRepository(session)
        self.exercise_by_id = one_per_key(lambda ids: exercises.visible(ids, caller), lambda e: e.id)
        self.exercise_transitions = many_per_key(exercises.transitions_of, lambda t: t.exercise_id)
        self.participation_by_id = one_per_key(lambda ids: participations.visible(ids, caller), lambda p: p.id)
        self.participation_transitions = many_per_key(participations.transitions_of, lambda t: t.participation_id)
        self._participations = participations
        self._nominations = nominations
        self._by_query: dict[Any, Any] = {}

    def activity_by_id(self, columns: tuple[str, ...]) -> DataLoader[uuid.UUID, Any]:
        """Views holding `columns` of the activities the caller may see, by id (one loader per columns)."""
        return self._for(
            ("activity_by_id", columns),
            lambda: one_per_key(lambda ids: self._activities.views_of("id", ids, self.caller, columns), lambda a: a.id),
        )

    def activity_by_pcm_ref(self, columns: tuple[str, ...]) -> DataLoader[str, Any]:
        return self._for(
            ("activity_by_pcm_ref", columns),
            lambda: one_per_key(
                lambda refs: self._activities.views_of("pcm_ref", refs, self.caller, columns), lambda a: a.pcm_ref
            ),
        )

    def occurrences(
        self, statuses: tuple[OccurrenceStatus, ...]
    ) -> tuple[DataLoader[PagedKey[uuid.UUID], list[Occurrence]], DataLoader[uuid.UUID, int]]:
        """Pages and counts of activities' occurrences: owners asking the same thing share a statement."""

        def build() -> Any:
            async def pages(keys: list[uuid.UUID], page: PageRequest) -> list[list[Occurrence]]:
                return await self._occurrences.pages_of(keys, statuses, page)

            async def counts(keys: list[uuid.UUID]) -> list[int]:
                return await self._occurrences.counts_of(keys, statuses)

            return pages_per_key(pages), DataLoader(load_fn=counts)

        return self._for(("occurrences", statuses), build)

    def eligible(
        self, where: ActivityCriteria, order: ActivityOrdering, columns: tuple[str, ...]
    ) -> tuple[DataLoader[PagedKey[tuple[str, str]], list[Any]], DataLoader[tuple[str, str], int]]:
        """Pages (views holding `columns`) and counts of partners' eligible activities, keyed by (framework, iso)."""

        def build() -> Any:
            # A partner reads its own list only: another partner's would show what is open to that one by name.
            own = self.caller.partner_only

            async def pages(keys: list[tuple[str, str]], page: PageRequest) -> list[list[Any]]:
                shown = [k for k in keys if own is None or k[1] == own]
                found = dict(
                    zip(shown, await self._activities.eligible_pages(shown, where, order, page, columns), strict=True)
                )
                return [found.get(k, []) for k in keys]

            async def counts(keys: list[tuple[str, str]]) -> list[int]:
                shown = [k for k in keys if own is None or k[1] == own]
                found = dict(zip(shown, await self._activities.eligible_counts(shown, where), strict=True))
                return [found.get(k, 0) for k in keys]

            return pages_per_key(pages), DataLoader(load_fn=counts)

        return self._for(("eligible", where, order, columns), build)

    def of_providers(
        self, where: ActivityCriteria, order: ActivityOrdering, columns: tuple[str, ...]
    ) -> tuple[DataLoader[PagedKey[str], list[Any]], DataLoader[str, int]]:
        """Pages (views holding `columns`) and counts of providers' activities the caller may see, by code."""

        def build() -> Any:
            async def pages(keys: list[str], page: PageRequest) -> list[list[Any]]:
                return await self._activities.provider_pages(keys, where, order, page, self.caller, columns)

            async def counts(keys: list[str]) -> list[int]:
                return await self._activities.provider_counts(keys, where, self.caller)

            return pages_per_key(pages), DataLoader(load_fn=counts)

        return self._for(("of_providers", where, order, columns), build)

    def nominations(
        self, owner: Any, where: NominationCriteria
    ) -> tuple[DataLoader[PagedKey[Any], list[Nomination]], DataLoader[Any, int]]:
        """Pages and counts of nominations by owner (`owner`: Nomination.occurrence_id or .partner_iso),
        scoped to what the caller may see."""

        def build() -> Any:
            async def pages(keys: list[Any], page: PageRequest) -> list[list[Nomination]]:
                return await self._nominations.pages_of(owner, keys, where, page, self.caller)

            async def counts(keys: list[Any]) -> list[int]:
                return await self._nominations.counts_of(owner, keys, where, self.caller)

            return pages_per_key(pages), DataLoader(load_fn=counts)

        return self._for(("nominations", owner.key, where), build)

    def participations(
        self, owner: Any, where: ParticipationCriteria
    ) -> tuple[DataLoader[PagedKey[Any], list[Any]], DataLoader[Any, int]]:
        """Pages and counts of exercise participation requests by owner (ExerciseParticipation.exercise_id or
        .partner_iso), scoped to what the caller may see."""

        def build() -> Any:
            async def pages(keys: list[Any], page: PageRequest) -> list[list[Any]]:
                return await self._participations.pages_of(owner, keys, where, page, self.caller)

            async def counts(keys: list[Any]) -> list[int]:
                return await self._participations.counts_of(owner, keys, where, self.caller)

            return pages_per_key(pages), DataLoader(load_fn=counts)

        return self._for(("participations", owner.key, where), build)

    def _for(self, query: Any, build: Any) -> Any:
        if query not in self._by_query:
            self._by_query[query] = build()
        return self._by_query[query]
