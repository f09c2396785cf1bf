"""Through the running gateway: one schema, queries that join all three subgraphs, errors that keep their codes."""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from typing import Any

import httpx
import pytest

from shared.devstack.services import compose_supergraph

from .conftest import System

JOINED = """query($iso: ID!) {
  partner(iso: $iso) {
    name framework
    eligibleActivities(first: 100) { totalCount edges { node { pcmRef title area { name } } } }
    capacityRequests(first: 50) { totalCount edges { node { id status title } } }
  }
}"""


def until(check, timeout: float = 30.0) -> Any:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result or time.monotonic() > deadline:
            return result
        time.sleep(0.2)


def publish_activity(system: System, **overrides: Any) -> dict[str, Any]:
    values = {
        "pcmRef": f"GCSP.{uuid.uuid4().int % 1_000_000}",
        "title": f"Aaa system course {uuid.uuid4().hex[:6]}",
        "description": "Joined across subgraphs",
        "areaCode": "CEP",
        "kind": "COURSE",
        "providerKind": "PTEC",
        "providerName": "Geneva Centre for Security Policy",
        "frameworks": ["PFP"],
    }
    values.update(overrides)
    created = system.graphql("mutation($i: ActivityInput!) { createActivity(input: $i) { id pcmRef } }", {"i": values})
    activity = created["data"]["createActivity"]
    published = system.graphql("mutation($id: ID!) { publishActivity(id: $id) { status } }", {"id": activity["id"]})
    assert published["data"]["publishActivity"]["status"] == "PUBLISHED"
    return activity


def submit(system: System, iso: str, title: str = "Civil preparedness advice") -> dict[str, Any]:
    return system.graphql(
        "mutation($i: SubmitCapacityRequestInput!) { submitCapacityRequest(input: $i) { id status } }",
        {
            "i": {
                "partnerIso": iso,
                "areas": ["CIVIL_EMERGENCY_PLANNING"],
                "title": title,
                "description": "Resilience of critical infrastructure",
            }
        },
    )


def test_a_query_joins_programmes_menu_and_capacity(system: System) -> None:
    activity = publish_activity(system)
    # capacity learns of Georgia only from programmes' events on the broker
    accepted = until(lambda: (r := submit(system, "GEO")).get("data") and r["data"]["submitCapacityRequest"])
    assert accepted, "capacity never learnt of Georgia from programmes.partner.v1"
    result = system.graphql(JOINED, {"iso": "GEO"})
    assert "errors" not in result, result
    georgia = result["data"]["partner"]
    assert georgia["name"] == "Georgia" and georgia["framework"] == "PFP"
    refs = [e["node"]["pcmRef"] for e in georgia["eligibleActivities"]["edges"]]
    assert activity["pcmRef"] in refs
    assert georgia["eligibleActivities"]["edges"][0]["node"]["area"]["name"] == "Civil Emergency Planning"
    assert accepted["id"] in [e["node"]["id"] for e in georgia["capacityRequests"]["edges"]]


def test_a_request_reaches_back_to_its_partner_in_programmes(system: System) -> None:
    until(lambda: submit(system, "JOR", "Maritime security").get("data"))
    result = system.graphql("""{ capacityRequests(filter: {partnerIso: "JOR"}, first: 5) {
        totalCount edges { node { title partner { name framework dcb } } } } }""")
    assert "errors" not in result, result
    nodes = [e["node"] for e in result["data"]["capacityRequests"]["edges"]]
    assert nodes and nodes[0]["partner"] == {"name": "Jordan", "framework": "MD", "dcb": True}


def test_errors_keep_their_code_and_field_through_the_gateway(system: System) -> None:
    suspended = until(
        lambda: (r := submit(system, "BLR")).get("errors") and r["errors"][0]["extensions"]["code"] == "CONFLICT" and r
    )
    assert suspended, "Belarus is suspended: its request must be a CONFLICT"
    assert suspended["errors"][0]["extensions"]["field"] == "partnerIso"
    bad = system.graphql(
        "mutation($i: ActivityInput!) { createActivity(input: $i) { id } }",
        {
            "i": {
                "pcmRef": "SYS.1",
                "title": "x",
                "description": "y",
                "areaCode": "NOPE",
                "kind": "COURSE",
                "providerKind": "PTEC",
                "providerName": "z",
            }
        },
    )
    assert bad["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert bad["errors"][0]["extensions"]["field"] == "areaCode"


def test_every_service_reports_health_readiness_and_metrics(system: System) -> None:
    for name, url in system.services.items():
        assert httpx.get(f"{url}/healthz").json() == {"status": "ok"}, name
        ready = httpx.get(f"{url}/readyz")
        assert ready.status_code == 200, (name, ready.text)
        assert ready.json()["checks"] == {"database": "ok"}
        status = httpx.get(f"{url}/status").json()
        assert status["database"] == "ok" and status["outbox"]["unsent"] >= 0, (name, status)
        assert status["tracing"] is False  # no collector named
        metrics = httpx.get(f"{url}/metrics").text
        assert "http_requests_total" in metrics and "outbox_oldest_unsent_seconds" in metrics
        assert "broker_up" in metrics
        assert "/readyz" in httpx.get(f"{url}/openapi.json").json()["paths"]


def test_operations_are_measured_by_name_and_type_and_the_gateway_serves_metrics_on_its_own_port(
    system: System,
) -> None:
    # As client libraries send it: the operation's name beside its text (the gateway passes it on).
    httpx.post(
        f"{system.gateway}/graphql",
        headers=system.headers(),
        timeout=30,
        json={
            "query": "query MeasuredList { activities(first: 1) { edges { node { id } } } }",
            "operationName": "MeasuredList",
        },
    ).raise_for_status()
    system.graphql("{ activities(first: 1) { edges { node { id } } } }")
    menu = httpx.get(f"{system.services['menu']}/metrics").text
    assert 'graphql_operation_seconds_count{operation="MeasuredList",service="menu",type="query"}' in menu
    assert 'operation="anonymous",service="menu",type="query"' in menu
    gateway = httpx.get(system.gateway_metrics).text
    assert 'graphql_gateway_operation_seconds_count{operation="MeasuredList",type="query"}' in gateway
    assert 'graphql_gateway_subgraph_seconds_count{subgraph="menu"}' in gateway
    on_graphql_port = httpx.get(f"{system.gateway}/metrics")
    assert "graphql_gateway" not in on_graphql_port.text  # the GraphQL port faces clients: no metrics there


def test_graphiql_is_served_by_the_gateway_compressed(system: System) -> None:
    with httpx.stream(
        "GET", f"{system.gateway}/graphql", headers={"accept": "text/html", "accept-encoding": "gzip"}
    ) as page:
        on_the_wire = sum(len(chunk) for chunk in page.iter_raw())
    assert page.status_code == 200 and page.headers["content-encoding"] == "gzip"
    assert on_the_wire < 6_000_000  # 21.6 MB uncompressed
    assert "<title>Hive Gateway</title>" in httpx.get(f"{system.gateway}/graphql", headers={"accept": "text/html"}).text


def test_every_refusal_carries_a_code_and_names_what_the_caller_sent(system: System) -> None:
    enum = httpx.post(
        f"{system.gateway}/graphql",
        headers=system.headers(),
        json={
            "query": "query($k: [ActivityKind!]) { activities(filter: {kinds: $k}) { totalCount } }",
            "variables": {"k": ["LECTURE"]},
        },
    ).json()
    assert [e["extensions"]["code"] for e in enum["errors"]] == ["BAD_USER_INPUT"]
    literal = system.graphql(
        'mutation { scheduleOccurrence(activityId: "8c1b3f5e-0000-4000-8000-000000000000", '
        'input: {startDate: "2027-02-30", endDate: "2027-03-02", location: "x", host: "y", '
        "seats: 3}) { id } }"
    )
    [error] = literal["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT" and "$" not in error["message"]
    assert error["message"].startswith("startDate: ")
    not_json = httpx.post(
        f"{system.gateway}/graphql",
        content=b'{"query": "{ x',
        headers={"content-type": "application/json", **system.headers()},
    ).json()
    assert [e["extensions"] for e in not_json["errors"]] == [{"code": "BAD_REQUEST"}]  # no runtime error object


def test_a_decimal_that_is_not_finite_is_bad_input_as_a_literal_and_as_a_variable(system: System) -> None:
    create = (
        'mutation%s { createActivity(input: {pcmRef: "NSO.%d", title: "t", description: "d", areaCode: "CEP", '
        "kind: COURSE, frameworks: [PFP], feeEur: %s}) { id } }"
    )
    for value in ('"NaN"', "NaN", '"Infinity"', '"abc"'):
        literal = system.graphql(create % ("", uuid.uuid4().int % 99_999, value))
        [error] = literal["errors"]
        assert error["extensions"]["code"] == "BAD_USER_INPUT" and error["message"].startswith("feeEur: "), literal
    variable = system.graphql(create % ("($f: Decimal)", uuid.uuid4().int % 99_999, "$f"), {"f": "NaN"})
    assert [e["extensions"]["code"] for e in variable["errors"]] == ["BAD_USER_INPUT"]


# The seven arguments that once reached PostgreSQL with a NUL and came back as internal errors.
CONTROL_CHARACTER_PROBES = [
    ("String!", "{ activity(pcmRef: $s) { id } }", "pcmRef"),
    ("ID!", "{ partner(iso: $s) { iso } }", "iso"),
    ("String!", "{ activities(filter: {areaCodes: [$s]}) { totalCount } }", "filter.areaCodes[0]"),
    ("String!", "{ activities(filter: {providers: [$s]}) { totalCount } }", "filter.providers[0]"),
    ("String!", "{ activities(filter: {languages: [$s]}) { totalCount } }", "filter.languages[0]"),
    ("ID!", "{ programmes(filter: {partnerIso: $s}) { totalCount } }", "filter.partnerIso"),
    ("ID!", "{ capacityRequests(filter: {partnerIso: $s}) { totalCount } }", "filter.partnerIso"),
]


@pytest.mark.parametrize(("typed", "selection", "field"), CONTROL_CHARACTER_PROBES)
def test_control_characters_in_any_argument_are_bad_input_not_an_internal_error(
    system: System, typed: str, selection: str, field: str
) -> None:
    for value in ("A\x00B", "\x07", "x\x1fy"):
        result = system.graphql(f"query($s: {typed}) {selection}", {"s": value})
        assert [e["extensions"]["code"] for e in result["errors"]] == ["BAD_USER_INPUT"], result
        assert result["errors"][0]["extensions"]["field"] == field


def test_composition_fails_loudly_on_a_clash(tmp_path) -> None:  # type: ignore[no-untyped-def]
    one = tmp_path / "one.graphql"
    two = tmp_path / "two.graphql"
    link = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])\n'
    one.write_text(link + "type Query { a: Thing } type Thing { id: ID! name: String }")
    two.write_text(link + "type Query { b: Thing } type Thing { id: ID! name: Int }")
    with pytest.raises(RuntimeError, match="composition failed"):
        compose_supergraph(
            [("one", "http://x/graphql", one), ("two", "http://y/graphql", two)], tmp_path / "supergraph.graphql"
        )


async def test_a_subscription_through_the_gateway_delivers_live_changes(system: System) -> None:
    """Client to gateway over SSE; gateway to the menu subgraph over WebSocket; menu fed by its topic."""
    activity = publish_activity(system)
    query = "subscription($ids: [ID!]) { activityChanged(ids: $ids) { id title version } }"
    async with httpx.AsyncClient(timeout=40, headers=system.headers()) as client:

        async def keep_changing() -> None:
            # The subgraph starts tailing its topic with the first subscriber: change until one is seen.
            for n in range(30):
                await asyncio.sleep(1)
                await client.post(
                    f"{system.gateway}/graphql",
                    json={
                        "query": "mutation($id: ID!, $t: String) "
                        "{ updateActivity(id: $id, input: {title: $t}) { id } }",
                        "variables": {"id": activity["id"], "t": f"Renamed {n}"},
                    },
                )

        changer = asyncio.create_task(keep_changing())
        try:
            async with client.stream(
                "POST",
                f"{system.gateway}/graphql",
                json={"query": query, "variables": {"ids": [activity["id"]]}},
                headers={"accept": "text/event-stream"},
            ) as response:
                assert response.status_code == 200
                async for line in response.aiter_lines():
                    if line.startswith("data:") and line[5:].strip():
                        payload = json.loads(line[5:])
                        assert "errors" not in payload, payload
                        change = payload["data"]["activityChanged"]
                        assert change["id"] == activity["id"] and change["title"].startswith("Renamed")
                        break
        finally:
            changer.cancel()


PROGRAMMES_OF_GEORGIA = """{ partner(iso: "GEO") { programmes(first: 20) { edges { node {
    id type status plannedActivities { status flagReason activity { pcmRef title } } } } } } }"""


def test_programmes_plan_menu_activities_and_a_withdrawal_flags_them_over_the_broker(system: System) -> None:
    activity = publish_activity(system)
    created = system.graphql(
        "mutation($i: ProgrammeInput!) { createProgramme(input: $i) { id } }",
        {
            "i": {
                "partnerIso": "GEO",
                "type": "IPCP",
                "title": "Georgia IPCP 2030-2031",
                "periodStart": "2030-01-01",
                "periodEnd": "2031-12-31",
            }
        },
    )
    programme_id = created["data"]["createProgramme"]["id"]
    plan = (
        "mutation($p: ID!, $a: ID!) { planActivity(programmeId: $p, input: {activityId: $a, year: 2030}) "
        "{ plannedActivity { id status } programme { version } } }"
    )
    # programmes knows of the activity only from menu.activity.v1
    planned = until(lambda: system.graphql(plan, {"p": programme_id, "a": activity["id"]}).get("data"))
    assert planned and planned["planActivity"]["plannedActivity"]["status"] == "PLANNED"

    result = system.graphql(PROGRAMMES_OF_GEORGIA)
    assert "errors" not in result, result
    mine = next(e["node"] for e in result["data"]["partner"]["programmes"]["edges"] if e["node"]["id"] == programme_id)
    assert mine["type"] == "IPCP" and mine["status"] == "DRAFT"
    assert mine["plannedActivities"][0]["activity"]["pcmRef"] == activity["pcmRef"]
    planners = system.graphql(
        "query($id: ID) { activity(id: $id) { title plannedBy { totalCount edges { node { "
        "id partner { name } } } } } }",
        {"id": activity["id"]},
    )
    assert planners["data"]["activity"]["plannedBy"] == {
        "totalCount": 1,
        "edges": [{"node": {"id": programme_id, "partner": {"name": "Georgia"}}}],
    }

    system.graphql(
        'mutation($id: ID!) { withdrawActivity(id: $id, reason: "Course discontinued") { id } }', {"id": activity["id"]}
    )

    def flagged():  # type: ignore[no-untyped-def]
        data = system.graphql(
            "query($id: ID!) { programme(id: $id) { plannedActivities { status flagReason } } }", {"id": programme_id}
        )["data"]["programme"]["plannedActivities"][0]
        return data if data["status"] == "FLAGGED" else None

    flag = until(flagged)
    assert flag and flag["flagReason"] == "withdrawn from the menu: Course discontinued"


def test_capacity_packages_link_menu_activities_joined_through_the_gateway(system: System) -> None:
    activity = publish_activity(system, title=f"Aaa counter-IED course {uuid.uuid4().hex[:6]}", frameworks=["MD"])
    request = until(
        lambda: (submit(system, "JOR", "Counter-IED capability").get("data") or {}).get("submitCapacityRequest")
    )
    assert request, "capacity never learnt of Jordan"
    request_id = request["id"]
    system.graphql("mutation($id: ID!) { startRequestAssessment(id: $id) { id } }", {"id": request_id})
    system.graphql(
        'mutation($id: ID!) { proposePackage(requestId: $id, summary: "C-IED support") { package { id } } }',
        {"id": request_id},
    )
    add = (
        "mutation($id: ID!, $a: [ID!]!) { addMeasure(requestId: $id, input: {area: COUNTER_IED, "
        'title: "Train the trainers", leadNation: "USA", activityIds: $a}) { measure { id } } }'
    )
    # capacity knows of the activity only from menu.activity.v1
    measure = until(
        lambda: (system.graphql(add, {"id": request_id, "a": [activity["id"]]}).get("data") or {}).get("addMeasure")
    )
    assert measure
    system.graphql(
        'mutation($m: ID!) { addContribution(measureId: $m, input: {nation: "NOR", kind: TRAINERS, '
        "quantity: 4}) { contribution { id } } }",
        {"m": measure["measure"]["id"]},
    )
    # One request (a page of 100 with every measure's activities and contributions is over the cost ceiling).
    result = system.graphql(
        """query($id: ID!) { capacityRequest(id: $id) { id status partner { iso }
        package { measures { area activities { title } contributions { nation kind } } } } }""",
        {"id": request_id},
    )
    assert "errors" not in result, result
    mine = result["data"]["capacityRequest"]
    assert mine["partner"] == {"iso": "JOR"}
    assert mine["status"] == "PACKAGE_PROPOSED"
    assert mine["package"]["measures"] == [
        {
            "area": "COUNTER_IED",
            "activities": [{"title": activity_title(system, activity["id"])}],
            "contributions": [{"nation": "NOR", "kind": "TRAINERS"}],
        }
    ]
    supported = system.graphql(
        "query($id: ID) { activity(id: $id) { supportingMeasures { title } } }", {"id": activity["id"]}
    )
    assert supported["data"]["activity"]["supportingMeasures"] == [{"title": "Train the trainers"}]


def activity_title(system: System, activity_id: str) -> str:
    return system.graphql("query($id: ID) { activity(id: $id) { title } }", {"id": activity_id})["data"]["activity"][
        "title"
    ]


def test_a_subgraph_refuses_a_body_that_is_not_one_operation_with_a_code(system: System) -> None:
    headers = {"content-type": "application/json", "x-hub-gateway-secret": "dev-gateway-secret", **system.headers()}
    for body in (
        b"not json",
        b'[{"query": "{ __typename }"}]',
        b'{"query": 1}',
        b"{}",
        b'{"query": "{ x }", "variables": []}',
    ):
        refused = httpx.post(f"{system.services['menu']}/graphql", content=body, headers=headers)
        assert refused.status_code == 400, body
        assert [e["extensions"]["code"] for e in refused.json()["errors"]] == ["BAD_REQUEST"], body
