"""EADRCC: a stricken country asks for assistance, nations offer against its needs, it accepts within what each
need asks, nations deliver, situation reports follow, and a coordination centre watches it all live."""

from __future__ import annotations

import asyncio
from typing import Any

from shared.testing.harness import ServiceHarness

REQUEST = (
    "mutation($i: AssistanceInput!) { requestAssistance(input: $i) { id status version "
    "needs { id item quantity covered } } }"
)
OFFER = (
    "mutation($n: ID!, $q: Decimal!, $nation: String) { offerAssistance(needId: $n, quantity: $q, "
    "nation: $nation) { version offers { id nation quantity status } } }"
)
READ = (
    "query($id: ID!) { assistanceRequest(id: $id) { status needs { quantity covered } offers { nation status } "
    "situationReports { number text } history { edges { node { type } } } transitions { offerId toStatus } } }"
)
WATCH = "subscription { assistanceChanged { id version offers { nation status } situationReports { number } } }"


async def flood(capacity: ServiceHarness, as_: str = "partner-geo", country: str = "GEO") -> Any:
    return await capacity.graphql(
        REQUEST,
        {
            "i": {
                "strickenCountry": country,
                "disasterType": "FLOOD",
                "title": "Floods in the Rioni valley",
                "situation": "Two districts under water; 4,000 people displaced",
                "needs": [
                    {"item": "Water purification units", "quantity": "12", "unit": "units"},
                    {"item": "High-capacity pumps", "quantity": "6", "unit": "pumps"},
                ],
            }
        },
        as_=as_,
    )


async def test_a_stricken_partner_coordinates_offers_from_allies_and_partners(capacity: ServiceHarness) -> None:
    assert (await flood(capacity, country="UKR")).codes == ["FORBIDDEN"]
    request = (await flood(capacity)).ok()["requestAssistance"]
    assert request["status"] == "OPEN" and [n["covered"] for n in request["needs"]] == ["0", "0"]
    water = request["needs"][0]["id"]

    by_norway = (await capacity.graphql(OFFER, {"n": water, "q": "10"}, as_="ally-nor")).ok()["offerAssistance"]
    nor_offer = by_norway["offers"][0]
    assert nor_offer["nation"] == "NOR" and nor_offer["status"] == "OFFERED"
    as_other = await capacity.graphql(OFFER, {"n": water, "q": "5", "nation": "NOR"}, as_="partner-jor")
    assert as_other.codes == ["FORBIDDEN"]
    by_jordan = (await capacity.graphql(OFFER, {"n": water, "q": "5"}, as_="partner-jor")).ok()["offerAssistance"]
    jor_offer = next(o for o in by_jordan["offers"] if o["nation"] == "JOR")
    assert [o["nation"] for o in by_jordan["offers"]] == ["JOR"]  # Jordan reads its own offer, not Norway's

    accept = "mutation($id: ID!) { acceptAssistanceOffer(id: $id) { needs { covered } } }"
    # Offers to Georgia are not Jordan's to decide, nor to see: the same answer as an offer that does not exist.
    assert (await capacity.graphql(accept, {"id": nor_offer["id"]}, as_="partner-jor")).codes == ["NOT_FOUND"]
    assert (await capacity.graphql(OFFER, {"n": water, "q": "0.001"}, as_="ally-nor")).fields == ["quantity"]
    for bad in ("lots", "1e999999", "NaN"):  # not a number, too large for Decimal, not finite: the caller's mistake
        assert (await capacity.graphql(OFFER, {"n": water, "q": bad}, as_="ally-nor")).codes == ["BAD_USER_INPUT"]
    accepted = (await capacity.graphql(accept, {"id": nor_offer["id"]}, as_="partner-geo")).ok()
    assert accepted["acceptAssistanceOffer"]["needs"][0]["covered"] == "10.00"
    too_much = await capacity.graphql(accept, {"id": jor_offer["id"]}, as_="partner-geo")
    assert too_much.codes == ["CONFLICT"]
    (
        await capacity.graphql(
            'mutation($id: ID!) { declineAssistanceOffer(id: $id, reason: "Covered by Norway") { id } }',
            {"id": jor_offer["id"]},
            as_="partner-geo",
        )
    ).ok()

    deliver = 'mutation($id: ID!) { recordAssistanceDelivered(id: $id, note: "Kutaisi") { id } }'
    assert (await capacity.graphql(deliver, {"id": nor_offer["id"]}, as_="partner-jor")).codes == ["NOT_FOUND"]
    (await capacity.graphql(deliver, {"id": nor_offer["id"]}, as_="ally-nor")).ok()
    update = (
        "mutation($id: ID!, $i: AssistanceUpdateInput!) { updateAssistanceRequest(id: $id, input: $i) "
        "{ title disasterType } }"
    )
    corrected = {
        "id": request["id"],
        "i": {"title": "Floods and landslides in the Rioni valley", "disasterType": "STORM"},
    }
    assert (await capacity.graphql(update, corrected, as_="partner-jor")).codes == ["FORBIDDEN"]
    assert (await capacity.graphql(update, {"id": request["id"], "i": {}}, as_="partner-geo")).codes == [
        "BAD_USER_INPUT"
    ]
    assert (await capacity.graphql(update, corrected, as_="partner-geo")).ok()["updateAssistanceRequest"] == {
        "title": "Floods and landslides in the Rioni valley",
        "disasterType": "STORM",
    }
    report = 'mutation($id: ID!) { reportDisasterSituation(id: $id, text: "Water restored in Samtredia") { id } }'
    assert (await capacity.graphql(report, {"id": request["id"]}, as_="partner-jor")).codes == ["FORBIDDEN"]
    (await capacity.graphql(report, {"id": request["id"]}, as_="partner-geo")).ok()
    (
        await capacity.graphql(
            'mutation($id: ID!) { closeAssistanceRequest(id: $id, reason: "Emergency over") { status } }',
            {"id": request["id"]},
            as_="partner-geo",
        )
    ).ok()

    seen = (await capacity.graphql(READ, {"id": request["id"]}, as_="partner-geo")).ok()["assistanceRequest"]
    assert seen["status"] == "CLOSED" and seen["needs"][0]["covered"] == "10.00"
    assert {(o["nation"], o["status"]) for o in seen["offers"]} == {("NOR", "DELIVERED"), ("JOR", "DECLINED")}
    assert seen["situationReports"] == [{"number": 1, "text": "Water restored in Samtredia"}]
    assert [e["node"]["type"] for e in seen["history"]["edges"]][0] == "capacity.assistance_request.closed"
    other = (await capacity.graphql(READ, {"id": request["id"]}, as_="partner-jor")).ok()["assistanceRequest"]
    assert other["history"] is None and [o["nation"] for o in other["offers"]] == ["JOR"]
    assert {t["offerId"] for t in other["transitions"]} == {None, jor_offer["id"]}  # its own offer's steps only
    assert len({t["offerId"] for t in seen["transitions"]}) == 3  # the stricken country sees every offer's
    closed = await capacity.graphql(OFFER, {"n": water, "q": "1"}, as_="ally-nor")
    assert closed.codes == ["CONFLICT"]
    assert (await capacity.graphql(update, corrected, as_="partner-geo")).codes == ["CONFLICT"]


async def test_a_coordination_centre_sees_offers_arrive_live(capacity: ServiceHarness) -> None:
    stream = await capacity.subscribe(WATCH, as_="staff")
    seen: list[dict[str, Any]] = []

    async def collect() -> None:
        try:
            async for result in stream:
                assert not result.errors, result.errors
                seen.append(result.data["assistanceChanged"])
                if any(m["offers"] for m in seen):
                    return
        finally:
            await stream.aclose()  # type: ignore[attr-defined]  # a subscription is an async generator

    collector = asyncio.create_task(collect())
    await asyncio.wait_for(capacity.runtime.live.listening.wait(), 10)
    request = (await flood(capacity)).ok()["requestAssistance"]
    (await capacity.graphql(OFFER, {"n": request["needs"][1]["id"], "q": "2"}, as_="ally-nor")).ok()
    await asyncio.wait_for(collector, 20)
    mine = [m for m in seen if m["id"] == request["id"]]
    assert mine[-1]["offers"] == [{"nation": "NOR", "status": "OFFERED"}]
