"""Activity use cases: create, change, publish, withdraw, archive an activity; schedule, change, advance, cancel
its occurrences. Load, apply a rule, save, publish the event; they never commit.

Whoever opened the unit of work (a mutation, the seed) commits it, so a use case's
change and its events are written together or not at all.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict
from datetime import date
from typing import Any

from menu.activities.access import EDIT_ACTIVITIES, PUBLISH_ACTIVITIES, check_may_create, check_may_edit
from menu.activities.events import activity_event, occurrence_event
from menu.activities.models import Activity, Occurrence
from menu.activities.repository import ActivityRepository, AreaRepository, OccurrenceRepository
from menu.activities.rules import (
    EDITABLE_ACTIVITY,
    EDITABLE_OCCURRENCE,
    ActivityDetails,
    ActivityStatus,
    OccurrenceDetails,
    OccurrenceStatus,
    check_activity,
    check_horizon,
    check_occurrence,
    check_pcm_ref,
    check_publishable,
)
from menu.participation.repository import NominationRepository
from menu.participation.use_cases import fill_free_seats
from menu.partners.repository import known_partners
from menu.providers.models import Provider
from menu.providers.repository import ProviderRepository
from menu.providers.use_cases import provider_taking_activities
from shared.db import UnitOfWork
from shared.domain_text import text_field
from shared.errors import BadUserInput, Conflict, NotFound


async def create_activity(uow: UnitOfWork, pcm_ref: str, details: ActivityDetails) -> Activity:
    EDIT_ACTIVITIES.require(uow.caller)
    pcm_ref = check_pcm_ref(pcm_ref)
    check_may_create(uow.caller, pcm_ref)
    details = check_activity(details)
    activities = ActivityRepository(uow.session)
    if not await AreaRepository(uow.session).exists(details.area_code):
        raise BadUserInput(f"there is no area of cooperation {details.area_code!r}", field="areaCode")
    if await activities.pcm_ref_taken(pcm_ref):
        raise Conflict(f"an activity {pcm_ref} already exists", field="pcmRef")
    await _check_partners_known(uow, details.eligible_partners)
    provider = await provider_taking_activities(uow, pcm_ref)
    _copy_provider(details, provider)
    activity = Activity(pcm_ref=pcm_ref, provider_code=provider.code, status=ActivityStatus.DRAFT, **_columns(details))
    activities.add(activity)
    uow.publish(activity_event("created", activity))
    return activity


async def update_activity(
    uow: UnitOfWork, activity_id: uuid.UUID, changes: dict[str, Any], expected_version: int | None
) -> Activity:
    activity = await _editable(uow, activity_id)
    activity.check_version(expected_version)
    activity.ensure_editable()
    details = check_activity(ActivityDetails(**{**_details_of(activity), **changes}))
    provider = await ProviderRepository(uow.session).get(activity.provider_code)
    assert provider is not None  # an activity's provider is a foreign key
    _copy_provider(details, provider)
    if details.area_code != activity.area_code and not await AreaRepository(uow.session).exists(details.area_code):
        raise BadUserInput(f"there is no area of cooperation {details.area_code!r}", field="areaCode")
    added = [iso for iso in details.eligible_partners if iso not in activity.eligible_partners]
    await _check_partners_known(uow, added)
    if activity.status is ActivityStatus.PUBLISHED:
        check_publishable(details)
    for name, value in _columns(details).items():
        setattr(activity, name, value)
    activity.bump()
    uow.publish(activity_event("updated", activity))
    return activity


async def publish_activity(uow: UnitOfWork, activity_id: uuid.UUID, expected_version: int | None = None) -> Activity:
    PUBLISH_ACTIVITIES.require(uow.caller)
    activity = await _activity(uow, activity_id)
    activity.check_version(expected_version)
    check_publishable(ActivityDetails(**_details_of(activity)))
    activity.move_to(ActivityStatus.PUBLISHED)
    uow.publish(activity_event("published", activity))
    return activity


async def withdraw_activity(
    uow: UnitOfWork, activity_id: uuid.UUID, reason: str, expected_version: int | None = None, today: date | None = None
) -> Activity:
    PUBLISH_ACTIVITIES.require(uow.caller)
    reason = text_field(reason, "reason", max_length=1000) or ""
    activity = await _activity(uow, activity_id)
    activity.check_version(expected_version)
    activity.move_to(ActivityStatus.WITHDRAWN)
    activity.withdrawal_reason = reason
    uow.publish(activity_event("withdrawn", activity))
    # What was still to come of a withdrawn activity will not happen.
    for occurrence in await OccurrenceRepository(uow.session).pending_of(activity.id):
        occurrence.move_to(OccurrenceStatus.CANCELLED)
        occurrence.cancellation_reason = f"activity withdrawn: {reason}"
        uow.publish(occurrence_event("cancelled", occurrence))
    await uow.flush()
    await ActivityRepository(uow.session).refresh_next_start([activity.id], today or date.today())
    return activity


async def archive_activity(uow: UnitOfWork, activity_id: uuid.UUID, expected_version: int | None = None) -> Activity:
    PUBLISH_ACTIVITIES.require(uow.caller)
    activity = await _activity(uow, activity_id)
    activity.check_version(expected_version)
    activity.move_to(ActivityStatus.ARCHIVED)
    uow.publish(activity_event("archived", activity))
    return activity


async def schedule_occurrence(
    uow: UnitOfWork, activity_id: uuid.UUID, details: OccurrenceDetails, today: date | None = None, refresh: bool = True
) -> Occurrence:
    today = today or date.today()
    activity = await _editable(uow, activity_id, field="activityId")
    if activity.status not in EDITABLE_ACTIVITY:
        raise Conflict(
            f"a {activity.status.value.lower()} activity cannot be scheduled", currentStatus=activity.status.value
        )
    details = check_occurrence(details)
    check_horizon(details.start_date, today)
    occurrence = Occurrence(activity_id=activity.id, status=OccurrenceStatus.PLANNED, **asdict(details))
    OccurrenceRepository(uow.session).add(occurrence)
    uow.publish(occurrence_event("scheduled", occurrence))
    if refresh:
        await _refresh_activity(uow, occurrence, today)
    return occurrence


async def update_occurrence(
    uow: UnitOfWork,
    occurrence_id: uuid.UUID,
    changes: dict[str, Any],
    expected_version: int | None,
    today: date | None = None,
) -> Occurrence:
    occurrence = await _occurrence(uow, occurrence_id)
    occurrence.check_version(expected_version)
    if occurrence.status not in EDITABLE_OCCURRENCE:
        raise Conflict(
            f"a {occurrence.status.value.lower()} occurrence cannot change", currentStatus=occurrence.status.value
        )
    current = {name: getattr(occurrence, name) for name in OccurrenceDetails.__dataclass_fields__}
    details = check_occurrence(OccurrenceDetails(**{**current, **changes}))
    if "start_date" in changes:
        check_horizon(details.start_date, today or date.today())
    taken = len(await NominationRepository(uow.session).seat_holders(occurrence.id))
    if details.seats < taken:
        raise Conflict(f"{taken} seats are taken: seats cannot go below that", field="seats")
    for name, value in asdict(details).items():
        setattr(occurrence, name, value)
    occurrence.bump()
    uow.publish(occurrence_event("updated", occurrence))
    await fill_free_seats(uow, occurrence)  # more seats, or a larger quota, serve the waitlist
    await _refresh_activity(uow, occurrence, today or date.today())
    return occurrence


_STEPS = {
    "registration_opened": OccurrenceStatus.OPEN,
    "registration_closed": OccurrenceStatus.CLOSED,
    "held": OccurrenceStatus.HELD,
}


async def advance_occurrence(
    uow: UnitOfWork,
    occurrence_id: uuid.UUID,
    step: str,
    expected_version: int | None = None,
    today: date | None = None,
    refresh: bool = True,
) -> Occurrence:
    """Open registration, close it, or record the occurrence as held: one lifecycle step."""
    occurrence = await _occurrence(uow, occurrence_id)
    occurrence.check_version(expected_version)
    occurrence.move_to(_STEPS[step])
    uow.publish(occurrence_event(step, occurrence))
    if refresh:  # a bulk caller (the seed) refreshes the sort key once for many
        await _refresh_activity(uow, occurrence, today or date.today())
    return occurrence


async def cancel_occurrence(
    uow: UnitOfWork,
    occurrence_id: uuid.UUID,
    reason: str,
    expected_version: int | None = None,
    today: date | None = None,
) -> Occurrence:
    EDIT_ACTIVITIES.require(uow.caller)
    reason = text_field(reason, "reason", max_length=1000) or ""
    occurrence = await _occurrence(uow, occurrence_id)
    occurrence.check_version(expected_version)
    occurrence.move_to(OccurrenceStatus.CANCELLED)
    occurrence.cancellation_reason = reason
    uow.publish(occurrence_event("cancelled", occurrence))
    await _refresh_activity(uow, occurrence, today or date.today())
    return occurrence


async def _check_partners_known(uow: UnitOfWork, isos: list[str]) -> None:
    # The menu knows partners from programmes' events; a partner registered a moment ago may not be here yet.
    unknown = await known_partners(uow.session).unknown(isos)
    if unknown:
        raise BadUserInput(
            f"the menu knows of no partner {', '.join(unknown)}: eligible partners are partner "
            "countries (ISO 3166 alpha-3) that programmes has registered",
            field="eligiblePartners",
        )


async def _refresh_activity(uow: UnitOfWork, occurrence: Occurrence, today: date) -> None:
    await uow.flush()
    await ActivityRepository(uow.session).refresh_next_start([occurrence.activity_id], today)


async def _activity(uow: UnitOfWork, activity_id: uuid.UUID, field: str | None = None) -> Activity:
    return await ActivityRepository(uow.session).for_change(activity_id, field=field)


async def _editable(uow: UnitOfWork, activity_id: uuid.UUID, field: str | None = None) -> Activity:
    """The activity, locked for a change the caller may make (a provider: its own)."""
    EDIT_ACTIVITIES.require(uow.caller)
    activity = await _activity(uow, activity_id, field)
    # Another provider's draft is answered as an unknown id would be.
    missing = (
        BadUserInput(f"there is no Activity {activity_id}", field=field) if field else NotFound("Activity", activity_id)
    )
    check_may_edit(uow.caller, activity.status, activity.pcm_ref, missing)
    return activity


async def _occurrence(uow: UnitOfWork, occurrence_id: uuid.UUID) -> Occurrence:
    EDIT_ACTIVITIES.require(uow.caller)
    occurrence = await OccurrenceRepository(uow.session).for_change(occurrence_id)
    activity = await ActivityRepository(uow.session).get(occurrence.activity_id)
    assert activity is not None  # an occurrence's activity is a foreign key
    check_may_edit(uow.caller, activity.status, activity.pcm_ref, NotFound("Occurrence", occurrence_id))
    return occurrence


def _copy_provider(details: ActivityDetails, provider: Provider) -> None:
    """An activity's provider name and kind are its provider's: given, they must agree."""
    if details.provider_name not in (None, provider.name):
        raise BadUserInput(
            f"the provider's name is {provider.name!r}: staff change it on provider {provider.code}",
            field="providerName",
        )
    if details.provider_kind not in (None, provider.kind):
        raise BadUserInput(
            f"provider {provider.code} is a {provider.kind.value}: staff change it on the provider",
            field="providerKind",
        )
    details.provider_name, details.provider_kind = provider.name, provider.kind


def _columns(details: ActivityDetails) -> dict[str, Any]:
    columns = asdict(details)
    columns["frameworks"] = [f.value if hasattr(f, "value") else f for f in details.frameworks]
    return columns


def _details_of(activity: Activity) -> dict[str, Any]:
    return {name: getattr(activity, name) for name in ActivityDetails.__dataclass_fields__}
