"""Capacity's toolbox rules without I/O: EADRCC assistance, Trust Fund projects and SPS grant applications."""

from __future__ import annotations

import itertools
from datetime import date
from decimal import Decimal

import pytest

from capacity.assistance.rules import (
    ASSISTANCE_LIFECYCLE,
    OFFER_LIFECYCLE,
    AssistanceDetails,
    AssistanceStatus,
    AssistanceUpdate,
    DisasterType,
    NeedDetails,
    OfferStatus,
    check_acceptable,
    check_open,
    check_request,
    check_update,
    covered,
)
from capacity.partners.access import acts_as
from capacity.requests.rules import check_report
from capacity.sps.rules import (
    SPS_LIFECYCLE,
    KeyPriority,
    SpsDetails,
    SpsKind,
    SpsStatus,
    check_application,
    check_grant,
)
from capacity.trust_funds.rules import (
    PROJECT_LIFECYCLE,
    PhaseDetails,
    ProjectDetails,
    ProjectKind,
    ProjectStatus,
    check_fundable,
    check_payment,
    check_project,
    funding_gap,
)
from shared.auth import Actor, Role
from shared.errors import BadUserInput, Conflict, InvalidTransition


def test_nations_act_as_themselves_staff_for_any_and_an_unbound_account_for_none() -> None:
    assert acts_as(Actor("s", Role.STAFF), "NOR")
    norway = Actor("n", Role.ALLY, nation="NOR")
    assert acts_as(norway, "NOR") and not acts_as(norway, "FRA")
    assert acts_as(Actor("g", Role.PARTNER, partner_iso="GEO"), "GEO")
    assert not acts_as(Actor("a", Role.ALLY), "NOR") and not acts_as(Actor("p", Role.PARTNER), "GEO")


def flood(**overrides: object) -> AssistanceDetails:
    details = AssistanceDetails(
        stricken_country=" ukr ",
        disaster_type=DisasterType.FLOOD,
        title=" Dnipro floods ",
        situation="Dam breach",
        needs=[NeedDetails(" Water pumps ", Decimal(40), " pcs ")],
    )
    for name, value in overrides.items():
        setattr(details, name, value)
    return details


def test_a_request_for_assistance_is_normalised() -> None:
    details = check_request(flood())
    assert (details.stricken_country, details.title) == ("UKR", "Dnipro floods")
    assert (details.needs[0].item, details.needs[0].unit) == ("Water pumps", "pcs")


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"stricken_country": "XXX"}, "strickenCountry"),
        ({"needs": []}, "needs"),
        ({"needs": [NeedDetails("Tents", Decimal(0), "pcs")]}, "needs.0.quantity"),
        ({"needs": [NeedDetails("Tents", Decimal("NaN"), "pcs")]}, "needs.0.quantity"),
        ({"needs": [NeedDetails("Tents", Decimal("0.001"), "pcs")]}, "needs.0.quantity"),
        ({"needs": [NeedDetails("Tents", Decimal(5), "pcs"), NeedDetails(" ", Decimal(5), "pcs")]}, "needs.1.item"),
    ],
)
def test_bad_requests_for_assistance_name_their_field(overrides: dict[str, object], field: str) -> None:
    with pytest.raises(BadUserInput) as error:
        check_request(flood(**overrides))
    assert error.value.extensions["field"] == field


def test_an_update_changes_something_and_keeps_what_it_does_not_name() -> None:
    assert check_update(AssistanceUpdate(title=" Storms ")) == AssistanceUpdate(title="Storms")
    for empty in (AssistanceUpdate(), AssistanceUpdate(situation="")):
        with pytest.raises(BadUserInput):
            check_update(empty)


def test_only_accepted_and_delivered_offers_cover_a_need() -> None:
    offers = [
        (Decimal(10), OfferStatus.ACCEPTED),
        (Decimal(5), OfferStatus.DELIVERED),
        (Decimal(100), OfferStatus.OFFERED),
        (Decimal(7), OfferStatus.DECLINED),
        (Decimal(3), OfferStatus.WITHDRAWN),
    ]
    assert covered(offers) == Decimal(15)
    check_acceptable(asked=Decimal(40), already=Decimal(15), offered=Decimal(25))
    with pytest.raises(Conflict):
        check_acceptable(asked=Decimal(40), already=Decimal(15), offered=Decimal(26))


def test_offers_are_delivered_only_once_accepted_and_a_closed_request_takes_nothing() -> None:
    with pytest.raises(InvalidTransition):
        OFFER_LIFECYCLE.transition(OfferStatus.OFFERED, OfferStatus.DELIVERED)
    assert OFFER_LIFECYCLE[OfferStatus.DELIVERED] == frozenset()
    assert ASSISTANCE_LIFECYCLE[AssistanceStatus.CLOSED] == frozenset()
    check_open(AssistanceStatus.OPEN)
    with pytest.raises(Conflict):
        check_open(AssistanceStatus.CLOSED)


def demining(**overrides: object) -> ProjectDetails:
    details = ProjectDetails(
        beneficiary_iso="jor",
        kind=ProjectKind.DEMILITARISATION,
        title="Mine clearance",
        description="Clear the northern border",
        lead_nations=["can", "CAN", "nor"],
        phases=[PhaseDetails(" Survey ", Decimal("250000.00")), PhaseDetails("Clearance", Decimal("1200000.50"))],
    )
    for name, value in overrides.items():
        setattr(details, name, value)
    return details


def test_a_project_is_normalised_with_each_lead_nation_once() -> None:
    details = check_project(demining())
    assert details.beneficiary_iso == "JOR" and details.lead_nations == ["CAN", "NOR"]
    assert details.phases[0].name == "Survey"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"lead_nations": []}, "leadNations"),
        ({"lead_nations": ["ZZZ"]}, "leadNations"),
        ({"phases": []}, "phases"),
        ({"phases": [PhaseDetails("Survey", Decimal("0.001"))]}, "phases.0.budgetEur"),
        ({"phases": [PhaseDetails("Survey", Decimal(-5))]}, "phases.0.budgetEur"),
        ({"phases": [PhaseDetails("Survey", Decimal("Infinity"))]}, "phases.0.budgetEur"),
    ],
)
def test_bad_projects_name_their_field(overrides: dict[str, object], field: str) -> None:
    with pytest.raises(BadUserInput) as error:
        check_project(demining(**overrides))
    assert error.value.extensions["field"] == field


def test_the_funding_gap_never_goes_below_zero_and_a_project_with_a_gap_is_not_funded() -> None:
    budgets = [Decimal("250000.00"), Decimal("1200000.50")]
    assert funding_gap(budgets, [Decimal(1_000_000)]) == Decimal("450000.50")
    assert funding_gap(budgets, [Decimal(2_000_000)]) == Decimal(0)
    with pytest.raises(Conflict):
        check_fundable(Decimal("0.01"))
    check_fundable(Decimal(0))


def test_a_nation_pays_at_most_what_it_pledged() -> None:
    check_payment(pledged=Decimal(100), paid=Decimal(60), amount=Decimal(40))
    with pytest.raises(Conflict) as error:
        check_payment(pledged=Decimal(100), paid=Decimal(60), amount=Decimal("40.01"))
    assert error.value.extensions["field"] == "amountEur"


def test_a_project_is_funded_before_implementation_and_may_be_cancelled_until_completed() -> None:
    with pytest.raises(InvalidTransition):
        PROJECT_LIFECYCLE.transition(ProjectStatus.APPROVED, ProjectStatus.IMPLEMENTING)
    assert all(ProjectStatus.CANCELLED in PROJECT_LIFECYCLE[s] for s in PROJECT_LIFECYCLE)
    assert ProjectStatus.COMPLETED not in PROJECT_LIFECYCLE


def workshop(**overrides: object) -> SpsDetails:
    details = SpsDetails(
        kind=SpsKind.ADVANCED_RESEARCH_WORKSHOP,
        key_priority=KeyPriority.CYBER_DEFENCE,
        title=" Resilient grids ",
        summary="Protecting power grids",
        nato_country="ita",
        nato_co_director="Prof. A. Rossi",
        partner_country="geo",
        partner_co_director="Dr N. Beridze",
        budget_eur=Decimal("80000"),
    )
    for name, value in overrides.items():
        setattr(details, name, value)
    return details


def test_an_application_is_normalised() -> None:
    details = check_application(workshop())
    assert (details.title, details.nato_country, details.partner_country) == ("Resilient grids", "ITA", "GEO")
    assert details.budget_eur == Decimal("80000.00")


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"partner_country": "ITA"}, "partnerCountry"),
        ({"nato_country": "QQQ"}, "natoCountry"),
        ({"partner_co_director": "  "}, "partnerCoDirector"),
        ({"budget_eur": Decimal("10000000.01")}, "budgetEur"),
        ({"budget_eur": Decimal("12.345")}, "budgetEur"),
    ],
)
def test_bad_applications_name_their_field(overrides: dict[str, object], field: str) -> None:
    with pytest.raises(BadUserInput) as error:
        check_application(workshop(**overrides))
    assert error.value.extensions["field"] == field


def test_a_grant_is_at_most_the_budget_asked() -> None:
    assert check_grant(Decimal("75000"), Decimal("80000.00")) == Decimal("75000.00")
    with pytest.raises(Conflict):
        check_grant(Decimal("80000.01"), Decimal("80000.00"))


def test_an_application_is_reviewed_before_a_decision_and_a_rejection_is_final() -> None:
    with pytest.raises(InvalidTransition):
        SPS_LIFECYCLE.transition(SpsStatus.SUBMITTED, SpsStatus.APPROVED)
    assert SPS_LIFECYCLE[SpsStatus.REJECTED] == frozenset()
    path = [SpsStatus.SUBMITTED, SpsStatus.UNDER_REVIEW, SpsStatus.APPROVED, SpsStatus.ACTIVE, SpsStatus.COMPLETED]
    for current, target in itertools.pairwise(path):
        assert SPS_LIFECYCLE.transition(current, target) is target


def test_a_report_is_for_a_period_under_way_or_past_and_the_first_for_it() -> None:
    today = date(2026, 11, 29)
    assert check_report(" 2026-h2 ", " Range built ", ["2026-H1"], today) == ("2026-H2", "Range built")
    with pytest.raises(Conflict):
        check_report("2026-H1", "Again", ["2026-H1"], today)
    for period in ("2027", "2026-Q5", "last year"):
        with pytest.raises(BadUserInput):
            check_report(period, "Ahead", [], today)
