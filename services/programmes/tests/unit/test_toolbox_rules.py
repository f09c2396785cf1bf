"""Programmes' toolbox rules without I/O: the Interoperability Platform and contributions to operations."""

from __future__ import annotations

from datetime import date

import pytest

from programmes.operations.rules import (
    ContributionDetails,
    ContributionKind,
    Operation,
    check_contribution,
    check_end,
    size_unit,
)
from programmes.platform.rules import (
    ActionDetails,
    AssignmentStatus,
    MeetingDetails,
    MeetingFormat,
    action_done,
    check_action,
    check_meeting,
    check_members,
    check_membership_date,
)
from shared.errors import BadUserInput, Conflict


def test_membership_dates_fall_between_the_platforms_start_and_today() -> None:
    today = date(2026, 11, 29)
    assert check_membership_date(date(2014, 9, 5), today, "joinedOn") == date(2014, 9, 5)
    for day in (date(2014, 9, 4), date(2026, 11, 30)):
        with pytest.raises(BadUserInput):
            check_membership_date(day, today, "joinedOn")


def test_actions_are_due_after_their_meeting_and_assigned_to_members() -> None:
    meeting = check_meeting(
        MeetingDetails(
            title=" Plenary ",
            format=MeetingFormat.PLENARY,
            held_on=date(2025, 3, 15),
            location="Brussels",
            attendees=["geo", "GEO", "jor"],
        )
    )
    assert meeting.attendees == ["GEO", "JOR"] and meeting.title == "Plenary"
    action = check_action(
        ActionDetails(title="FMN", description="Join FMN", due_on=date(2025, 9, 1), assignees=["geo"]), meeting.held_on
    )
    assert action.assignees == ["GEO"]
    with pytest.raises(BadUserInput):
        check_action(
            ActionDetails(title="x", description="y", due_on=date(2025, 3, 15), assignees=["GEO"]), meeting.held_on
        )
    with pytest.raises(BadUserInput):
        check_action(ActionDetails(title="x", description="y", due_on=date(2025, 9, 1)), meeting.held_on)
    with pytest.raises(Conflict):
        check_members(["GEO", "RUS"], {"GEO"})


def test_an_action_is_done_when_every_assignee_has_completed_it() -> None:
    assert action_done([AssignmentStatus.COMPLETED, AssignmentStatus.COMPLETED])
    assert not action_done([AssignmentStatus.COMPLETED, AssignmentStatus.IN_PROGRESS])
    assert not action_done([])


def test_a_contribution_lies_within_its_operation() -> None:
    kfor = check_contribution(
        ContributionDetails(
            partner_iso="geo",
            operation=Operation.KFOR,
            kind=ContributionKind.TROOPS,
            size=30,
            period_start=date(2020, 1, 1),
        )
    )
    assert kfor.partner_iso == "GEO" and size_unit(kfor.kind) == "personnel"
    assert size_unit(ContributionKind.FUNDING) == "thousand euros"
    for details, field in (
        (ContributionDetails("GEO", Operation.ISAF, ContributionKind.TROOPS, 5, date(2002, 1, 1)), "periodStart"),
        (ContributionDetails("GEO", Operation.OUP, ContributionKind.AIRCRAFT, 2, date(2012, 1, 1)), "periodStart"),
        (ContributionDetails("GEO", Operation.KFOR, ContributionKind.TROOPS, 0, date(2020, 1, 1)), "size"),
    ):
        with pytest.raises(BadUserInput) as refused:
            check_contribution(details)
        assert refused.value.field == field
    with pytest.raises(BadUserInput):
        check_end(date(2010, 1, 1), date(2015, 6, 1), Operation.ISAF)
    check_end(date(2010, 1, 1), None, Operation.ISAF)
