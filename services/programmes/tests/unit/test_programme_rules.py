"""Programme rules, without I/O."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from programmes.programmes.rules import (
    PLANNED_ACTIVITY_LIFECYCLE,
    PROGRAMME_LIFECYCLE,
    ActivityFacts,
    ObjectiveCategory,
    PlannedActivityStatus,
    ProgrammeDetails,
    ProgrammeStatus,
    ProgrammeType,
    check_cycle,
    check_goal_code,
    check_may_submit,
    check_objective_category,
    check_one_in_preparation,
    check_plannable,
    check_programme,
    check_takes_part,
    superseded_on_approval,
    two_years_from,
)
from shared.errors import BadUserInput, Conflict, InvalidTransition


@pytest.mark.parametrize(("source", "target"), PROGRAMME_LIFECYCLE.edges())
def test_every_allowed_programme_transition_is_taken(source, target) -> None:  # type: ignore[no-untyped-def]
    assert PROGRAMME_LIFECYCLE.transition(source, target) is target


@pytest.mark.parametrize(("source", "target"), PLANNED_ACTIVITY_LIFECYCLE.edges())
def test_every_allowed_planned_activity_transition_is_taken(source, target) -> None:  # type: ignore[no-untyped-def]
    assert PLANNED_ACTIVITY_LIFECYCLE.transition(source, target) is target


def test_a_draft_cannot_be_approved_without_negotiation() -> None:
    with pytest.raises(InvalidTransition):
        PROGRAMME_LIFECYCLE.transition(ProgrammeStatus.DRAFT, ProgrammeStatus.APPROVED)


def test_a_done_activity_cannot_be_flagged_afterwards() -> None:
    with pytest.raises(InvalidTransition):
        PLANNED_ACTIVITY_LIFECYCLE.transition(PlannedActivityStatus.DONE, PlannedActivityStatus.FLAGGED)


def test_two_years_end_the_day_before_the_second_anniversary() -> None:
    assert two_years_from(date(2027, 1, 1)) == date(2028, 12, 31)
    assert two_years_from(date(2024, 2, 29)) == date(2026, 2, 27)


def details(**overrides) -> ProgrammeDetails:  # type: ignore[no-untyped-def]
    values: dict[str, Any] = dict(
        partner_iso="geo",
        type=ProgrammeType.IPCP,
        title="Georgia IPCP",
        period_start=date(2027, 1, 1),
        period_end=date(2028, 12, 31),
    )
    values.update(overrides)
    return ProgrammeDetails(**values)


def test_ipcp_and_ipap_run_two_years() -> None:
    assert check_programme(details()).partner_iso == "GEO"
    for programme_type in (ProgrammeType.IPCP, ProgrammeType.IPAP):
        with pytest.raises(BadUserInput) as refused:
            check_programme(details(type=programme_type, period_end=date(2027, 12, 31)))
        assert refused.value.field == "periodEnd"
    assert check_programme(details(type=ProgrammeType.PARP, period_end=date(2027, 12, 31)))


def test_a_period_ending_before_it_starts_is_refused() -> None:
    with pytest.raises(BadUserInput):
        check_programme(details(type=ProgrammeType.OTHER, period_end=date(2026, 1, 1)))


def test_a_suspended_partner_cannot_submit() -> None:
    with pytest.raises(Conflict):
        check_may_submit(True, "BLR")
    check_may_submit(False, "GEO")


def test_ipap_objectives_belong_to_its_six_chapters_and_itpp_goals_to_a_strategy() -> None:
    check_objective_category(ProgrammeType.IPAP, ObjectiveCategory.PUBLIC_DIPLOMACY, None)
    with pytest.raises(BadUserInput):
        check_objective_category(ProgrammeType.IPAP, ObjectiveCategory.STRATEGIC_OBJECTIVE, None)
    check_objective_category(
        ProgrammeType.ITPP, ObjectiveCategory.PARTNERSHIP_GOAL, ObjectiveCategory.STRATEGIC_OBJECTIVE
    )
    with pytest.raises(BadUserInput):
        check_objective_category(ProgrammeType.ITPP, ObjectiveCategory.PARTNERSHIP_GOAL, None)


ACTIVITY = ActivityFacts("a1", "ACT.1", "PUBLISHED", ("MD",), ("GEO",))


@pytest.mark.parametrize(
    ("facts", "framework", "iso", "says", "retryable"),
    [
        (None, "PFP", "GEO", "not published on the menu as far as programmes knows", True),
        (ActivityFacts("a1", "ACT.1", "DRAFT", ("PFP",), ()), "PFP", "GEO", "not published on the menu", True),
        (ActivityFacts("a1", "ACT.1", "WITHDRAWN", ("PFP",), ()), "PFP", "GEO", "withdrawn", None),
        (ACTIVITY, "PFP", "UKR", "not open to UKR", None),
    ],
)
def test_an_activity_that_cannot_be_planned_says_why(facts, framework, iso, says, retryable) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(BadUserInput) as refused:
        check_plannable(facts, "a1", framework, iso)
    assert says in refused.value.message and refused.value.field == "activityId"
    assert refused.value.extensions.get("retryable") is retryable


def test_a_newer_version_than_programmes_has_is_on_its_way() -> None:
    with pytest.raises(BadUserInput) as refused:
        check_plannable(
            ActivityFacts("a1", "ACT.1", "PUBLISHED", ("PFP",), (), version=2), "a1", "PFP", "GEO", seen_version=3
        )
    assert "has not yet received version 3" in refused.value.message
    assert refused.value.extensions["retryable"] is True
    check_plannable(
        ActivityFacts("a1", "ACT.1", "PUBLISHED", ("PFP",), (), version=3), "a1", "PFP", "GEO", seen_version=3
    )


def test_approval_supersedes_ended_editions_and_only_named_running_ones() -> None:
    today = date(2026, 6, 1)
    ended, running = ("p1", date(2025, 12, 31)), ("p2", date(2027, 12, 31))
    assert superseded_on_approval([ended], None, today) == ["p1"]
    with pytest.raises(Conflict):
        superseded_on_approval([ended, running], None, today)
    assert superseded_on_approval([ended, running], "p2", today) == ["p1", "p2"]
    with pytest.raises(BadUserInput):
        superseded_on_approval([ended], "p9", today)


def test_tools_by_invitation_or_joining_need_the_partners_participation() -> None:
    check_takes_part(ProgrammeType.IPCP, [], "GEO")
    check_takes_part(ProgrammeType.PARP, ["PARP"], "GEO")
    for tool in (ProgrammeType.IPAP, ProgrammeType.PARP, ProgrammeType.OCC, ProgrammeType.DEEP):
        with pytest.raises(BadUserInput):
            check_takes_part(tool, ["IPCP"], "GEO")
    check_one_in_preparation(ProgrammeType.OTHER, "GEO", (3, "DRAFT"))
    with pytest.raises(Conflict):
        check_one_in_preparation(ProgrammeType.PARP, "GEO", (3, "DRAFT"))


def test_an_activity_is_plannable_by_framework_or_by_name() -> None:
    check_plannable(ACTIVITY, "a1", "MD", "JOR")
    check_plannable(ACTIVITY, "a1", "PFP", "GEO")


def test_goal_codes_and_review_cycles_have_a_shape() -> None:
    assert check_goal_code(" g 0001 ") == "G 0001"
    assert check_cycle("2025-2026") == "2025-2026"
    with pytest.raises(BadUserInput):
        check_goal_code("goal one")
    with pytest.raises(BadUserInput):
        check_cycle("last year")
