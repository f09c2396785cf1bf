"""A snapshot (the owner's republish) is a state like any other: one the copy holds changes nothing, a newer one
is applied with its consequences, even when the events before it were lost."""

from __future__ import annotations

from datetime import date

from shared.metrics import READ_MODEL_GAPS
from shared.testing.harness import ServiceHarness, eventually

PLAN = (
    "mutation($p: ID!, $i: PlannedActivityInput!) { planActivity(programmeId: $p, input: $i) { "
    "plannedActivity { id } } }"
)
LINES = "query($id: ID!) { programme(id: $id) { plannedActivities { status flagReason activity { id } } } }"


async def test_a_snapshot_of_a_version_held_changes_nothing_and_a_newer_one_applies(
    programmes: ServiceHarness, partner, create_programme, menu_activity
) -> None:
    activity = await menu_activity(frameworks=["PFP"], version=2)
    programme = await create_programme(await partner(), "IPCP", date(2030, 1, 1))
    (await programmes.graphql(PLAN, {"p": programme["id"], "i": {"activityId": activity["id"], "year": 2030}})).ok()

    # The same version again, as a snapshot that says something else: the copy keeps what it has.
    await menu_activity(activity["id"], version=2, verb="snapshot", status="WITHDRAWN", reason="not so", wait=False)
    # The withdrawal itself was lost; the next snapshot is how programmes learns of it, and the gap is counted.
    gaps = READ_MODEL_GAPS.labels("known_activity")._value.get()
    await menu_activity(activity["id"], version=4, verb="snapshot", status="WITHDRAWN", reason="Course closed")

    async def flagged() -> list[dict[str, object]] | None:
        lines = (await programmes.graphql(LINES, {"id": programme["id"]})).ok()["programme"]["plannedActivities"]
        return lines if lines[0]["status"] == "FLAGGED" else None

    [line] = await eventually(flagged)
    assert line["flagReason"] == "withdrawn from the menu: Course closed"  # never "not so": v2 was held already
    assert READ_MODEL_GAPS.labels("known_activity")._value.get() == gaps + 1  # version 3 never came
