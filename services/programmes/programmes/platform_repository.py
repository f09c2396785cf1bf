"""Every SQL statement about the Interoperability Platform's meetings and actions, scoped to the caller."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Text, cast, func, select
from sqlalchemy.dialects.postgresql import UUID, array

from programmes.access import READ_PLATFORM
from programmes.partners.models import Partner
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
from shared.graphql.pagination import PageRequest
from shared.ordering import Direction, SortKey, keyset
from shared.repository import Repository, lateral_counts, lateral_pages


def _has(column: Any, iso: Any) -> ColumnElement[bool]:
    """The array column holds the partner (a value, or a key column of a lateral page)."""
    return column.contains(array([cast(iso, Text)]))


def meetings_visible_to(caller: Actor) -> list[ColumnElement[bool]]:
    """A partner sees the meetings it took part in; staff, Allies and systems all."""
    READ_PLATFORM.require(caller)
    own = caller.partner_only
    return [_has(PlatformMeeting.attendees, own)] if own else []


def actions_visible_to(caller: Actor) -> list[ColumnElement[bool]]:
    """A partner sees the actions assigned to it; staff, Allies and systems all."""
    READ_PLATFORM.require(caller)
    own = caller.partner_only
    return [_has(CommonAction.assignees, own)] if own else []


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
    model = PlatformMeeting

    async def visible(self, ids: Sequence[uuid.UUID], caller: Actor) -> Sequence[PlatformMeeting]:
        return (
            await self.session.scalars(
                select(PlatformMeeting).where(any_of(PlatformMeeting.id, ids), *meetings_visible_to(caller))
            )
        ).all()

    async def page(self, where: MeetingCriteria, page: PageRequest, caller: Actor) -> Sequence[PlatformMeeting]:
        return (
            await self.session.scalars(
                keyset(
                    select(PlatformMeeting).where(*where.conditions(), *meetings_visible_to(caller)),
                    MEETING_SORT,
                    PlatformMeeting.id,
                    Direction.DESC,
                    page,
                )
            )
        ).all()

    async def count(self, where: MeetingCriteria, caller: Actor) -> int:
        return int(
            await self.session.scalar(
                select(func.count())
                .select_from(PlatformMeeting)
                .where(*where.conditions(), *meetings_visible_to(caller))
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
    model = CommonAction

    async def visible(self, ids: Sequence[uuid.UUID], caller: Actor) -> Sequence[CommonAction]:
        return (
            await self.session.scalars(
                select(CommonAction).where(any_of(CommonAction.id, ids), *actions_visible_to(caller))
            )
        ).all()

    async def page(self, where: ActionCriteria, page: PageRequest, caller: Actor) -> Sequence[CommonAction]:
        return (
            await self.session.scalars(
                keyset(
                    select(CommonAction).where(*where.conditions(), *actions_visible_to(caller)),
                    ACTION_SORT,
                    CommonAction.id,
                    Direction.ASC,
                    page,
                )
            )
        ).all()

    async def count(self, where: ActionCriteria, caller: Actor) -> int:
        return int(
            await self.session.scalar(
                select(func.count()).select_from(CommonAction).where(*where.conditions(), *actions_visible_to(caller))
            )
            or 0
        )

    async def pages_of_meetings(
        self, ids: Sequence[uuid.UUID], page: PageRequest, caller: Actor
    ) -> list[list[CommonAction]]:
        return await self._pages(lambda key: CommonAction.meeting_id == key, UUID(as_uuid=True), ids, page, caller)

    async def counts_of_meetings(self, ids: Sequence[uuid.UUID], caller: Actor) -> list[int]:
        return await self._counts(lambda key: CommonAction.meeting_id == key, UUID(as_uuid=True), ids, caller)

    async def pages_of_partners(
        self, isos: Sequence[str], page: PageRequest, caller: Actor
    ) -> list[list[CommonAction]]:
        return await self._pages(lambda key: _has(CommonAction.assignees, key), Text, isos, page, caller)

    async def counts_of_partners(self, isos: Sequence[str], caller: Actor) -> list[int]:
        return await self._counts(lambda key: _has(CommonAction.assignees, key), Text, isos, caller)

    async def _pages(
        self,
        owned: Callable[[Any], ColumnElement[bool]],
        key_type: Any,
        keys: Sequence[Any],
        page: PageRequest,
        caller: Actor,
    ) -> list[list[CommonAction]]:
        """Each owner's page of actions in one statement (a LATERAL join over the keys)."""
        return await lateral_pages(
            self.session,
            CommonAction,
            [(k,) for k in keys],
            [key_type],
            lambda key: keyset(
                select(CommonAction).where(owned(key[0]), *actions_visible_to(caller)),
                ACTION_SORT,
                CommonAction.id,
                Direction.ASC,
                page,
            ),
        )

    async def _counts(
        self, owned: Callable[[Any], ColumnElement[bool]], key_type: Any, keys: Sequence[Any], caller: Actor
    ) -> list[int]:
        return await lateral_counts(
            self.session,
            [(k,) for k in keys],
            [key_type],
            lambda key: (
                select(func.count()).select_from(CommonAction).where(owned(key[0]), *actions_visible_to(caller))
            ),
        )

    async def assignments_of(self, ids: Sequence[uuid.UUID], caller: Actor | None = None) -> Sequence[ActionAssignment]:
        """Actions' assignments, by partner; a partner caller gets its own part only."""
        own = caller.partner_only if caller else None
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

    async def transitions_of(self, ids: Sequence[uuid.UUID], caller: Actor | None = None) -> Sequence[ActionTransition]:
        own = caller.partner_only if caller else None
        mine = [(ActionTransition.partner_iso.is_(None)) | (ActionTransition.partner_iso == own)] if own else []
        return (
            await self.session.scalars(
                select(ActionTransition)
                .where(any_of(ActionTransition.action_id, ids), *mine)
                .order_by(ActionTransition.at)
            )
        ).all()
