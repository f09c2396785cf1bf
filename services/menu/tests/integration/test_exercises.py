"""The exercise programme: exercises on the five-year plan, partners asking to take part, and the decisions of
staff or the provider leading the exercise; crisis-management exercises by invitation only."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from menu.exercises.events import EXERCISE_PARTICIPATION_TOPIC
from shared.testing.harness import ServiceHarness
from shared.testing.kafka import read_events

NEXT_YEAR = date.today().year + 1
PLAN = (
    "mutation($i: ExerciseInput!) { planExercise(input: $i) { id name year status nacCrisisManagement "
    "openToPartners lead { code } } }"
)
REQUEST = (
    "mutation($e: ID!, $p: ID, $i: ParticipationInput!) { requestExerciseParticipation(exerciseId: $e, "
    "partnerIso: $p, input: $i) { id status version partner { iso } exercise { name } } }"
)
DECIDE = (
    "mutation($id: ID!) { approveExerciseParticipation(id: $id) { status transitions { fromStatus toStatus "
    "actor } history { edges { node { type } } } } }"
)


async def plan(menu: ServiceHarness, **overrides: Any) -> dict[str, Any]:
    values = {
        "name": f"Steadfast Test {uuid.uuid4().hex[:6]}",
        "year": NEXT_YEAR,
        "type": "COMMAND_POST",
        "scenario": "Command and control of a multinational corps",
        "leadCode": "NSO",
        "startDate": f"{NEXT_YEAR}-10-01",
        "endDate": f"{NEXT_YEAR}-10-10",
        "location": "Stavanger",
    }
    values.update(overrides)
    return (await menu.graphql(PLAN, {"i": values})).ok()["planExercise"]


async def request(menu: ServiceHarness, exercise: dict[str, Any], as_: str, iso: str | None = None) -> Any:
    return await menu.graphql(
        REQUEST, {"e": exercise["id"], "p": iso, "i": {"kind": "STAFF_OFFICERS", "personnel": 6}}, as_=as_
    )


async def test_a_partner_asks_to_take_part_and_the_leading_provider_decides(menu: ServiceHarness) -> None:
    exercise = await plan(menu)
    assert exercise["status"] == "PLANNED" and exercise["lead"] == {"code": "NSO"}
    asked = (await request(menu, exercise, "partner-geo")).ok()["requestExerciseParticipation"]
    assert asked["status"] == "REQUESTED" and asked["partner"] == {"iso": "GEO"}
    assert asked["exercise"]["name"] == exercise["name"]
    again = await request(menu, exercise, "partner-geo")
    assert again.codes == ["CONFLICT"]

    decided = (await menu.graphql(DECIDE, {"id": asked["id"]}, as_="provider-nso")).ok()
    approved = decided["approveExerciseParticipation"]
    assert [t["toStatus"] for t in approved["transitions"]] == ["REQUESTED", "APPROVED"]
    assert approved["transitions"][1]["actor"].endswith("(provider)")
    assert [e["node"]["type"] for e in approved["history"]["edges"]] == [
        "menu.exercise_participation.approved",
        "menu.exercise_participation.requested",
    ]
    events = await read_events(
        menu.settings.kafka_bootstrap_servers,
        menu.settings.topic(EXERCISE_PARTICIPATION_TOPIC),
        key=asked["id"],
        at_least=2,
    )
    assert [e.data["status"] for e, _ in events] == ["REQUESTED", "APPROVED"]


async def test_a_provider_decides_only_for_the_exercises_it_leads(menu: ServiceHarness) -> None:
    exercise = await plan(menu, leadCode="NDC")
    asked = (await request(menu, exercise, "partner-jor")).ok()["requestExerciseParticipation"]
    refused = await menu.graphql(DECIDE, {"id": asked["id"]}, as_="provider-nso")
    assert refused.codes == ["NOT_FOUND"]
    assert (await menu.graphql(DECIDE, {"id": asked["id"]}, as_="partner-jor")).codes == ["FORBIDDEN"]
    # A new lead takes the decisions over: the request follows it.
    (
        await menu.graphql(
            'mutation($id: ID!) { updateExercise(id: $id, input: {leadCode: "NSO"}) { id } }', {"id": exercise["id"]}
        )
    ).ok()
    assert (await menu.graphql(DECIDE, {"id": asked["id"]}, as_="provider-nso")).ok()


async def test_a_partner_asks_what_is_open_to_itself_only(menu: ServiceHarness) -> None:
    own = await menu.graphql('{ exercises(filter: {openTo: "GEO"}) { totalCount } }', as_="partner-geo")
    assert own.ok()["exercises"]["totalCount"] >= 0
    other = await menu.graphql('{ exercises(filter: {openTo: "UKR"}) { totalCount } }', as_="partner-geo")
    assert (other.codes, other.fields) == (["BAD_USER_INPUT"], ["filter.openTo"])


async def test_a_crisis_management_exercise_takes_partners_by_invitation_only(menu: ServiceHarness) -> None:
    exercise = await plan(menu, type="CRISIS_MANAGEMENT", leadCode="NHQ")
    assert exercise["nacCrisisManagement"] and not exercise["openToPartners"]
    read = "query($id: ID!) { exercise(id: $id) { name } }"
    assert (await menu.graphql(read, {"id": exercise["id"]}, as_="partner-geo")).ok()["exercise"] is None
    unseen = await request(menu, exercise, "partner-geo")
    assert (unseen.codes, unseen.fields) == (["BAD_USER_INPUT"], ["exerciseId"])
    by_staff = await request(menu, exercise, "staff", iso="GEO")
    assert by_staff.codes == ["CONFLICT"]

    (
        await menu.graphql(
            'mutation($id: ID!) { inviteToExercise(id: $id, partnerIsos: ["GEO", "UKR"]) { invitedPartners } }',
            {"id": exercise["id"]},
        )
    ).ok()
    invited = "query($id: ID!) { exercise(id: $id) { invitedPartners history { edges { node { type } } } } }"
    seen = (await menu.graphql(invited, {"id": exercise["id"]}, as_="partner-geo")).ok()["exercise"]
    assert seen == {"invitedPartners": ["GEO"], "history": None}  # not who else is invited
    assert (await menu.graphql(invited, {"id": exercise["id"]})).ok()["exercise"]["invitedPartners"] == ["GEO", "UKR"]
    assert (await request(menu, exercise, "partner-geo")).ok()
    listed = (
        await menu.graphql(
            "{ exercises(filter: {nacCrisisManagement: true}, first: 100) { edges { node { id } } } }",
            as_="partner-jor",
        )
    ).ok()["exercises"]["edges"]
    assert exercise["id"] not in [e["node"]["id"] for e in listed]


async def test_a_partner_reads_its_own_requests_only(menu: ServiceHarness) -> None:
    exercise = await plan(menu)
    (await request(menu, exercise, "partner-geo")).ok()
    (await request(menu, exercise, "partner-jor")).ok()
    query = "query($id: ID!) { exercise(id: $id) { participations { totalCount edges { node { partner { iso } } } } } }"
    seen = (await menu.graphql(query, {"id": exercise["id"]}, as_="partner-geo")).ok()["exercise"]["participations"]
    assert seen["totalCount"] == 1 and seen["edges"][0]["node"]["partner"] == {"iso": "GEO"}
    everything = (await menu.graphql(query, {"id": exercise["id"]}, as_="ally-nor")).ok()
    assert everything["exercise"]["participations"]["totalCount"] == 2
    theirs = await menu.graphql(
        "query($r: [_Any!]!) { _entities(representations: $r) { ... on Partner { "
        "exerciseParticipations { edges { node { partner { iso } } } } } } }",
        {"r": [{"__typename": "Partner", "iso": "JOR"}]},
        as_="partner-geo",
    )
    assert theirs.ok()["_entities"][0]["exerciseParticipations"]["edges"] == []


async def test_the_plan_lifecycle_and_its_bad_input(menu: ServiceHarness) -> None:
    outside = await menu.graphql(
        PLAN, {"i": {"name": "Too far", "year": NEXT_YEAR + 9, "type": "LIVE", "scenario": "x", "leadCode": "NSO"}}
    )
    assert (outside.codes, outside.fields) == (["BAD_USER_INPUT"], ["year"])
    no_lead = await menu.graphql(
        PLAN, {"i": {"name": "No lead", "year": NEXT_YEAR, "type": "LIVE", "scenario": "x", "leadCode": "NOPE"}}
    )
    assert (no_lead.codes, no_lead.fields) == (["BAD_USER_INPUT"], ["leadCode"])
    undated = await plan(menu, startDate=None, endDate=None)
    confirm = "mutation($id: ID!) { confirmExercise(id: $id) { status } }"
    assert (await menu.graphql(confirm, {"id": undated["id"]})).codes == ["CONFLICT"]
    assert (await menu.graphql(confirm, {"id": undated["id"]}, as_="provider-nso")).codes == ["FORBIDDEN"]

    exercise = await plan(menu)
    asked = (await request(menu, exercise, "partner-geo")).ok()["requestExerciseParticipation"]
    (await menu.graphql(confirm, {"id": exercise["id"]})).ok()
    cancelled = (
        await menu.graphql(
            'mutation($id: ID!) { cancelExercise(id: $id, reason: "Host nation withdrew") { status transitions { '
            "toStatus reason } participations { edges { node { id status } } } } }",
            {"id": exercise["id"]},
        )
    ).ok()
    body = cancelled["cancelExercise"]
    assert [t["toStatus"] for t in body["transitions"]] == ["PLANNED", "CONFIRMED", "CANCELLED"]
    assert body["participations"]["edges"] == [{"node": {"id": asked["id"], "status": "DECLINED"}}]
    late = await request(menu, exercise, "partner-jor")
    assert late.codes == ["CONFLICT"]
