"""Every SQL statement about the Interoperability Platform's meetings and actions, the reads scoped to the caller,
and the Platform's loaders of a request."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Text, cast, func, select
from sqlalchemy.dialects.postgresql import UUID, array
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.dataloader import DataLoader

from programmes.partners.access import sees_partner
from programmes.partners.models import Partner
from programmes.platform.access import READ_PLATFORM
from programmes.platform.models import (
    ActionAssignment,
    ActionTransition,
    CommonAction,
    MeetingTransition,
    PlatformMeeting,
)
from programmes.platform.rules import ActionStatus, MeetingFormat, MeetingStatus
from shared.auth import Actor
from shared.db import any_of
from shared.errors import BadUserInput
from shared.graphql.loaders import many_per_key, one_per_key, pages_per_key
from shared.graphql.pagination import PageRequest
from shared.ordering import Direction, SortKey, keyset
from shared.repository import Repository, lateral_counts, lateral_pages


def _has(column: Any, iso: Any) -> ColumnElement[bool]:
    """The array column holds the partner (a value, or a key column of a lateral page)."""
    return column.contains(array([cast(iso, Text)]))


@dataclass(frozen=True)
class MeetingCriteria:
    statuses: tuple[MeetingStatus, ...] = ()
    formats: tuple[MeetingFormat, ...] = ()
    held_from: date | None = None
    held_to: date | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        where: list[ColumnElement[bool]] = []
        if self.statuses:
            where.append(any_of(PlatformMeeting.status, self.statuses))
        if self.formats:
            where.append(any_of(PlatformMeeting.format, self.formats))
        if self.held_from:
            where.append(PlatformMeeting.held_on >= self.held_from)
        if self.held_to:
            where.append(PlatformMeeting.held_on <= self.held_to)
        return where


@dataclass(frozen=True)
class ActionCriteria:
    statuses: tuple[ActionStatus, ...] = ()
    assignee: str | None = None
    meeting_id: uuid.UUID | None = None
    due_before: date | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        where: list[ColumnElement[bool]] = []
        if self.statuses:
            where.append(any_of(CommonAction.status, self.statuses))
        if self.assignee:
            where.append(_has(CommonAction.assignees, self.assignee))
        if self.meeting_id:
            where.append(CommonAction.meeting_id == self.meeting_id)
        if self.due_before:
            where.append(CommonAction.due_on <= self.due_before)
        return where


MEETING_SORT: SortKey[PlatformMeeting] = SortKey(
    PlatformMeeting.held_on, lambda m: m.held_on.isoformat(), date.fromisoformat
)
ACTION_SORT: SortKey[CommonAction] = SortKey(CommonAction.due_on, lambda a: a.due_on.isoformat(), date.fromisoformat)


class MeetingRepository(Repository[PlatformMeeting]):
    """Meetings. Given the caller, every read is scoped to what it may see: a partner the meetings it took part
    in; staff, Allies and systems all. Without one (use cases, snapshots), nothing is filtered."""

    model = PlatformMeeting

    def _scope(self) -> list[ColumnElement[bool]]:
        if self.caller is None:
            return []
        READ_PLATFORM.require(self.caller)
        own = self.caller.partner_only
        return [_has(PlatformMeeting.attendees, own)] if own else []

    async def get_many(self, keys: Sequence[uuid.UUID]) -> Sequence[PlatformMeeting]:
        return (
            await self.session.scalars(select(PlatformMeeting).where(any_of(PlatformMeeting.id, keys), *self._scope()))
        ).all()

    async def page(self, where: MeetingCriteria, page: PageRequest) -> Sequence[PlatformMeeting]:
        return (
            await self.session.scalars(
                keyset(
                    select(PlatformMeeting).where(*where.conditions(), *self._scope()),
                    MEETING_SORT,
                    PlatformMeeting.id,
                    Direction.DESC,
                    page,
                )
            )
        ).all()

    async def count(self, where: MeetingCriteria) -> int:
        return int(
            await self.session.scalar(
                select(func.count()).select_from(PlatformMeeting).where(*where.conditions(), *self._scope())
            )
            or 0
        )

    async def transitions_of(self, ids: Sequence[uuid.UUID]) -> Sequence[MeetingTransition]:
        return (
            await self.session.scalars(
                select(MeetingTransition)
                .where(any_of(MeetingTransition.meeting_id, ids))
                .order_by(MeetingTransition.at)
            )
        ).all()

    async def members(self, isos: Sequence[str]) -> set[str]:
        """Which of these partners are members of the Platform now."""
        return set(
            (
                await self.session.scalars(
                    select(Partner.iso).where(any_of(Partner.iso, isos), Partner.interoperability_platform)
                )
            ).all()
        )


class ActionRepository(Repository[CommonAction]):
    """Common actions with their assignments. Given the caller, every read is scoped to what it may see: a
    partner the actions assigned to it, and its own part of each; staff, Allies and systems all. Without one
    (use cases, snapshots), nothing is filtered."""

    model = CommonAction

    def _scope(self) -> list[ColumnElement[bool]]:
        if self.caller is None:
            return []
        READ_PLATFORM.require(self.caller)
        own = self.caller.partner_only
        return [_has(CommonAction.assignees, own)] if own else []

    def _where(self, criteria: ActionCriteria) -> list[ColumnElement[bool]]:
        scope = self._scope()
        if criteria.assignee and self.caller is not None and not sees_partner(self.caller, criteria.assignee):
            raise BadUserInput(
                f"a partner asks for its own actions ({self.caller.partner_only}) only", field="filter.assignee"
            )
        return [*criteria.conditions(), *scope]

    async def get_many(self, keys: Sequence[uuid.UUID]) -> Sequence[CommonAction]:
        return (
            await self.session.scalars(select(CommonAction).where(any_of(CommonAction.id, keys), *self._scope()))
        ).all()

    async def page(self, where: ActionCriteria, page: PageRequest) -> Sequence[CommonAction]:
        return (
            await self.session.scalars(
                keyset(
                    select(CommonAction).where(*self._where(where)),
                    ACTION_SORT,
                    CommonAction.id,
                    Direction.ASC,
                    page,
                )
            )
        ).all()

    async def count(self, where: ActionCriteria) -> int:
        return int(
            await self.session.scalar(select(func.count()).select_from(CommonAction).where(*self._where(where))) or 0
        )

    async def pages_of_meetings(self, ids: Sequence[uuid.UUID], page: PageRequest) -> list[list[CommonAction]]:
        return await self._pages(lambda key: CommonAction.meeting_id == key, UUID(as_uuid=True), ids, page)

    async def counts_of_meetings(self, ids: Sequence[uuid.UUID]) -> list[int]:
        return await self._counts(lambda key: CommonAction.meeting_id == key, UUID(as_uuid=True), ids)

    async def pages_of_partners(self, isos: Sequence[str], page: PageRequest) -> list[list[CommonAction]]:
        """Each partner's page of the actions assigned to it; a partner's account reads its own list only (the
        actions it shares with another are not the other's list: that list is empty)."""
        seen = self._lists_seen(isos)
        pages = await self._pages(lambda key: _has(CommonAction.assignees, key), Text, seen, page)
        found = dict(zip(seen, pages, strict=True))
        return [found.get(iso, []) for iso in isos]

    async def counts_of_partners(self, isos: Sequence[str]) -> list[int]:
        seen = self._lists_seen(isos)
        counts = await self._counts(lambda key: _has(CommonAction.assignees, key), Text, seen)
        found = dict(zip(seen, counts, strict=True))
        return [found.get(iso, 0) for iso in isos]

    def _lists_seen(self, isos: Sequence[str]) -> list[str]:
        """The partners whose list of actions the caller reads (FORBIDDEN when it may read no actions)."""
        if self.caller is None:
            return list(isos)
        READ_PLATFORM.require(self.caller)
        return [iso for iso in isos if sees_partner(self.caller, iso)]

    async def _pages(
        self,
        owned: Callable[[Any], ColumnElement[bool]],
        key_type: Any,
        keys: Sequence[Any],
        page: PageRequest,
    ) -> list[list[CommonAction]]:
        """Each owner's page of actions in one statement (a LATERAL join over the keys)."""
        scope = self._scope()
        return await lateral_pages(
            self.session,
            CommonAction,
            [(k,) for k in keys],
            [key_type],
            lambda key: keyset(
                select(CommonAction).where(owned(key[0]), *scope),
                ACTION_SORT,
                CommonAction.id,
                Direction.ASC,
                page,
            ),
        )

    async def _counts(
        self, owned: Callable[[Any], ColumnElement[bool]], key_type: Any, keys: Sequence[Any]
    ) -> list[int]:
        scope = self._scope()
        return await lateral_counts(
            self.session,
            [(k,) for k in keys],
            [key_type],
            lambda key: select(func.count()).select_from(CommonAction).where(owned(key[0]), *scope),
        )

    async def assignments_of(self, ids: Sequence[uuid.UUID]) -> Sequence[ActionAssignment]:
        """Actions' assignments, by partner; a partner caller gets its own part only."""
        own = self.caller.partner_only if self.caller else None
        mine = [ActionAssignment.partner_iso == own] if own else []
        return (
            await self.session.scalars(
                select(ActionAssignment)
                .where(any_of(ActionAssignment.action_id, ids), *mine)
                .order_by(ActionAssignment.partner_iso)
            )
        ).all()

    async def assignment_for_change(self, action_id: uuid.UUID, iso: str) -> ActionAssignment | None:
        return (
            await self.session.scalars(
                select(ActionAssignment)
                .where(ActionAssignment.action_id == action_id, ActionAssignment.partner_iso == iso)
                .with_for_update()
            )
        ).first()

    async def transitions_of(self, ids: Sequence[uuid.UUID]) -> Sequence[ActionTransition]:
        own = self.caller.partner_only if self.caller else None
        mine = [(ActionTransition.partner_iso.is_(None)) | (ActionTransition.partner_iso == own)] if own else []
        return (
            await self.session.scalars(
                select(ActionTransition)
                .where(any_of(ActionTransition.action_id, ids), *mine)
                .order_by(ActionTransition.at)
            )
        ).all()


class PlatformLoaders:
    def __init__(self, session: AsyncSession, caller: Actor) -> None:
        meetings, actions = MeetingRepository(session, caller), ActionRepository(session, caller)
        self.meeting_by_id = one_per_key(meetings.get_many, lambda m: m.id)
        self.meeting_transitions = many_per_key(meetings.transitions_of, lambda t: t.meeting_id)
        self.action_by_id = one_per_key(actions.get_many, lambda a: a.id)
        self.assignments = many_per_key(actions.assignments_of, lambda a: a.action_id)
        self.action_transitions = many_per_key(actions.transitions_of, lambda t: t.action_id)
        self.actions_of_meeting = pages_per_key(actions.pages_of_meetings)
        self.action_count_of_meeting = DataLoader(load_fn=actions.counts_of_meetings)
        self.actions_of_partner = pages_per_key(actions.pages_of_partners)
        self.action_count_of_partner = DataLoader(load_fn=actions.counts_of_partners)
