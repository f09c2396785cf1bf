"""The partnership toolbox through the gateway: a partner's request to take part in an exercise joined to the
partner's name from programmes, an exercise's leading provider, a partner's platform and WPS fields, and a
coordination centre watching disaster assistance live."""

from __future__ import annotations

import asyncio
import uuid
from datetime import date
from typing import Any

from .conftest import System
from .test_live import GraphQLWebSocket

WATCHED = (
    "subscription($ids: [ID!]) { assistanceChanged(ids: $ids) { id version needs { item covered } "
    "offers { nation quantity status } } }"
)


def test_an_exercise_request_reads_across_the_menu_and_programmes(system: System) -> None:
    year = date.today().year + 1
    planned = system.graphql(
        "mutation($i: ExerciseInput!) { planExercise(input: $i) { id lead { code name kind } } }",
        {
            "i": {
                "name": f"Cyber Coalition {uuid.uuid4().hex[:6]}",
                "year": year,
                "type": "COMPUTER_ASSISTED",
                "scenario": "Defence of networks",
                "leadCode": "NSO",
            }
        },
    )
    exercise = planned["data"]["planExercise"]
    assert exercise["lead"] == {"code": "NSO", "name": "NATO School Oberammergau", "kind": "NATO_BODY"}
    asked = system.graphql(
        "mutation($e: ID!) { requestExerciseParticipation(exerciseId: $e, input: {kind: OBSERVERS, personnel: 3}) "
        "{ id status partner { iso name } exercise { name } } }",
        {"e": exercise["id"]},
        as_="partner-geo",
    )
    request = asked["data"]["requestExerciseParticipation"]
    assert request["status"] == "REQUESTED" and request["partner"] == {"iso": "GEO", "name": "Georgia"}
    decided = system.graphql(
        "mutation($id: ID!) { approveExerciseParticipation(id: $id) { status } }",
        {"id": request["id"]},
        as_="provider-nso",
    )
    assert decided["data"]["approveExerciseParticipation"]["status"] == "APPROVED"
    seen = system.graphql(
        '{ partner(iso: "GEO") { exerciseParticipations { edges { node { id } } } '
        "wpsSummary { objectivesTotal } platformJoinedOn } }",
        as_="partner-geo",
    )
    assert request["id"] in [e["node"]["id"] for e in seen["data"]["partner"]["exerciseParticipations"]["edges"]]
    assert seen["data"]["partner"]["wpsSummary"] is not None
    other = system.graphql(
        '{ partner(iso: "GEO") { exerciseParticipations { totalCount } wpsSummary { objectivesTotal } } }',
        as_="partner-jor",
    )
    assert other["data"]["partner"] == {"exerciseParticipations": {"totalCount": 0}, "wpsSummary": None}


async def test_a_coordination_centre_sees_a_new_offer_arrive_live(system: System) -> None:
    filed = system.graphql(
        "mutation($i: AssistanceInput!) { requestAssistance(input: $i) { id needs { id } } }",
        {
            "i": {
                "strickenCountry": "UKR",
                "disasterType": "FLOOD",
                "title": f"Floods {uuid.uuid4().hex[:6]}",
                "situation": "A dam breached",
                "needs": [{"item": "Water pumps", "quantity": "40", "unit": "pcs"}],
            }
        },
        as_="partner-ukr",
    )
    request = filed["data"]["requestAssistance"]
    read = system.graphql(
        "query($id: ID!) { assistanceRequest(id: $id) { strickenPartner { name } } }",
        {"id": request["id"]},
        as_="ally-nor",
    )
    assert read["data"]["assistanceRequest"]["strickenPartner"] == {"name": "Ukraine"}  # completed by programmes
    centre = await GraphQLWebSocket.open(system.gateway, system.token("staff"))
    bystander = await GraphQLWebSocket.open(system.gateway, system.token("partner-geo"))
    try:
        before = system.subscribers("capacity", "assistance")
        for client in (centre, bystander):
            await client.subscribe("watch", WATCHED, {"ids": [request["id"]]})
        # The subgraph starts tailing its topics with the first subscriber: the change is made once it listens.
        await asyncio.to_thread(system.wait_for_subscribers, "capacity", "assistance", before + 2)
        offered = system.graphql(
            'mutation($n: ID!) { offerAssistance(needId: $n, quantity: "25") { version } }',
            {"n": request["needs"][0]["id"]},
            as_="ally-nor",
        )
        assert "errors" not in offered, offered

        async def offer_seen(client: GraphQLWebSocket) -> dict[str, Any]:
            while True:
                message = await client.next_message()
                assert message["type"] == "next" and "errors" not in message["payload"], message
                change: dict[str, Any] = message["payload"]["data"]["assistanceChanged"]
                if change["version"] >= offered["data"]["offerAssistance"]["version"]:
                    return change

        seen = await offer_seen(centre)
        assert seen["offers"] == [{"nation": "NOR", "quantity": "25.00", "status": "OFFERED"}]
        # Another partner learns of the change but reads only its own offers (none) and the totals.
        assert (await offer_seen(bystander))["offers"] == []
    finally:
        await centre.close()
        await bystander.close()


def test_a_partners_trust_fund_projects_and_sps_applications_read_across_services(system: System) -> None:
    title = f"Demining {uuid.uuid4().hex[:6]}"
    proposed = system.graphql(
        "mutation($i: TrustFundProjectInput!) { proposeTrustFundProject(input: $i) { beneficiary { name } } }",
        {
            "i": {
                "beneficiaryIso": "JOR",
                "kind": "DEMILITARISATION",
                "title": title,
                "description": "Clear mines",
                "leadNations": ["CAN"],
                "phases": [{"name": "Clearance", "budgetEur": "900000"}],
            }
        },
    )
    assert proposed["data"]["proposeTrustFundProject"]["beneficiary"] == {"name": "Jordan"}, proposed
    filed = system.graphql(
        "mutation($i: SpsApplicationInput!) { submitSpsApplication(input: $i) { status } }",
        {
            "i": {
                "kind": "ADVANCED_TRAINING_COURSE",
                "keyPriority": "BORDER_SECURITY",
                "title": title,
                "summary": "Border detection",
                "natoCountry": "DEU",
                "natoCoDirector": "Dr Jonas Becker",
                "partnerCountry": "JOR",
                "partnerCoDirector": "Dr Rania Haddad",
                "budgetEur": "90000",
            }
        },
        as_="partner-jor",
    )
    assert filed["data"]["submitSpsApplication"]["status"] == "SUBMITTED", filed
    query = (
        '{ partner(iso: "JOR") { name trustFundProjects(first: 50) { edges { node { title } } } '
        "spsApplications(first: 50) { edges { node { title partner { name } } } } } }"
    )
    jordan = system.graphql(query, as_="partner-jor")["data"]["partner"]
    assert title in [e["node"]["title"] for e in jordan["trustFundProjects"]["edges"]]
    assert {"title": title, "partner": {"name": "Jordan"}} in [e["node"] for e in jordan["spsApplications"]["edges"]]
    georgia = system.graphql(query, as_="partner-geo")["data"]["partner"]
    assert georgia["spsApplications"]["edges"] == []  # Jordan's applications are Jordan's
    assert title in [e["node"]["title"] for e in georgia["trustFundProjects"]["edges"]]  # projects are public
