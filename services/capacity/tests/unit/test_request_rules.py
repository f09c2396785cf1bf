"""Capacity rules, without I/O."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from capacity.partners.rules import check_partner_may_request
from capacity.requests.rules import (
    REQUEST_LIFECYCLE,
    RequestStatus,
    RequestSubmission,
    SupportArea,
    check_submission,
)
from shared.errors import BadUserInput, Conflict, InvalidTransition
from shared.partners import PartnerStanding


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
    values: dict[str, Any] = dict(
        partner_iso="geo", areas=[SupportArea.CYBER_DEFENCE], title="Cyber", description="Help"
    )
    values.update(overrides)
    return RequestSubmission(**values)


def test_a_submission_is_normalised() -> None:
    checked = check_submission(submission(areas=[SupportArea.LOGISTICS, SupportArea.LOGISTICS], justification="  "))
    assert checked.partner_iso == "GEO" and checked.areas == [SupportArea.LOGISTICS]
    assert checked.justification is None


@pytest.mark.parametrize(
    ("overrides", "field"),
    [({"areas": []}, "areas"), ({"title": ""}, "title"), ({"description": "x" * 10_001}, "description")],
)
def test_bad_submissions_name_their_field(overrides, field) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(BadUserInput) as refused:
        check_submission(submission(**overrides))
    assert refused.value.field == field


def test_unknown_partners_are_bad_input_and_suspended_ones_a_conflict() -> None:
    with pytest.raises(BadUserInput):
        check_partner_may_request(None, "XXX")
    with pytest.raises(Conflict):
        check_partner_may_request(PartnerStanding("BLR", "PFP", suspended=True), "BLR")
    check_partner_may_request(PartnerStanding("GEO", "PFP", suspended=False), "GEO")


def test_an_on_hold_request_may_only_be_declined_or_withdrawn() -> None:
    from capacity.requests.rules import check_step

    with pytest.raises(Conflict):
        check_step(RequestStatus.UNDER_ASSESSMENT, RequestStatus.PACKAGE_PROPOSED, on_hold=True)
    check_step(RequestStatus.UNDER_ASSESSMENT, RequestStatus.DECLINED, on_hold=True)
    check_step(RequestStatus.SUBMITTED, RequestStatus.WITHDRAWN, on_hold=True)


def test_packages_are_reviewed_two_years_after_approval() -> None:
    from datetime import date

    from capacity.requests.rules import review_date

    assert review_date(date(2026, 11, 27)) == date(2028, 11, 27)
    assert review_date(date(2028, 2, 29)) == date(2030, 2, 28)


def test_package_totals_count_people_items_and_funds_per_currency() -> None:
    from decimal import Decimal

    from capacity.requests.rules import ContributionDetails, ContributionKind, totals

    summed = totals(
        [
            ContributionDetails("NOR", ContributionKind.ADVISERS, quantity=2),
            ContributionDetails("USA", ContributionKind.ADVISERS, quantity=3),
            ContributionDetails("DEU", ContributionKind.TRAINERS, quantity=4),
            ContributionDetails("GBR", ContributionKind.FUNDS, amount=Decimal("100000"), currency="GBP"),
            ContributionDetails("ITA", ContributionKind.FUNDS, amount=Decimal("250000.50"), currency="EUR"),
            ContributionDetails("FRA", ContributionKind.FUNDS, amount=Decimal("49999.50"), currency="EUR"),
            ContributionDetails("POL", ContributionKind.IN_KIND, description="Demining kits"),
        ]
    )
    assert (summed.advisers, summed.trainers, summed.in_kind) == (5, 4, 1)
    assert summed.funds == {"EUR": Decimal("300000.00"), "GBP": Decimal("100000")}


@pytest.mark.parametrize(
    ("details", "field"),
    [
        (dict(nation="NO", kind="ADVISERS", quantity=1), "nation"),
        (dict(nation="NOR", kind="ADVISERS"), "quantity"),
        (dict(nation="NOR", kind="FUNDS", amount=0, currency="EUR"), "amount"),
        (dict(nation="NOR", kind="FUNDS", amount=10, currency="euro"), "currency"),
        (dict(nation="NOR", kind="FUNDS", amount=10, currency="XQQ"), "currency"),  # shaped like a code, not one
        (dict(nation="QQQ", kind="ADVISERS", quantity=1), "nation"),
        (dict(nation="NOR", kind="FUNDS", amount=Decimal("10.001"), currency="EUR"), "amount"),
        (dict(nation="NOR", kind="IN_KIND"), "description"),
    ],
)
def test_bad_contributions_name_their_field(details, field) -> None:  # type: ignore[no-untyped-def]
    from decimal import Decimal

    from capacity.requests.rules import ContributionDetails, ContributionKind, check_contribution

    values: dict[str, Any] = {**details, "kind": ContributionKind(details["kind"])}
    if "amount" in values:
        values["amount"] = Decimal(values["amount"])
    with pytest.raises(BadUserInput) as refused:
        check_contribution(ContributionDetails(**values))
    assert refused.value.field == field


def test_withdrawn_or_unknown_activities_cannot_be_linked() -> None:
    from capacity.requests.rules import ActivityStanding, check_linkable

    with pytest.raises(BadUserInput):
        check_linkable(None, "x")
    with pytest.raises(BadUserInput):
        check_linkable(ActivityStanding("x", "ACT.1", "WITHDRAWN"), "x")
    check_linkable(ActivityStanding("x", "ACT.1", "PUBLISHED"), "x")
