"""The menu's toolbox rules without I/O: providers and the exercise programme."""

from __future__ import annotations

from datetime import date

import pytest

from menu.exercises.rules import (
    ExerciseDetails,
    ExerciseStatus,
    ExerciseType,
    ParticipationDetails,
    ParticipationKind,
    check_confirmable,
    check_exercise,
    check_may_request,
    check_participation,
    open_to,
    plan_years,
)
from menu.providers.rules import ProviderDetails, ProviderKind, check_code, check_provider, provider_code_of
from shared.errors import BadUserInput, Conflict

TODAY = date(2026, 11, 29)


def exercise(**overrides: object) -> ExerciseDetails:
    values: dict[str, object] = {
        "name": " Cyber Coalition ",
        "year": 2027,
        "type": ExerciseType.LIVE,
        "scenario": "Networks",
        "lead_code": "ccd",
    }
    values.update(overrides)
    return ExerciseDetails(**values)  # type: ignore[arg-type]


def test_the_plan_is_this_year_and_the_four_after() -> None:
    assert list(plan_years(TODAY)) == [2026, 2027, 2028, 2029, 2030]
    checked = check_exercise(exercise(), TODAY, planning=True)
    assert (checked.name, checked.lead_code) == ("Cyber Coalition", "CCD")
    with pytest.raises(BadUserInput) as outside:
        check_exercise(exercise(year=2031), TODAY, planning=True)
    assert outside.value.field == "year"
    assert check_exercise(exercise(year=2025), TODAY, planning=False).year == 2025  # an old one may still change


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"start_date": date(2027, 5, 1)}, "endDate"),
        ({"start_date": date(2027, 5, 10), "end_date": date(2027, 5, 1)}, "endDate"),
        ({"start_date": date(2028, 1, 2), "end_date": date(2028, 1, 5)}, "startDate"),
        ({"start_date": date(2027, 1, 1), "end_date": date(2027, 6, 1)}, "endDate"),
    ],
)
def test_an_exercises_dates_are_whole_and_in_its_year(overrides: dict[str, object], field: str) -> None:
    with pytest.raises(BadUserInput) as refused:
        check_exercise(exercise(**overrides), TODAY, planning=True)
    assert refused.value.field == field


def test_a_crisis_management_exercise_takes_partners_by_invitation_only() -> None:
    cmx = check_exercise(
        exercise(type=ExerciseType.CRISIS_MANAGEMENT, invited_partners=["geo", "GEO"]), TODAY, planning=True
    )
    assert cmx.nac_crisis_management and not cmx.open_to_partners and cmx.invited_partners == ["GEO"]
    assert open_to(cmx.open_to_partners, cmx.invited_partners, "GEO")
    assert not open_to(cmx.open_to_partners, cmx.invited_partners, "JOR")
    with pytest.raises(Conflict):
        check_confirmable(exercise())


def test_requests_come_before_the_start_of_an_exercise_still_to_happen() -> None:
    check_may_request(ExerciseStatus.PLANNED, None, TODAY)
    with pytest.raises(Conflict):
        check_may_request(ExerciseStatus.CONFIRMED, TODAY, TODAY)
    with pytest.raises(Conflict):
        check_may_request(ExerciseStatus.CANCELLED, None, TODAY)
    with pytest.raises(BadUserInput):
        check_participation(ParticipationDetails(kind=ParticipationKind.UNITS, personnel=0))


def test_a_provider_is_known_by_its_code_and_only_centres_are_accredited() -> None:
    assert check_code(" nso ") == "NSO" and provider_code_of("PSOTC.12") == "PSOTC"
    with pytest.raises(BadUserInput):
        check_code("N-1")
    ptec = check_provider(
        ProviderDetails(
            name="GCSP",
            kind=ProviderKind.PTEC,
            country="che",
            accredited_since=2001,
            website="https://gcsp.example.org",
        ),
        this_year=2026,
    )
    assert ptec.country == "CHE"
    for details, field in (
        (
            ProviderDetails(name="x", kind=ProviderKind.NATO_BODY, country="BEL", accredited_since=2001),
            "accreditedSince",
        ),
        (ProviderDetails(name="x", kind=ProviderKind.COE, country="EST", accredited_since=1990), "accreditedSince"),
        (
            ProviderDetails(name="x", kind=ProviderKind.COE, country="EST", contact_email="not-an-address"),
            "contactEmail",
        ),
        (
            ProviderDetails(name="x", kind=ProviderKind.COE, country="EST", website="http://plain.example.org"),
            "website",
        ),
    ):
        with pytest.raises(BadUserInput) as refused:
            check_provider(details, this_year=2026)
        assert refused.value.field == field
