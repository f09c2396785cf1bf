"""Through the gateway: Georgia plans a menu activity; when the menu cancels the occurrence of that year, Georgia's
planImpacts feed says so at once, naming the programme (resolved by programmes) and its own nomination, while its
programmeChanged feed follows the programme itself."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta
from typing import Any

from .conftest import System
from .test_gateway import publish_activity, until
from .test_live import GraphQLWebSocket
from .test_participation import NOMINATE, ok

IMPACTS = """subscription { planImpacts(partnerIso: "GEO") { kind changes { field after }
  occurrence { id status } plans { year programme { id title status } } nominations { id } } }"""
PROGRAMME = "subscription($id: ID!) { programmeChanged(ids: [$id]) { id version plannedActivities { status } } }"


async def _next(client: GraphQLWebSocket, operation: str) -> dict[str, Any]:
    while True:
        message = await client.next_message(timeout=30)
        assert message["type"] == "next" and "errors" not in message["payload"], message
        if message["id"] == operation:
            return message["payload"]["data"]  # type: ignore[no-any-return]


async def test_a_partner_sees_an_occurrence_it_planned_cancelled_live(system: System) -> None:
    activity = publish_activity(system, frameworks=["PFP"])
    start = date.today() + timedelta(days=45)
    occurrence = ok(
        system.graphql(
            "mutation($a: ID!, $i: OccurrenceInput!) { scheduleOccurrence(activityId: $a, input: $i) { id } }",
            {
                "a": activity["id"],
                "i": {
                    "startDate": start.isoformat(),
                    "endDate": (start + timedelta(days=2)).isoformat(),
                    "location": "Tbilisi",
                    "host": "GCSP",
                    "seats": 10,
                },
            },
        )
    )["scheduleOccurrence"]
    ok(system.graphql("mutation($id: ID!) { openOccurrenceRegistration(id: $id) { id } }", {"id": occurrence["id"]}))
    programme = ok(
        system.graphql(
            "mutation($i: ProgrammeInput!) { createProgramme(input: $i) { id title } }",
            {
                "i": {
                    "partnerIso": "GEO",
                    "type": "BI",
                    "title": "Georgia BI (impacts)",
                    "periodStart": f"{start.year}-01-01",
                    "periodEnd": f"{start.year + 1}-12-31",
                }
            },
        )
    )["createProgramme"]
    client = await GraphQLWebSocket.open(system.gateway, system.token("partner-geo"))
    try:
        programmes, impacts = system.subscribers("programmes", "programmes"), system.subscribers("menu", "impacts")
        await client.subscribe("programme", PROGRAMME, {"id": programme["id"]})
        await client.subscribe("impacts", IMPACTS, {})
        # The subgraphs start tailing their topics with the first subscriber: changes are made once they listen.
        await asyncio.to_thread(system.wait_for_subscribers, "programmes", "programmes", programmes + 1)
        await asyncio.to_thread(system.wait_for_subscribers, "menu", "impacts", impacts + 1)
        plan = (
            "mutation($p: ID!, $a: ID!, $y: Int!) { planActivity(programmeId: $p, input: {activityId: $a, "
            "year: $y}) { plannedActivity { id } } }"
        )
        assert until(
            lambda: system.graphql(
                plan, {"p": programme["id"], "a": activity["id"], "y": start.year}, as_="partner-geo"
            ).get("data")
        )
        changed = (await _next(client, "programme"))["programmeChanged"]
        assert changed["id"] == programme["id"] and changed["plannedActivities"] == [{"status": "PLANNED"}]
        person = {"name": "Nino Beridze", "email": "nino@mod-geo.example"}
        nomination = ok(system.graphql(NOMINATE, {"o": occurrence["id"], "p": person}, as_="partner-geo"))[
            "nominateParticipant"
        ]

        await asyncio.sleep(1)  # the menu learns of the plan from programmes' topic
        ok(
            system.graphql(
                'mutation($id: ID!) { cancelOccurrence(id: $id, reason: "Venue flooded") { id } }',
                {"id": occurrence["id"]},
            )
        )
        impact = (await _next(client, "impacts"))["planImpacts"]
        assert impact["kind"] == "OCCURRENCE_CANCELLED"
        assert {"field": "cancellationReason", "after": "Venue flooded"} in impact["changes"]
        assert impact["occurrence"] == {"id": occurrence["id"], "status": "CANCELLED"}
        assert impact["plans"] == [
            {
                "year": start.year,
                "programme": {"id": programme["id"], "title": "Georgia BI (impacts)", "status": "DRAFT"},
            }
        ]
        assert impact["nominations"] == [{"id": nomination["id"]}]
    finally:
        await client.close()


async def test_a_partner_may_not_follow_another_partners_programmes_or_impacts(system: System) -> None:
    client = await GraphQLWebSocket.open(system.gateway, system.token("partner-geo"))
    try:
        await client.subscribe("1", 'subscription { programmeChanged(partnerIso: "UKR") { id } }', {})
        await client.subscribe("2", 'subscription { planImpacts(partnerIso: "UKR") { kind } }', {})
        codes: dict[str, Any] = {}
        while len(codes) < 2:
            message = await client.next_message()
            if message["type"] == "next":
                codes[message["id"]] = [e["extensions"]["code"] for e in message["payload"]["errors"]]
        assert codes == {"1": ["FORBIDDEN"], "2": ["FORBIDDEN"]}
    finally:
        await client.close()
