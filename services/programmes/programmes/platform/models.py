"""The Interoperability Platform's tables: meetings, common actions, their assignments and histories."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Text, UniqueConstraint
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from programmes.base import Base
from programmes.platform.rules import (
    ACTION_LIFECYCLE,
    ASSIGNMENT_LIFECYCLE,
    MEETING_LIFECYCLE,
    ActionStatus,
    AssignmentStatus,
    MeetingFormat,
    MeetingStatus,
)
from shared.db import Entity, TransitionRecord, enum_column
from shared.lifecycle import MovesThrough


class PlatformMeeting(Entity, MovesThrough[MeetingStatus], Base):
    """A meeting of the Interoperability Platform."""

    __tablename__ = "platform_meeting"
    lifecycle = MEETING_LIFECYCLE

    title: Mapped[str] = mapped_column(Text)
    format: Mapped[MeetingFormat] = mapped_column(enum_column(MeetingFormat, "meeting_format", 16))
    held_on: Mapped[date] = mapped_column(Date)
    location: Mapped[str] = mapped_column(Text)
    attendees: Mapped[list[str]] = mapped_column(ARRAY(Text), doc="partners taking part (ISO 3166 alpha-3)")
    summary: Mapped[str | None] = mapped_column(Text)
    status: Mapped[MeetingStatus] = mapped_column(enum_column(MeetingStatus, "meeting_status", 16))

    __table_args__ = (
        Index("ix_platform_meeting_held_on", "held_on", "id"),
        Index("ix_platform_meeting_attendees", "attendees", postgresql_using="gin"),
        Index("ix_platform_meeting_status", "status"),
        Index("ix_platform_meeting_format", "format"),
        Index("ix_platform_meeting_updated", "updated_at", "id"),
    )


class MeetingTransition(TransitionRecord, Base):
    """Every change of a meeting's status: who, when, and why."""

    __tablename__ = "platform_meeting_transition"

    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("platform_meeting.id"), index=True)
    from_status: Mapped[MeetingStatus | None] = mapped_column(enum_column(MeetingStatus, "transition_from"))
    to_status: Mapped[MeetingStatus] = mapped_column(enum_column(MeetingStatus, "transition_to"))
    note: Mapped[str | None] = mapped_column(Text)


class CommonAction(Entity, MovesThrough[ActionStatus], Base):
    """A common action a Platform meeting set, assigned to member partners; one aggregate with its assignments."""

    __tablename__ = "common_action"
    lifecycle = ACTION_LIFECYCLE
    bumps = False  # its use cases bump it once per change, whether it or an assignment moved

    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("platform_meeting.id"), index=True)
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text)
    due_on: Mapped[date] = mapped_column(Date)
    assignees: Mapped[list[str]] = mapped_column(ARRAY(Text), doc="the partners it is assigned to")
    status: Mapped[ActionStatus] = mapped_column(enum_column(ActionStatus, "action_status", 16))

    __table_args__ = (
        Index("ix_common_action_due_on", "due_on", "id"),
        Index("ix_common_action_assignees", "assignees", postgresql_using="gin"),
        Index("ix_common_action_status", "status"),
        Index("ix_common_action_updated", "updated_at", "id"),
    )


class ActionAssignment(Entity, MovesThrough[AssignmentStatus], Base):
    """One assignee's part of a common action, and its progress."""

    __tablename__ = "action_assignment"
    lifecycle = ASSIGNMENT_LIFECYCLE
    bumps = False  # its aggregate root is bumped

    action_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("common_action.id"), index=True)
    partner_iso: Mapped[str] = mapped_column(ForeignKey("partner.iso"))
    status: Mapped[AssignmentStatus] = mapped_column(enum_column(AssignmentStatus, "assignment_status", 16))
    completed_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        UniqueConstraint("action_id", "partner_iso", name="uq_action_assignment_partner"),
        Index("ix_action_assignment_partner", "partner_iso"),
    )


class ActionTransition(TransitionRecord, Base):
    """Every change of a common action's or one of its assignments' status: who, when, and why."""

    __tablename__ = "common_action_transition"

    action_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("common_action.id"), index=True)
    partner_iso: Mapped[str | None] = mapped_column(Text, doc="the assignee whose progress it is; null: the action's")
    from_status: Mapped[str | None] = mapped_column(Text)
    to_status: Mapped[str] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
