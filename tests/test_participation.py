"""Participation through the gateway: a partner nominates, the waitlist moves, staff record attendance, and the
partner's planned activity turns DONE in programmes and shows on capacity's measure, over the broker."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from .conftest import System
from .test_gateway import publish_activity, submit, until

NOMINATE = (
    "mutation($o: ID!, $p: ParticipantInput!) { nominateParticipant(occurrenceId: $o, participant: $p) { id status } }"
)


def ok(result: dict[str, Any]) -> dict[str, Any]:
    assert "errors" not in result, result
    return result["data"]


def test_attendance_makes_the_planned_activity_done_and_shows_on_the_measure(system: System) -> None:
    activity = publish_activity(system, frameworks=["PFP"])
    start = date.today() + timedelta(days=30)
    occurrence = ok(
        system.graphql(
            "mutation($a: ID!, $i: OccurrenceInput!) { scheduleOccurrence(activityId: $a, input: $i) { id } }",
            {
                "a": activity["id"],
                "i": {
                    "startDate": start.isoformat(),
                    "endDate": (start + timedelta(days=4)).isoformat(),
                    "location": "Tbilisi",
                    "host": "GCSP",
                    "seats": 1,
                },
            },
        )
    )["scheduleOccurrence"]
    ok(system.graphql("mutation($id: ID!) { openOccurrenceRegistration(id: $id) { id } }", {"id": occurrence["id"]}))
    programme = ok(
        system.graphql(
            "mutation($i: ProgrammeInput!) { createProgramme(input: $i) { id } }",
            {
                "i": {
                    "partnerIso": "GEO",
                    "type": "ITPP",
                    "title": "Georgia ITPP",
                    "periodStart": f"{start.year}-01-01",
                    "periodEnd": f"{start.year + 1}-12-31",
                }
            },
        )
    )["createProgramme"]
    plan = (
        "mutation($p: ID!, $a: ID!, $y: Int!) { planActivity(programmeId: $p, input: {activityId: $a, year: $y}) "
        "{ plannedActivity { id status } } }"
    )
    assert until(lambda: system.graphql(plan, {"p": programme["id"], "a": activity["id"], "y": start.year}).get("data"))

    people = [{"name": f"Giorgi Officer {n}", "email": f"officer{n}@mod-geo.example"} for n in (1, 2)]
    first, second = [
        ok(system.graphql(NOMINATE, {"o": occurrence["id"], "p": p}, as_="partner-geo"))["nominateParticipant"]
        for p in people
    ]
    assert (first["status"], second["status"]) == ("NOMINATED", "WAITLISTED")
    ok(
        system.graphql(
            'mutation($id: ID!) { withdrawNomination(id: $id, reason: "Posted abroad") { id } }',
            {"id": first["id"]},
            as_="partner-geo",
        )
    )
    seen = ok(
        system.graphql(
            "query($id: ID!) { occurrence(id: $id) { seats { taken waitlisted } nominations { "
            "edges { node { id status participant { name } } } } } }",
            {"id": occurrence["id"]},
            as_="partner-geo",
        )
    )["occurrence"]
    assert seen["seats"] == {"taken": 1, "waitlisted": 0}
    assert [e["node"]["status"] for e in seen["nominations"]["edges"]] == ["WITHDRAWN", "NOMINATED"]
    assert seen["nominations"]["edges"][1]["node"]["participant"]["name"] == "Giorgi Officer 2"
    # "My nominations" in one round trip: each with its occurrence, activity and partner, joined by the gateway.
    mine = ok(
        system.graphql(
            '{ partner(iso: "GEO") { nominations(first: 100) { edges { node { id occurrence { id startDate } '
            "activity { id title } partner { iso name } } } } } }",
            as_="partner-geo",
        )
    )["partner"]["nominations"]["edges"]
    joined = next(e["node"] for e in mine if e["node"]["id"] == second["id"])
    assert joined["occurrence"] == {"id": occurrence["id"], "startDate": start.isoformat()}
    assert joined["activity"]["id"] == activity["id"] and joined["activity"]["title"].startswith("Aaa system course")
    assert joined["partner"] == {"iso": "GEO", "name": "Georgia"}

    ok(system.graphql("mutation($id: ID!) { confirmNomination(id: $id) { id } }", {"id": second["id"]}))
    for step in ("closeOccurrenceRegistration", "markOccurrenceHeld"):
        ok(system.graphql(f"mutation($id: ID!) {{ {step}(id: $id) {{ id }} }}", {"id": occurrence["id"]}))
    ok(
        system.graphql(
            "mutation($id: ID!) { recordAttendance(id: $id, attended: true) { status } }", {"id": second["id"]}
        )
    )

    def done() -> dict[str, Any] | None:
        lines = ok(
            system.graphql(
                "query($id: ID!) { programme(id: $id) { plannedActivities { status occurrenceId "
                "transitions { toStatus } } } }",
                {"id": programme["id"]},
                as_="partner-geo",
            )
        )
        line = lines["programme"]["plannedActivities"][0]
        return line if line["status"] == "DONE" else None

    line = until(done)
    assert line and line["occurrenceId"] == occurrence["id"]
    assert [h["toStatus"] for h in line["transitions"]] == ["PLANNED", "CONFIRMED", "DONE"]

    request = submit(system, "GEO", "Staff training")["data"]["submitCapacityRequest"]
    ok(system.graphql("mutation($id: ID!) { startRequestAssessment(id: $id) { id } }", {"id": request["id"]}))
    ok(
        system.graphql(
            'mutation($id: ID!) { proposePackage(requestId: $id, summary: "Training") { package { id } } }',
            {"id": request["id"]},
        )
    )
    assert until(
        lambda: system.graphql(
            "mutation($r: ID!, $a: [ID!]!) { addMeasure(requestId: $r, input: {area: EDUCATION_AND_TRAINING, title: "
            '"Courses", leadNation: "NOR", activityIds: $a}) { measure { id } } }',
            {"r": request["id"], "a": [activity["id"]]},
        ).get("data")
    )

    def shown() -> list[Any] | None:
        measures = ok(
            system.graphql(
                "query($id: ID!) { capacityRequest(id: $id) { package { measures { attendance "
                "{ occurrenceId participants } } } } }",
                {"id": request["id"]},
                as_="partner-geo",
            )
        )
        return measures["capacityRequest"]["package"]["measures"][0]["attendance"] or None

    assert until(shown) == [{"occurrenceId": occurrence["id"], "participants": 1}]
