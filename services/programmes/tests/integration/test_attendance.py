"""Partners' participants attend menu occurrences: the partner's planned activity for that activity and year
is done (a PLANNED one confirmed and done in one step), both steps in its transitions, naming the occurrence."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import text

from shared.testing.harness import ServiceHarness, eventually
from shared.testing.kafka import publish_nomination

PLAN = (
    "mutation($p: ID!, $a: ID!, $y: Int!) { planActivity(programmeId: $p, input: {activityId: $a, year: $y}) "
    "{ plannedActivity { id status occurrenceId } } }"
)
LINES = (
    "query($id: ID!) { programme(id: $id) { plannedActivities { id year status occurrenceId "
    "transitions { fromStatus toStatus note actor } } } }"
)


async def attend(programmes: ServiceHarness, partner_iso: str, activity_id: str, start: str, **extra: Any) -> str:
    occurrence = extra.pop("occurrence_id", str(uuid.uuid4()))
    await publish_nomination(
        programmes.settings.kafka_bootstrap_servers,
        programmes.settings.topic("menu.nomination.v1"),
        partner_iso=partner_iso,
        activity_id=activity_id,
        start=start,
        occurrence_id=occurrence,
        **extra,
    )
    return occurrence


async def test_attendance_makes_the_partners_planned_activity_done(
    programmes: ServiceHarness, partner, create_programme, menu_activity
) -> None:
    iso, activity = await partner(), await menu_activity()
    programme = await create_programme(iso, "IPCP", date(2030, 1, 1))
    planned = (await programmes.graphql(PLAN, {"p": programme["id"], "a": activity["id"], "y": 2030})).ok()
    line_id = planned["planActivity"]["plannedActivity"]["id"]
    await attend(programmes, iso, activity["id"], "2030-06-01", status="NO_SHOW", verb="no_show")
    await attend(programmes, iso, activity["id"], "2031-03-01")  # another year's occurrence: not this line
    occurrence = await attend(programmes, iso, activity["id"], "2030-05-10")

    async def done():  # type: ignore[no-untyped-def]
        lines = (await programmes.graphql(LINES, {"id": programme["id"]})).ok()["programme"]["plannedActivities"]
        return lines[0] if lines[0]["status"] == "DONE" else None

    line = await eventually(done)
    assert line["id"] == line_id and line["occurrenceId"] == occurrence
    assert [(h["fromStatus"], h["toStatus"]) for h in line["transitions"]] == [
        (None, "PLANNED"),
        ("PLANNED", "CONFIRMED"),
        ("CONFIRMED", "DONE"),
    ]
    assert line["transitions"][2]["note"] == f"participants attended occurrence {occurrence}"

    # Planned afterwards for a year the partner's people attended already: done as it is planned.
    second = await create_programme(iso, "ITPP", date(2030, 1, 1), date(2031, 12, 31))
    later = (await programmes.graphql(PLAN, {"p": second["id"], "a": activity["id"], "y": 2031})).ok()
    assert later["planActivity"]["plannedActivity"]["status"] == "DONE"
    assert later["planActivity"]["plannedActivity"]["occurrenceId"] is not None


async def test_another_partners_attendance_changes_nothing(
    programmes: ServiceHarness, partner, create_programme, menu_activity
) -> None:
    iso, other, activity = await partner(), await partner(), await menu_activity()
    programme = await create_programme(iso, "IPCP", date(2030, 1, 1))
    (await programmes.graphql(PLAN, {"p": programme["id"], "a": activity["id"], "y": 2030})).ok()
    await attend(programmes, other, activity["id"], "2030-05-10")

    async def read() -> bool:
        async with programmes.runtime.sessionmaker() as session:
            return bool(
                await session.scalar(text("SELECT count(*) FROM attendance WHERE partner_iso = :iso"), {"iso": other})
            )

    await eventually(read)
    lines = (await programmes.graphql(LINES, {"id": programme["id"]})).ok()["programme"]["plannedActivities"]
    assert lines[0]["status"] == "PLANNED"
