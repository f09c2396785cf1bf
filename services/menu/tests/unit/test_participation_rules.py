"""Participation rules, without I/O: seats and quotas, the waitlist's order, the lifecycle, inputs."""

from __future__ import annotations

from datetime import date

import pytest

from menu.participation.rules import (
    NOMINATION_LIFECYCLE,
    NominationStatus,
    ParticipantDetails,
    Ratings,
    SeatRules,
    Waiting,
    check_before_start,
    check_participant,
    check_quota,
    check_registration_open,
    promotions,
)
from shared.errors import BadUserInput, Conflict, InvalidTransition


def test_a_seat_is_free_within_the_total_and_the_partners_quota() -> None:
    rules = SeatRules(total=3, quota=2)
    assert rules.seat_free(taken=0, taken_by_partner=0)
    assert rules.seat_free(taken=2, taken_by_partner=1)
    assert not rules.seat_free(taken=2, taken_by_partner=2)  # its quota is used
    assert not rules.seat_free(taken=3, taken_by_partner=0)  # the occurrence is full
    assert SeatRules(total=3).seat_free(taken=2, taken_by_partner=2)  # no quota


def test_freed_seats_go_to_the_waitlist_in_arrival_order_within_the_quotas() -> None:
    waitlist = [Waiting(1, "GEO"), Waiting(2, "GEO"), Waiting(3, "UKR"), Waiting(4, "JOR")]
    # One seat free, GEO at its quota: GEO's waiting ones are passed over, UKR's (the first that fits) goes.
    assert promotions(SeatRules(total=4, quota=2), ["GEO", "GEO", "JOR"], waitlist) == [3]
    # Two seats free and no quota: the first two arrivals.
    assert promotions(SeatRules(total=4), ["GEO", "JOR"], waitlist) == [1, 2]
    # Full: nobody.
    assert promotions(SeatRules(total=2), ["GEO", "JOR"], waitlist) == []
    # A quota fills as seats are given: the second GEO waits once GEO reaches it.
    assert promotions(SeatRules(total=5, quota=1), [], waitlist) == [1, 3, 4]


def test_the_nomination_lifecycle_is_exactly_the_issues() -> None:
    allowed = set(NOMINATION_LIFECYCLE.edges())
    s = NominationStatus
    assert allowed == {
        (s.NOMINATED, s.CONFIRMED),
        (s.NOMINATED, s.DECLINED),
        (s.NOMINATED, s.WITHDRAWN),
        (s.WAITLISTED, s.NOMINATED),
        (s.WAITLISTED, s.DECLINED),
        (s.WAITLISTED, s.WITHDRAWN),
        (s.CONFIRMED, s.WITHDRAWN),
        (s.CONFIRMED, s.ATTENDED),
        (s.CONFIRMED, s.NO_SHOW),
    }
    with pytest.raises(InvalidTransition):
        NOMINATION_LIFECYCLE.transition(s.WAITLISTED, s.ATTENDED)
    with pytest.raises(InvalidTransition):
        NOMINATION_LIFECYCLE.transition(s.CONFIRMED, s.DECLINED)


def test_registration_closes_at_the_deadline_or_at_the_start() -> None:
    start, deadline = date(2027, 3, 10), date(2027, 2, 20)
    check_registration_open(deadline, start, date(2027, 2, 20))
    with pytest.raises(Conflict, match="registration closed on 2027-02-20"):
        check_registration_open(deadline, start, date(2027, 2, 21))
    check_registration_open(None, start, date(2027, 3, 9))
    with pytest.raises(Conflict):
        check_registration_open(None, start, start)
    check_before_start(start, date(2027, 3, 9))
    with pytest.raises(Conflict):
        check_before_start(start, start)


def test_a_participants_details_are_normalised_or_refused_naming_the_field() -> None:
    details = check_participant(
        ParticipantDetails(name="  Nino Beridze ", email=" Nino.Beridze@MOD.example ", languages=["EN", "ka", "en"])
    )
    assert (details.name, details.email, details.languages) == (
        "Nino Beridze",
        "nino.beridze@mod.example",
        ["en", "ka"],
    )
    for bad, field in (
        (ParticipantDetails(name="", email="a@b.example"), "participant.name"),
        (ParticipantDetails(name="A", email="not an email"), "participant.email"),
        (ParticipantDetails(name="A", email="a@b.example", languages=["eng"]), "participant.languages"),
    ):
        with pytest.raises(BadUserInput) as refused:
            check_participant(bad)
        assert refused.value.field == field


def test_ratings_are_one_to_five_and_quotas_fit_the_seats() -> None:
    assert Ratings(1, 5, 3).delivery == 5
    with pytest.raises(BadUserInput) as refused:
        Ratings(3, 6, 3)
    assert refused.value.field == "delivery"
    assert check_quota(None, 10) is None and check_quota(4, 10) == 4
    with pytest.raises(BadUserInput):
        check_quota(11, 10)
    with pytest.raises(BadUserInput):
        check_quota(0, 10)
