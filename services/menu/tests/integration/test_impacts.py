"""planImpacts: a partner sees, as they happen, the menu changes that touch its plans, capacity measures and
nominations (learnt from programmes' and capacity's topics and the menu's own nominations), and nobody else's."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select

from menu.commitments.models import Commitment
from shared.events.envelope import DomainEvent
from shared.testing.harness import ServiceHarness, eventually
from shared.testing.kafka import publish_as

from .test_nominations import nominate, open_occurrence

IMPACTS = """subscription($iso: ID!) { planImpacts(partnerIso: $iso) { kind partnerIso time
  changes { field before after } activity { id } occurrence { id }
  plans { programme { id } plannedActivityId year } measures { request { id } measureId }
  nominations { id status } } }"""


async def _commit(menu: ServiceHarness, partner_iso: str, activity_id: str, year: int) -> tuple[str, str, str]:
    """GEO plans the activity in a programme and links it from a capacity measure, as programmes and capacity
    publish them; returns (programme, plan, request) ids once the menu holds them."""
    programme, plan, request, measure = (str(uuid.uuid4()) for _ in range(4))
    now = datetime.now(UTC).isoformat()
    await publish_as(
        menu.settings.kafka_bootstrap_servers,
        menu.settings.topic("programmes.programme.v1"),
        DomainEvent(
            "programmes.programme.v1",
            "programmes.programme.activity_planned",
            programme,
            {
                "id": programme,
                "partnerIso": partner_iso,
                "status": "APPROVED",
                "version": 3,
                "updatedAt": now,
                "plannedActivities": [
                    {"id": plan, "activityId": activity_id, "year": year, "status": "PLANNED"},
                    {"id": str(uuid.uuid4()), "activityId": activity_id, "year": year + 3, "status": "PLANNED"},
                ],
            },
        ),
        "/partnership-hub/programmes",
    )
    await publish_as(
        menu.settings.kafka_bootstrap_servers,
        menu.settings.topic("capacity.request.v1"),
        DomainEvent(
            "capacity.request.v1",
            "capacity.request.activity_linked",
            request,
            {
                "id": request,
                "partnerIso": partner_iso,
                "status": "IMPLEMENTING",
                "version": 7,
                "updatedAt": now,
                "package": {"measures": [{"id": measure, "activityIds": [activity_id]}]},
            },
        ),
        "/partnership-hub/capacity",
    )

    async def held() -> bool:
        async with menu.runtime.sessionmaker() as session:
            return (
                await session.scalar(
                    select(func.count()).select_from(Commitment).where(Commitment.activity_id == uuid.UUID(activity_id))
                )
                == 3
            )

    await eventually(held)
    return programme, plan, request


async def _collect(stream: Any, seen: list[dict[str, Any]], count: int) -> None:
    try:
        async for result in stream:
            assert not result.errors, result.errors
            seen.append(result.data["planImpacts"])
            if len(seen) == count:
                return
    finally:
        await stream.aclose()  # type: ignore[attr-defined]  # a subscription is an async generator


async def test_a_partner_sees_what_menu_changes_do_to_its_plans_measures_and_nominations(
    menu: ServiceHarness, create_activity, schedule
) -> None:
    occurrence = await open_occurrence(menu, create_activity, schedule)
    activity_id = occurrence["activityId"]
    year = date.fromisoformat(occurrence["startDate"]).year
    programme, plan, request = await _commit(menu, "GEO", activity_id, year)
    nomination = await nominate(menu, occurrence["id"])

    geo = await menu.subscribe(IMPACTS, {"iso": "GEO"}, as_="partner-geo")
    ukr = await menu.subscribe(IMPACTS, {"iso": "UKR"}, as_="partner-ukr")
    seen: list[dict[str, Any]] = []
    others: list[dict[str, Any]] = []
    collector = asyncio.create_task(_collect(geo, seen, 3))
    watcher = asyncio.create_task(_collect(ukr, others, 1))
    await asyncio.wait_for(menu.runtime.live.listening.wait(), 10)

    update = "mutation($id: ID!, $i: OccurrenceChanges!) { updateOccurrence(id: $id, input: $i) { id } }"
    (await menu.graphql(update, {"id": occurrence["id"], "i": {"seats": 30}})).ok()
    (await menu.graphql(update, {"id": occurrence["id"], "i": {"location": "Tbilisi"}})).ok()
    (
        await menu.graphql(
            'mutation($id: ID!) { withdrawActivity(id: $id, reason: "Course closed") { id } }', {"id": activity_id}
        )
    ).ok()
    await asyncio.wait_for(collector, 20)

    seats, moved, withdrawn = seen
    assert seats["kind"] == "SEATS_CHANGED" and seats["partnerIso"] == "GEO"
    assert {"field": "seats", "before": occurrence["seats"]["total"], "after": 30} in seats["changes"]
    assert seats["occurrence"] == {"id": occurrence["id"]} and seats["activity"] == {"id": activity_id}
    assert seats["plans"] == [{"programme": {"id": programme}, "plannedActivityId": plan, "year": year}]
    assert [m["request"]["id"] for m in seats["measures"]] == [request]
    assert seats["nominations"] == [{"id": nomination["id"], "status": nomination["status"]}]
    assert moved["kind"] == "OCCURRENCE_MOVED" and {c["field"] for c in moved["changes"]} == {"location"}
    assert withdrawn["kind"] == "ACTIVITY_WITHDRAWN" and withdrawn["occurrence"] is None
    assert {"field": "withdrawalReason", "before": None, "after": "Course closed"} in withdrawn["changes"]
    assert len(withdrawn["plans"]) == 2  # every year's plan: the activity is gone

    await asyncio.sleep(0.5)
    watcher.cancel()
    assert others == []  # nothing of Georgia's reaches Ukraine


async def test_a_partner_follows_its_own_impacts_only(menu: ServiceHarness) -> None:
    stream = await menu.subscribe(IMPACTS, {"iso": "UKR"}, as_="partner-geo")
    first = await stream.__anext__()
    assert first.errors and first.errors[0].extensions["code"] == "FORBIDDEN"
    await stream.aclose()  # type: ignore[attr-defined]  # a subscription is an async generator
