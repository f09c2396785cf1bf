"""Capacity rules, without I/O."""

from __future__ import annotations

import pytest

from capacity.domain import (
    REQUEST_LIFECYCLE,
    PartnerStanding,
    RequestStatus,
    RequestSubmission,
    SupportArea,
    check_partner_may_request,
    check_submission,
)
from shared.errors import BadUserInput, Conflict, InvalidTransition


@pytest.mark.parametrize(("source", "target"), REQUEST_LIFECYCLE.edges())
def test_every_allowed_request_transition_is_taken(source, target) -> None:  # type: ignore[no-untyped-def]
    assert REQUEST_LIFECYCLE.transition(source, target) is target


def test_an_approved_request_can_no_longer_be_withdrawn() -> None:
    with pytest.raises(InvalidTransition):
        REQUEST_LIFECYCLE.transition(RequestStatus.APPROVED, RequestStatus.WITHDRAWN)


def test_declined_is_reached_only_during_assessment_or_proposal() -> None:
    sources = {s for s, t in REQUEST_LIFECYCLE.edges() if t is RequestStatus.DECLINED}
    assert sources == {RequestStatus.UNDER_ASSESSMENT, RequestStatus.PACKAGE_PROPOSED}


def submission(**overrides) -> RequestSubmission:  # type: ignore[no-untyped-def]
    values = dict(partner_iso="geo", areas=[SupportArea.CYBER_DEFENCE], title="Cyber", description="Help")
    values.update(overrides)
    return RequestSubmission(**values)


def test_a_submission_is_normalised() -> None:
    checked = check_submission(submission(areas=[SupportArea.LOGISTICS, SupportArea.LOGISTICS],
                                          justification="  "))
    assert checked.partner_iso == "GEO" and checked.areas == [SupportArea.LOGISTICS]
    assert checked.justification is None


@pytest.mark.parametrize(("overrides", "field"), [({"areas": []}, "areas"), ({"title": ""}, "title"),
                                                  ({"description": "x" * 10_001}, "description")])
def test_bad_submissions_name_their_field(overrides, field) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(BadUserInput) as refused:
        check_submission(submission(**overrides))
    assert refused.value.field == field


def test_unknown_partners_are_bad_input_and_suspended_ones_a_conflict() -> None:
    with pytest.raises(BadUserInput):
        check_partner_may_request(None, "XXX")
    with pytest.raises(Conflict):
        check_partner_may_request(PartnerStanding("BLR", suspended=True), "BLR")
    check_partner_may_request(PartnerStanding("GEO", suspended=False), "GEO")
