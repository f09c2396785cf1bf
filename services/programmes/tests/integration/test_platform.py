"""The Interoperability Platform: members join and leave with dates, meetings are held and set common actions for
members, each assignee reports its progress, and the last completion completes the action."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, timedelta
from typing import Any

from shared.testing.harness import ServiceHarness

JOIN = (
    "mutation($iso: ID!, $on: Date!) { joinInteroperabilityPlatform(iso: $iso, joinedOn: $on) { "
    "interoperabilityPlatform platformJoinedOn platformLeftOn history { edges { node { type } } } } }"
)
SCHEDULE = "mutation($i: MeetingInput!) { schedulePlatformMeeting(input: $i) { id status attendees } }"
HELD = 'mutation($id: ID!) { recordPlatformMeetingHeld(id: $id, summary: "Agreed two actions") { status } }'
SET = (
    "mutation($m: ID!, $i: ActionInput!) { setCommonAction(meetingId: $m, input: $i) { id status version "
    "assignments { partnerIso status } } }"
)
PROGRESS = (
    "mutation($id: ID!, $s: AssignmentStatus!, $p: ID) { reportCommonActionProgress(id: $id, status: $s, "
    'partnerIso: $p, note: "reported") { status assignments { partnerIso status completedOn } '
    "transitions { partnerIso toStatus } } }"
)
LAST_MONTH = date.today() - timedelta(days=30)


async def member(programmes: ServiceHarness, iso: str) -> None:
    found = (
        await programmes.graphql("query($iso: ID!) { partner(iso: $iso) { interoperabilityPlatform } }", {"iso": iso})
    ).ok()["partner"]
    if not found["interoperabilityPlatform"]:
        (await programmes.graphql(JOIN, {"iso": iso, "on": "2015-01-10"})).ok()


async def held_meeting(programmes: ServiceHarness, attendees: list[str]) -> str:
    meeting = (
        await programmes.graphql(
            SCHEDULE,
            {
                "i": {
                    "title": "Platform thematic meeting",
                    "format": "THEMATIC",
                    "heldOn": LAST_MONTH.isoformat(),
                    "location": "Brussels",
                    "attendees": attendees,
                }
            },
        )
    ).ok()["schedulePlatformMeeting"]
    (await programmes.graphql(HELD, {"id": meeting["id"]})).ok()
    return str(meeting["id"])


async def test_a_partner_joins_and_leaves_the_platform_with_dates(
    programmes: ServiceHarness, partner: Callable[..., Awaitable[str]]
) -> None:
    iso = await partner()
    joined = (await programmes.graphql(JOIN, {"iso": iso, "on": "2016-03-01"})).ok()["joinInteroperabilityPlatform"]
    assert joined["interoperabilityPlatform"] and joined["platformJoinedOn"] == "2016-03-01"
    assert joined["history"]["edges"][0]["node"]["type"] == "programmes.partner.platform_joined"
    again = await programmes.graphql(JOIN, {"iso": iso, "on": "2016-03-01"})
    assert again.codes == ["CONFLICT"]
    future = await programmes.graphql(
        JOIN, {"iso": await partner(), "on": (date.today() + timedelta(days=3)).isoformat()}
    )
    assert (future.codes, future.fields) == (["BAD_USER_INPUT"], ["joinedOn"])
    left = (
        await programmes.graphql(
            "mutation($iso: ID!) { leaveInteroperabilityPlatform(iso: $iso, leftOn: "
            '"2020-06-30") { interoperabilityPlatform platformJoinedOn platformLeftOn } }',
            {"iso": iso},
        )
    ).ok()["leaveInteroperabilityPlatform"]
    assert left == {"interoperabilityPlatform": False, "platformJoinedOn": "2016-03-01", "platformLeftOn": "2020-06-30"}
    by_partner = await programmes.graphql(JOIN, {"iso": "GEO", "on": "2016-03-01"}, as_="partner-geo")
    assert by_partner.codes == ["FORBIDDEN"]


async def test_a_held_meeting_sets_actions_that_members_complete(
    programmes: ServiceHarness, partner: Callable[..., Awaitable[str]]
) -> None:
    other = await partner()
    await member(programmes, other)
    await member(programmes, "GEO")
    meeting = await held_meeting(programmes, ["GEO", other])
    action = (
        await programmes.graphql(
            SET,
            {
                "m": meeting,
                "i": {
                    "title": "Adopt FMN",
                    "description": "Join the Federated Mission Networking framework",
                    "dueOn": (LAST_MONTH + timedelta(days=180)).isoformat(),
                    "assignees": ["GEO", other],
                },
            },
        )
    ).ok()
    common = action["setCommonAction"]
    assert common["status"] == "OPEN"
    assert {a["partnerIso"]: a["status"] for a in common["assignments"]} == {"GEO": "ASSIGNED", other: "ASSIGNED"}

    seen = (
        await programmes.graphql(
            "query($id: ID!) { commonAction(id: $id) { assignments { partnerIso } "
            "meeting { id } history { edges { node { type } } } } }",
            {"id": common["id"]},
            as_="partner-geo",
        )
    ).ok()
    assert seen["commonAction"]["assignments"] == [{"partnerIso": "GEO"}]
    assert seen["commonAction"]["history"] is None  # its states carry the other assignees' progress
    assert seen["commonAction"]["meeting"] == {"id": meeting}
    unseen = await programmes.graphql(
        "query($id: ID!) { commonAction(id: $id) { id } }", {"id": common["id"]}, as_="partner-jor"
    )
    assert unseen.ok()["commonAction"] is None
    not_theirs = await programmes.graphql(PROGRESS, {"id": common["id"], "s": "COMPLETED"}, as_="partner-jor")
    assert not_theirs.codes == ["NOT_FOUND"]

    (await programmes.graphql(PROGRESS, {"id": common["id"], "s": "IN_PROGRESS"}, as_="partner-geo")).ok()
    geo_done = (await programmes.graphql(PROGRESS, {"id": common["id"], "s": "COMPLETED"}, as_="partner-geo")).ok()
    assert geo_done["reportCommonActionProgress"]["status"] == "OPEN"
    backwards = await programmes.graphql(PROGRESS, {"id": common["id"], "s": "IN_PROGRESS"}, as_="partner-geo")
    assert backwards.codes == ["CONFLICT"]
    done = (await programmes.graphql(PROGRESS, {"id": common["id"], "s": "COMPLETED", "p": other})).ok()
    body = done["reportCommonActionProgress"]
    assert body["status"] == "COMPLETED"
    assert all(a["status"] == "COMPLETED" and a["completedOn"] for a in body["assignments"])
    assert [t["toStatus"] for t in body["transitions"]][-1] == "COMPLETED"

    listed = (
        await programmes.graphql(
            '{ commonActions(filter: {assignee: "GEO"}, first: 100) { edges { node { id } } } }', as_="partner-geo"
        )
    ).ok()["commonActions"]["edges"]
    assert common["id"] in [e["node"]["id"] for e in listed]
    assert body["transitions"][-1]["partnerIso"] is None
    shared = await programmes.graphql(
        "query($iso: ID!) { partner(iso: $iso) { commonActions { totalCount } } }", {"iso": other}, as_="partner-geo"
    )
    assert shared.ok()["partner"]["commonActions"]["totalCount"] == 0  # not the other's list, though it shares one
    theirs = await programmes.graphql(
        "query($iso: ID!) { commonActions(filter: {assignee: $iso}) { totalCount } }", {"iso": other}, as_="partner-geo"
    )
    assert (theirs.codes, theirs.fields) == (["BAD_USER_INPUT"], ["filter.assignee"])
    last = (
        await programmes.graphql(
            "query($id: ID!) { commonAction(id: $id) { transitions { toStatus actor } } }",
            {"id": common["id"]},
            as_="partner-geo",
        )
    ).ok()["commonAction"]["transitions"]
    assert last[-1] == {"toStatus": "COMPLETED", "actor": "programmes (the last assignee's completion)"}


async def test_actions_need_a_held_meeting_and_member_assignees(
    programmes: ServiceHarness, partner: Callable[..., Awaitable[str]]
) -> None:
    outsider = await partner()
    await member(programmes, "GEO")
    planned = (
        await programmes.graphql(
            SCHEDULE,
            {
                "i": {
                    "title": "Next plenary",
                    "format": "PLENARY",
                    "heldOn": (date.today() + timedelta(days=90)).isoformat(),
                    "location": "Mons",
                    "attendees": ["GEO"],
                }
            },
        )
    ).ok()["schedulePlatformMeeting"]
    action: dict[str, Any] = {
        "title": "x",
        "description": "y",
        "dueOn": (date.today() + timedelta(days=400)).isoformat(),
        "assignees": ["GEO"],
    }
    early = await programmes.graphql(SET, {"m": planned["id"], "i": action})
    assert early.codes == ["CONFLICT"]
    not_yet = await programmes.graphql(HELD, {"id": planned["id"]})
    assert not_yet.codes == ["CONFLICT"]
    meeting = await held_meeting(programmes, ["GEO"])
    outside = await programmes.graphql(SET, {"m": meeting, "i": {**action, "assignees": ["GEO", outsider]}})
    assert (outside.codes, outside.fields) == (["CONFLICT"], ["assignees"])
    attending = await programmes.graphql(
        SCHEDULE,
        {"i": {"title": "t", "format": "PLENARY", "heldOn": "2024-01-01", "location": "Mons", "attendees": [outsider]}},
    )
    assert attending.codes == ["CONFLICT"]
