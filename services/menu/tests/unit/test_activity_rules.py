"""Activity rules, without I/O."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from enum import Enum
from typing import Any

import pytest

from menu.activities.rules import (
    ACTIVITY_LIFECYCLE,
    OCCURRENCE_LIFECYCLE,
    ActivityDetails,
    ActivityKind,
    ActivityStatus,
    OccurrenceDetails,
    OccurrenceStatus,
    check_activity,
    check_occurrence,
    check_pcm_ref,
    check_publishable,
    is_eligible,
)
from menu.providers.rules import ProviderKind
from shared.errors import BadUserInput, InvalidTransition
from shared.frameworks import Framework


def details(**overrides) -> ActivityDetails:  # type: ignore[no-untyped-def]
    values: dict[str, Any] = dict(
        title="Crisis Management Course",
        description="Procedures",
        area_code="CRM",
        kind=ActivityKind.COURSE,
        provider_kind=ProviderKind.NATO_BODY,
        provider_name="NSO",
        frameworks=[Framework.PFP],
    )
    values.update(overrides)
    return ActivityDetails(**values)


@pytest.mark.parametrize(("source", "target"), ACTIVITY_LIFECYCLE.edges())
def test_every_allowed_activity_transition_is_taken(source, target) -> None:  # type: ignore[no-untyped-def]
    assert ACTIVITY_LIFECYCLE.transition(source, target) is target


@pytest.mark.parametrize(("source", "target"), OCCURRENCE_LIFECYCLE.edges())
def test_every_allowed_occurrence_transition_is_taken(source, target) -> None:  # type: ignore[no-untyped-def]
    assert OCCURRENCE_LIFECYCLE.transition(source, target) is target


def test_a_draft_cannot_be_withdrawn_before_it_is_published() -> None:
    with pytest.raises(InvalidTransition) as refused:
        ACTIVITY_LIFECYCLE.transition(ActivityStatus.DRAFT, ActivityStatus.WITHDRAWN)
    assert refused.value.code.value == "CONFLICT"


def test_a_held_occurrence_cannot_be_cancelled() -> None:
    with pytest.raises(InvalidTransition):
        OCCURRENCE_LIFECYCLE.transition(OccurrenceStatus.HELD, OccurrenceStatus.CANCELLED)


def test_every_status_is_reachable_from_the_first() -> None:
    starts: tuple[tuple[Any, Enum], ...] = (
        (ACTIVITY_LIFECYCLE, ActivityStatus.DRAFT),
        (OCCURRENCE_LIFECYCLE, OccurrenceStatus.PLANNED),
    )
    for lifecycle, first in starts:
        seen, todo = {first}, [first]
        while todo:
            for target in lifecycle[todo.pop()]:
                if target not in seen:
                    seen.add(target)
                    todo.append(target)
        assert seen == set(type(first))


def test_activity_text_is_trimmed_and_languages_normalised() -> None:
    checked = check_activity(details(title="  Crisis Course  ", languages=["EN", "fr", "en"]))
    assert checked.title == "Crisis Course"
    assert checked.languages == ["en", "fr"]


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"title": "   "}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"description": ""}, "description"),
        ({"languages": []}, "languages"),
        ({"languages": ["english"]}, "languages"),
        ({"fee_eur": Decimal("-1")}, "feeEur"),
        ({"contact_email": "not-an-email"}, "contactEmail"),
        ({"eligible_partners": ["GE"]}, "eligiblePartners"),
        ({"tags": ["Has Space"]}, "tags"),
    ],
)
def test_bad_activity_details_name_their_field(overrides, field) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(BadUserInput) as refused:
        check_activity(details(**overrides))
    assert refused.value.field == field


def test_an_activity_open_to_nobody_cannot_be_published() -> None:
    with pytest.raises(BadUserInput) as refused:
        check_publishable(details(frameworks=[], eligible_partners=[]))
    assert refused.value.field == "frameworks"


@pytest.mark.parametrize("ref", ["ACT.396", "nso.12", "PSOTC.1"])
def test_pcm_refs_are_a_provider_code_and_a_number(ref) -> None:  # type: ignore[no-untyped-def]
    assert check_pcm_ref(ref) == ref.upper()


@pytest.mark.parametrize("ref", ["", "ACT", "ACT.", ".12", "ACT-12", "A.1"])
def test_malformed_pcm_refs_are_refused(ref) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(BadUserInput):
        check_pcm_ref(ref)


def occurrence(**overrides) -> OccurrenceDetails:  # type: ignore[no-untyped-def]
    start = date(2027, 3, 1)
    values: dict[str, Any] = dict(
        start_date=start,
        end_date=start + timedelta(days=4),
        location="Rome",
        host="NDC",
        seats=20,
        registration_deadline=start - timedelta(days=10),
    )
    values.update(overrides)
    return OccurrenceDetails(**values)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"end_date": date(2027, 2, 28)}, "endDate"),
        ({"seats": 0}, "seats"),
        ({"registration_deadline": date(2027, 3, 2)}, "registrationDeadline"),
        ({"location": " "}, "location"),
        ({"end_date": date(2028, 6, 1)}, "endDate"),
    ],
)
def test_bad_occurrences_name_their_field(overrides, field) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(BadUserInput) as refused:
        check_occurrence(occurrence(**overrides))
    assert refused.value.field == field


def test_eligibility_is_by_framework_or_by_name() -> None:
    assert is_eligible(["PFP"], [], "PFP", "GEO")
    assert is_eligible(["MD"], ["GEO"], "PFP", "GEO")
    assert not is_eligible(["MD"], ["JOR"], "PFP", "GEO")
