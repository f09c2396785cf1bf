"""Suspending a partner in programmes puts its open requests on hold, over the broker; lifting it releases them."""

from __future__ import annotations

from shared.testing.harness import ServiceHarness, eventually
from shared.testing.kafka import read_events

VIEW = "query($id: ID!) { capacityRequest(id: $id) { onHold status version } }"


async def test_suspension_holds_open_requests_and_reinstatement_releases_them(
    capacity: ServiceHarness, known_partner, publish_partner
) -> None:
    iso = await known_partner()
    submit = "mutation($i: SubmitCapacityRequestInput!) { submitCapacityRequest(input: $i) { id } }"
    ids = [
        (
            await capacity.graphql(
                submit, {"i": {"partnerIso": iso, "areas": ["LOGISTICS"], "title": f"R{n}", "description": "d"}}
            )
        ).ok()["submitCapacityRequest"]["id"]
        for n in range(2)
    ]
    withdrawn = ids[1]
    await capacity.graphql(
        'mutation($id: ID!) { withdrawCapacityRequest(id: $id, reason: "n/a") { id } }', {"id": withdrawn}
    )

    await publish_partner(iso, suspended=True, version=2, verb="suspended")

    async def held():  # type: ignore[no-untyped-def]
        state = (await capacity.graphql(VIEW, {"id": ids[0]})).ok()["capacityRequest"]
        return state if state["onHold"] else None

    state = await eventually(held)
    assert state["status"] == "SUBMITTED"
    assert (await capacity.graphql(VIEW, {"id": withdrawn})).ok()["capacityRequest"]["onHold"] is False  # closed
    blocked = await capacity.graphql("mutation($id: ID!) { startRequestAssessment(id: $id) { id } }", {"id": ids[0]})
    assert blocked.codes == ["CONFLICT"]
    refused = await capacity.graphql(
        submit, {"i": {"partnerIso": iso, "areas": ["LOGISTICS"], "title": "New", "description": "d"}}
    )
    assert refused.codes == ["CONFLICT"]

    await publish_partner(iso, suspended=False, version=3, verb="reinstated")

    async def released():  # type: ignore[no-untyped-def]
        state = (await capacity.graphql(VIEW, {"id": ids[0]})).ok()["capacityRequest"]
        return state if not state["onHold"] else None

    await eventually(released)
    events = await read_events(
        capacity.settings.kafka_bootstrap_servers,
        capacity.settings.topic("capacity.request.v1"),
        key=ids[0],
        at_least=3,
    )
    assert [e.type.rsplit(".", 1)[1] for e, _ in events] == ["submitted", "put_on_hold", "released"]
    moving = await capacity.graphql("mutation($id: ID!) { startRequestAssessment(id: $id) { status } }", {"id": ids[0]})
    assert moving.ok()["startRequestAssessment"]["status"] == "UNDER_ASSESSMENT"
