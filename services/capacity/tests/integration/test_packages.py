"""A package's measures and contributions change after they are added, each change answering with the request at
its new version; a measure that links an activity the menu withdraws is flagged."""

from __future__ import annotations

from typing import Any

from capacity.requests.events import REQUEST_TOPIC
from shared.testing.harness import ServiceHarness, eventually
from shared.testing.kafka import read_events

from .test_lifecycle import _request_with_measure, step

MEASURE = "measure { id title leadNation contributingNations activities { id } flagReason }"
REQUEST = "request { id version package { measures { id } } }"


async def _view(capacity: ServiceHarness, request_id: str) -> dict[str, Any]:
    return (
        await capacity.graphql(
            "query($id: ID!) { capacityRequest(id: $id) { version package { measures { id "
            "flagReason contributions { id nation kind quantity } } } } }",
            {"id": request_id},
        )
    ).ok()["capacityRequest"]


async def test_measures_are_edited_and_removed_while_the_package_is_proposed(
    capacity: ServiceHarness, known_partner, publish_activity
) -> None:
    first, second = await publish_activity(), await publish_activity()
    request_id, measure_id = await _request_with_measure(capacity, await known_partner(), first)
    version = (await _view(capacity, request_id))["version"]
    edit = (
        f"mutation($id: ID!, $v: Int, $i: MeasureChanges!) {{ updateMeasure(id: $id, expectedVersion: $v, "
        f"input: $i) {{ {MEASURE} {REQUEST} }} }}"
    )
    edited = (
        await capacity.graphql(
            edit,
            {
                "id": measure_id,
                "v": version,
                "i": {"title": "Train the trainers, phase 2", "leadNation": "gbr", "activityIds": [first, second]},
            },
        )
    ).ok()["updateMeasure"]
    assert edited["measure"]["title"] == "Train the trainers, phase 2" and edited["measure"]["leadNation"] == "GBR"
    assert [a["id"] for a in edited["measure"]["activities"]] == [first, second]
    assert edited["request"]["version"] == version + 1  # the next expectedVersion, without a refetch
    stale = await capacity.graphql(edit, {"id": measure_id, "v": version, "i": {"title": "Again"}})
    assert stale.codes == ["CONFLICT"]
    bad = await capacity.graphql(edit, {"id": measure_id, "v": version + 1, "i": {"leadNation": "Britain"}})
    assert bad.codes == ["BAD_USER_INPUT"] and bad.fields == ["leadNation"]
    null = await capacity.graphql(edit, {"id": measure_id, "v": version + 1, "i": {"title": None}})
    assert null.codes == ["BAD_USER_INPUT"] and null.fields == ["title"]

    contribution = (
        await capacity.graphql(
            'mutation($m: ID!) { addContribution(measureId: $m, input: {nation: "NOR", kind: TRAINERS, quantity: 4}) '
            "{ contribution { id } request { version } } }",
            {"m": measure_id},
        )
    ).ok()["addContribution"]
    assert contribution["request"]["version"] == version + 2
    removed = (
        await capacity.graphql(
            f"mutation($id: ID!) {{ removeMeasure(id: $id) {{ removedId {REQUEST} }} }}", {"id": measure_id}
        )
    ).ok()["removeMeasure"]
    assert removed == {
        "removedId": measure_id,
        "request": {"id": request_id, "version": version + 3, "package": {"measures": []}},
    }


async def test_contributions_are_revised_and_withdrawn_also_once_the_package_is_agreed(
    capacity: ServiceHarness, known_partner, publish_activity
) -> None:
    request_id, measure_id = await _request_with_measure(capacity, await known_partner(), await publish_activity())
    added = (
        await capacity.graphql(
            'mutation($m: ID!) { addContribution(measureId: $m, input: {nation: "NOR", kind: TRAINERS, quantity: 4}) '
            "{ contribution { id } } }",
            {"m": measure_id},
        )
    ).ok()["addContribution"]["contribution"]
    await step(capacity, "approveCapacityRequest", request_id)
    revise = (
        "mutation($id: ID!, $i: ContributionChanges!) { updateContribution(id: $id, input: $i) { "
        "contribution { nation kind quantity amount currency } request { version } } }"
    )
    revised = (
        await capacity.graphql(
            revise, {"id": added["id"], "i": {"kind": "FUNDS", "amount": "50000", "currency": "nok"}}
        )
    ).ok()["updateContribution"]
    assert revised["contribution"] == {
        "nation": "NOR",
        "kind": "FUNDS",
        "quantity": None,
        "amount": "50000.00",
        "currency": "NOK",
    }
    wrong = await capacity.graphql(revise, {"id": added["id"], "i": {"kind": "TRAINERS"}})
    assert wrong.codes == ["BAD_USER_INPUT"] and wrong.fields == ["quantity"]
    gone = (
        await capacity.graphql(
            "mutation($id: ID!) { removeContribution(id: $id) { removedId request { version } } }", {"id": added["id"]}
        )
    ).ok()["removeContribution"]
    assert gone["request"]["version"] == revised["request"]["version"] + 1
    assert (await _view(capacity, request_id))["package"]["measures"][0]["contributions"] == []
    locked = await capacity.graphql("mutation($id: ID!) { removeMeasure(id: $id) { removedId } }", {"id": measure_id})
    assert locked.codes == ["CONFLICT"]  # an agreed package keeps its measures
    missing = await capacity.graphql(
        "mutation($id: ID!) { removeContribution(id: $id) { removedId } }", {"id": added["id"]}
    )
    assert missing.codes == ["NOT_FOUND"]


async def test_a_menu_withdrawal_flags_the_measures_that_link_the_activity(
    capacity: ServiceHarness, known_partner, publish_activity
) -> None:
    activity = await publish_activity(pcm_ref="CYB.777")
    request_id, measure_id = await _request_with_measure(capacity, await known_partner(), activity)
    before = (await _view(capacity, request_id))["version"]
    await publish_activity(activity, status="WITHDRAWN", version=3, reason="No instructors", pcm_ref="CYB.777")

    async def flagged() -> dict[str, Any] | None:
        view = await _view(capacity, request_id)
        return view if view["package"]["measures"][0]["flagReason"] else None

    view = await eventually(flagged)
    assert view["package"]["measures"][0]["flagReason"] == "CYB.777 withdrawn from the menu: No instructors"
    assert view["version"] == before + 1
    events = await read_events(
        capacity.settings.kafka_bootstrap_servers, capacity.settings.topic(REQUEST_TOPIC), key=request_id, at_least=6
    )
    assert events[-1][0].type == "capacity.request.measure_flagged"
    assert events[-1][0].data["package"]["measures"][0]["flagReason"].startswith("CYB.777 withdrawn")
    # Replacing the withdrawn activity clears the flag.
    other = await publish_activity()
    cleared = (
        await capacity.graphql(
            "mutation($id: ID!, $a: [ID!]!) { updateMeasure(id: $id, input: "
            "{activityIds: $a}) { measure { flagReason } } }",
            {"id": measure_id, "a": [other]},
        )
    ).ok()["updateMeasure"]
    assert cleared["measure"]["flagReason"] is None


async def test_amounts_must_be_finite_and_filters_name_known_partners(
    capacity: ServiceHarness, known_partner, publish_activity
) -> None:
    _, measure_id = await _request_with_measure(capacity, await known_partner(), await publish_activity())
    for amount in ("NaN", "sNaN", "Infinity"):
        result = await capacity.graphql(
            'mutation($m: ID!, $a: Decimal) { addContribution(measureId: $m, input: {nation: "NOR", kind: FUNDS, '
            'amount: $a, currency: "EUR"}) { contribution { id } } }',
            {"m": measure_id, "a": amount},
        )
        assert result.codes == ["BAD_USER_INPUT"], (amount, result.errors)
    unknown = await capacity.graphql('{ capacityRequests(filter: {partnerIso: "XXX"}) { totalCount } }')
    assert unknown.codes == ["BAD_USER_INPUT"] and unknown.fields == ["filter.partnerIso"]
