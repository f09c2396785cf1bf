"""Access control through the running gateway, with real tokens of the dev accounts.

The authorization matrix is built from the composed schema: every root query, mutation and
subscription, every entity type and every field with a rule of its own, for every role. A
coordinate without a rule fails the test, so nothing new is reachable by default. Then partner
GEO tries every path to partner JOR's data, and nothing leaks.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    build_ast_schema,
    get_named_type,
    is_leaf_type,
    parse,
)

from capacity.schema import SCHEMA_RULES as CAPACITY_RULES
from menu.schema import SCHEMA_RULES as MENU_RULES
from programmes.partners.access import FLAG_FIELDS
from programmes.schema import SCHEMA_RULES as PROGRAMMES_RULES
from shared.auth import Role, Rule

from .conftest import System
from .test_gateway import publish_activity, until
from .test_live import GraphQLWebSocket

RULES: dict[str, Rule] = {**MENU_RULES, **PROGRAMMES_RULES, **CAPACITY_RULES}
# One dev account per role (partner-jor and partner-ukr play the other partners).
ACCOUNTS = {
    Role.STAFF: "staff",
    Role.PROVIDER: "provider-nso",
    Role.ALLY: "ally-nor",
    Role.PARTNER: "partner-geo",
    Role.SYSTEM: "system",
}
SCALARS: dict[str, Any] = {
    "Int": 1,
    "Float": 1.0,
    "Boolean": True,
    "Date": "2030-01-01",
    "DateTime": "2030-01-01T00:00:00+00:00",
    "Decimal": "1",
    "String": "x",
}
# The bindings of the dev accounts, so a role that may act on its own is probed acting on its own.
BOUND = {"partnerIso": "GEO", "nation": "NOR", "code": "NSO"}


def supergraph(system: System) -> Any:
    sdl = (system.logs / "supergraph.graphql").read_text()
    return build_ast_schema(parse(sdl), assume_valid=True)


def entity_types(system: System) -> list[str]:
    sdl = (system.logs / "supergraph.graphql").read_text()
    schema = supergraph(system)
    return sorted(
        name
        for name, kind in schema.type_map.items()
        if isinstance(kind, GraphQLObjectType)
        and kind.ast_node is not None
        and any(
            d.name.value == "join__type" and any(a.name.value == "key" for a in d.arguments or ())
            for d in kind.ast_node.directives or ()
        )
        and f"type {name}" in sdl
    )


def root_coordinates(system: System) -> list[str]:
    schema = supergraph(system)
    roots = [schema.query_type, schema.mutation_type, schema.subscription_type]
    return [f"{root.name}.{name}" for root in roots if root for name in root.fields]


def test_every_root_field_and_entity_type_has_a_rule_and_every_rule_a_coordinate(system: System) -> None:
    coordinates = root_coordinates(system) + entity_types(system)
    missing = [c for c in coordinates if c not in RULES]
    assert missing == [], f"no access rule for {missing}: add one to the service's access.py"
    schema = supergraph(system)
    for coordinate in RULES:
        kind, _, field = coordinate.partition(".")
        assert kind in schema.type_map, coordinate
        assert not field or field in schema.type_map[kind].fields, coordinate  # type: ignore[attr-defined]


def _value(kind: Any, name: str = "") -> Any:
    """A plausible value of an input type: every id a fresh UUID, every text "x", every enum its first value,
    a partner or nation the one the dev accounts are bound to."""
    if isinstance(kind, GraphQLNonNull):
        return _value(kind.of_type, name)
    if isinstance(kind, GraphQLList):
        return [_value(kind.of_type, name)]
    if isinstance(kind, GraphQLEnumType):
        return next(iter(kind.values))
    if isinstance(kind, GraphQLInputObjectType):
        return {
            field_name: _value(field.type, field_name)
            for field_name, field in kind.fields.items()
            if isinstance(field.type, GraphQLNonNull)
        }
    assert isinstance(kind, GraphQLScalarType)
    if name in BOUND:
        return BOUND[name]
    return str(uuid.uuid4()) if kind.name == "ID" else SCALARS.get(kind.name, "x")


def _operation(kind: str, name: str, field: Any) -> tuple[str, dict[str, Any]]:
    required = {n: a for n, a in field.args.items() if isinstance(a.type, GraphQLNonNull)}
    declared = ", ".join(f"${n}: {a.type}" for n, a in required.items())
    passed = ", ".join(f"{n}: ${n}" for n in required)
    selection = "" if is_leaf_type(get_named_type(field.type)) else " { __typename }"
    head = f"{kind}({declared})" if declared else kind
    return f"{head} {{ {name}{f'({passed})' if passed else ''}{selection} }}", {
        n: _value(a.type, n) for n, a in required.items()
    }


@dataclass
class Cell:
    coordinate: str
    role: Role
    expected: str
    codes: list[str]

    @property
    def holds(self) -> bool:
        if "INTERNAL_SERVER_ERROR" in self.codes or "UNAUTHENTICATED" in self.codes:
            return False
        return ("FORBIDDEN" in self.codes) == (self.expected == "forbidden")


async def test_the_authorization_matrix_holds_for_every_root_field_and_role(system: System) -> None:
    schema = supergraph(system)
    cells: list[Cell] = []
    async with httpx.AsyncClient(timeout=30) as http:
        for kind, root in (("query", schema.query_type), ("mutation", schema.mutation_type)):
            for name, field in root.fields.items():  # type: ignore[union-attr]
                operation, variables = _operation(kind, name, field)
                for role, account in ACCOUNTS.items():
                    response = await http.post(
                        f"{system.gateway}/graphql",
                        headers=system.headers(account),
                        json={"query": operation, "variables": variables},
                    )
                    codes = [e.get("extensions", {}).get("code", "") for e in response.json().get("errors") or []]
                    cells.append(
                        Cell(
                            f"{root.name}.{name}",
                            role,
                            RULES[f"{root.name}.{name}"].covers(role),  # type: ignore[union-attr]
                            codes,
                        )
                    )
    for role, account in ACCOUNTS.items():  # subscriptions: a refusal or the first check past it
        client = await GraphQLWebSocket.open(system.gateway, system.token(account))
        try:
            await client.subscribe("s", 'subscription { activityChanged(ids: ["not-an-id"]) { id } }', {})
            message = await client.next_message()
            codes = [e["extensions"]["code"] for e in message["payload"].get("errors") or []]
        finally:
            await client.close()
        cells.append(
            Cell("Subscription.activityChanged", role, RULES["Subscription.activityChanged"].covers(role), codes)
        )
    broken = [c for c in cells if not c.holds]
    coordinates = {c.coordinate for c in cells}
    print(f"\nauthorization matrix: {len(coordinates)} root fields x {len(ACCOUNTS)} roles = {len(cells)} cells")
    assert broken == [], "\n".join(
        f"{c.coordinate} as {c.role.value}: expected {c.expected}, got {c.codes}" for c in broken
    )


@pytest.fixture(scope="module")
def two_partners(system: System) -> dict[str, Any]:
    """GEO and JOR each with programmes planning one activity, goals, an evaluation and a capacity request
    whose package links it; made by staff through the gateway."""
    activity = publish_activity(system, frameworks=["PFP", "MD"])
    jor_only = publish_activity(system, frameworks=["MD"], eligiblePartners=["JOR"])
    made: dict[str, Any] = {"activity": activity, "jor_only": jor_only}
    create = "mutation($i: ProgrammeInput!) { createProgramme(input: $i) { id } }"
    plan = (
        "mutation($p: ID!, $a: ID!, $y: Int!) { planActivity(programmeId: $p, input: {activityId: $a, year: $y}) "
        "{ plannedActivity { id } } }"
    )
    for iso, kind, start, end in (
        ("GEO", "PARP", "2030-01-01", "2030-12-31"),
        ("JOR", "ITPP", "2030-01-01", "2031-12-31"),
    ):
        created = system.graphql(
            create,
            {"i": {"partnerIso": iso, "type": kind, "title": f"{iso} {kind}", "periodStart": start, "periodEnd": end}},
        )
        programme = created["data"]["createProgramme"]["id"]
        assert until(lambda p=programme: system.graphql(plan, {"p": p, "a": activity["id"], "y": 2030}).get("data"))
        made[f"{iso}_programme"] = programme
    occ = system.graphql(
        create,
        {
            "i": {
                "partnerIso": "JOR",
                "type": "OCC",
                "title": "JOR OCC",
                "periodStart": "2024-01-01",
                "periodEnd": "2027-12-31",
            }
        },
    )
    made["JOR_occ"] = occ["data"]["createProgramme"]["id"]
    system.graphql(
        'mutation($p: ID!) { recordOccEvaluation(programmeId: $p, input: {unit: "Company", level: SEL1, '
        'result: INTEROPERABLE, evaluatedOn: "2025-01-01"}) { evaluation { id } } }',
        {"p": made["JOR_occ"]},
    )
    submit = "mutation($i: SubmitCapacityRequestInput!) { submitCapacityRequest(input: $i) { id } }"
    for iso in ("GEO", "JOR"):
        request = until(
            lambda i=iso: (
                system.graphql(
                    submit,
                    {"i": {"partnerIso": i, "areas": ["CYBER_DEFENCE"], "title": f"{i} CERT", "description": "Advice"}},
                ).get("data")
                or {}
            ).get("submitCapacityRequest")
        )
        system.graphql("mutation($id: ID!) { startRequestAssessment(id: $id) { id } }", {"id": request["id"]})
        system.graphql(
            'mutation($id: ID!) { proposePackage(requestId: $id, summary: "CERT") { package { id } } }',
            {"id": request["id"]},
        )
        assert until(
            lambda r=request["id"]: system.graphql(
                'mutation($r: ID!, $a: [ID!]!) { addMeasure(requestId: $r, input: {area: CYBER_DEFENCE, title: "CERT", '
                'leadNation: "NOR", activityIds: $a}) { measure { id } } }',
                {"r": r, "a": [activity["id"]]},
            ).get("data")
        )
        made[f"{iso}_request"] = request["id"]
    occurrence = system.graphql(
        'mutation($a: ID!) { scheduleOccurrence(activityId: $a, input: {startDate: "2030-03-01", endDate: '
        '"2030-03-05", location: "Rome", host: "NDC", seats: 10}) { id } }',
        {"a": activity["id"]},
    )
    made["occurrence"] = occurrence["data"]["scheduleOccurrence"]["id"]
    system.graphql("mutation($id: ID!) { openOccurrenceRegistration(id: $id) { id } }", {"id": made["occurrence"]})
    for iso in ("GEO", "JOR"):
        nominated = system.graphql(
            "mutation($o: ID!, $iso: ID!, $p: ParticipantInput!) { nominateParticipant(occurrenceId: $o, "
            "partnerIso: $iso, participant: $p) { id participantId } }",
            {
                "o": made["occurrence"],
                "iso": iso,
                "p": {"name": f"Officer of {iso}", "email": f"officer@{iso}.example"},
            },
        )
        made[f"{iso}_nomination"] = nominated["data"]["nominateParticipant"]
    return made


def _codes(result: dict[str, Any]) -> list[str]:
    return [e.get("extensions", {}).get("code", "") for e in result.get("errors") or []]


def test_fields_with_their_own_rule_are_scoped_per_role(system: System, two_partners: dict[str, Any]) -> None:
    activity = two_partners["activity"]["id"]
    partner_fields = " ".join(FLAG_FIELDS)
    query = (
        f"query($iso: ID!) {{ partner(iso: $iso) {{ {partner_fields} programmes {{ totalCount }} "
        "capacityRequests { totalCount } eligibleActivities { totalCount } } }"
    )
    seen = {
        account: {iso: system.graphql(query, {"iso": iso}, as_=account) for iso in ("GEO", "JOR")}
        for account in ACCOUNTS.values()
    }
    staff = seen["staff"]
    for account in ("ally-nor", "system"):
        assert seen[account] == staff, account  # they see every partner as staff do
    geo = seen["partner-geo"]
    assert geo["GEO"] == staff["GEO"]  # its own, whole
    jor = geo["JOR"]["data"]["partner"]
    assert all(jor[name] is None for name in FLAG_FIELDS)  # another partner's flags are not its to read
    assert (
        jor["programmes"]["totalCount"],
        jor["capacityRequests"]["totalCount"],
        jor["eligibleActivities"]["totalCount"],
    ) == (0, 0, 0)
    for field in ("programmes", "capacityRequests"):  # each apart: one error nulls the partner for the next
        refused = system.graphql(f'{{ partner(iso: "GEO") {{ {field} {{ totalCount }} }} }}', as_="provider-nso")
        assert _codes(refused) == ["FORBIDDEN"] and refused["errors"][0]["path"][-1] == field
    planned = (
        "query($id: ID) { activity(id: $id) { plannedBy { edges { node { partner { iso } } } } "
        "supportingMeasures { id } } }"
    )
    by_staff = system.graphql(planned, {"id": activity})["data"]["activity"]
    assert {e["node"]["partner"]["iso"] for e in by_staff["plannedBy"]["edges"]} >= {"GEO", "JOR"}
    by_geo = system.graphql(planned, {"id": activity}, as_="partner-geo")["data"]["activity"]
    assert {e["node"]["partner"]["iso"] for e in by_geo["plannedBy"]["edges"]} == {"GEO"}
    assert len(by_geo["supportingMeasures"]) == 1 < len(by_staff["supportingMeasures"])
    assert set(_codes(system.graphql(planned, {"id": activity}, as_="provider-nso"))) == {"FORBIDDEN"}


def _entities(system: System, service: str, account: str, representation: dict[str, Any], selection: str) -> Any:
    response = httpx.post(
        f"{system.services[service]}/graphql",
        headers={"x-hub-gateway-secret": "dev-gateway-secret", **system.headers(account)},
        json={
            "query": f"query($r: [_Any!]!) {{ _entities(representations: $r) {{ ... on {representation['__typename']} "
            f"{{ {selection} }} }} }}",
            "variables": {"r": [representation]},
        },
    )
    return response.json()


def test_entity_references_obey_the_rules_of_their_type(system: System, two_partners: dict[str, Any]) -> None:
    cases = [
        ("programmes", {"__typename": "Programme", "id": two_partners["JOR_programme"]}, "id", "JOR"),
        ("capacity", {"__typename": "CapacityRequest", "id": two_partners["JOR_request"]}, "id", "JOR"),
        ("menu", {"__typename": "Activity", "id": two_partners["activity"]["id"]}, "id", None),
        ("menu", {"__typename": "AreaOfCooperation", "code": "CEP"}, "code", None),
        ("programmes", {"__typename": "Partner", "iso": "JOR"}, "iso", None),
    ]
    cells = 0
    for service, representation, selection, owner in cases:
        rule = RULES[representation["__typename"]]
        for role, account in ACCOUNTS.items():
            result = _entities(system, service, account, representation, selection)
            expected = rule.covers(role)
            cells += 1
            if expected == "forbidden":
                assert "FORBIDDEN" in _codes(result), (representation, account, result)
                continue
            assert not result.get("errors"), (representation, account, result)
            found = result["data"]["_entities"][0]
            hidden = expected == "own" and owner is not None and owner != "GEO"
            assert (found is None) == hidden, (representation, account, found)
    print(f"\nentity references: {len(cases)} types x {len(ACCOUNTS)} roles = {cells} cells")


def test_partner_geo_reaches_nothing_of_partner_jor_by_any_path(system: System, two_partners: dict[str, Any]) -> None:
    jor_programme, jor_request = two_partners["JOR_programme"], two_partners["JOR_request"]
    geo = "partner-geo"
    probes: list[tuple[str, bool]] = []

    def probe(name: str, holds: bool) -> None:
        probes.append((name, holds))

    q = lambda query, variables=None: system.graphql(query, variables, as_=geo)  # noqa: E731
    probe(
        "programme by id",
        q("query($id: ID!) { programme(id: $id) { id } }", {"id": jor_programme})["data"]["programme"] is None,
    )
    probe(
        "OCC evaluations by programme id",
        q("query($id: ID!) { programme(id: $id) { occEvaluations { id } } }", {"id": two_partners["JOR_occ"]})["data"][
            "programme"
        ]
        is None,
    )
    probe(
        "programmes filtered to JOR",
        q('{ programmes(filter: {partnerIso: "JOR"}) { totalCount } }')["data"]["programmes"]["totalCount"] == 0,
    )
    everything = q("{ programmes(first: 100) { totalCount edges { node { partner { iso } } } } }")["data"]["programmes"]
    probe(
        "every programme listed is GEO's, and counted so",
        {e["node"]["partner"]["iso"] for e in everything["edges"]} == {"GEO"}
        and everything["totalCount"] == len(everything["edges"]),
    )
    probe(
        "capacity request by id",
        q("query($id: ID!) { capacityRequest(id: $id) { id } }", {"id": jor_request})["data"]["capacityRequest"]
        is None,
    )
    probe(
        "requests filtered to JOR",
        q('{ capacityRequests(filter: {partnerIso: "JOR"}) { totalCount } }')["data"]["capacityRequests"]["totalCount"]
        == 0,
    )
    requests = q("{ capacityRequests(first: 100) { edges { node { partner { iso } } } } }")["data"]
    probe(
        "every request listed is GEO's",
        {e["node"]["partner"]["iso"] for e in requests["capacityRequests"]["edges"]} <= {"GEO"},
    )
    planners = q(
        "query($id: ID) { activity(id: $id) { plannedBy { totalCount edges { node { id } } } } }",
        {"id": two_partners["activity"]["id"]},
    )["data"]["activity"]["plannedBy"]
    probe("Activity.plannedBy", jor_programme not in [e["node"]["id"] for e in planners["edges"]])
    probe(
        "_entities Programme at the subgraph",
        _entities(system, "programmes", geo, {"__typename": "Programme", "id": jor_programme}, "id")["data"][
            "_entities"
        ]
        == [None],
    )
    probe(
        "_entities CapacityRequest at the subgraph",
        _entities(system, "capacity", geo, {"__typename": "CapacityRequest", "id": jor_request}, "id")["data"][
            "_entities"
        ]
        == [None],
    )
    probe(
        "_entities Partner JOR's programmes at the subgraph",
        _entities(
            system, "programmes", geo, {"__typename": "Partner", "iso": "JOR"}, "programmes { totalCount } suspended"
        )["data"]["_entities"]
        == [{"programmes": {"totalCount": 0}, "suspended": None}],
    )
    probe(
        "the activity named for JOR alone",
        q("query($id: ID) { activity(id: $id) { id } }", {"id": two_partners["jor_only"]["id"]})["data"]["activity"]
        is None,
    )
    stale = q(
        'mutation($id: ID!) { updateProgramme(id: $id, expectedVersion: 999, input: {title: "x"}) { id } }',
        {"id": jor_programme},
    )
    probe("changing JOR's programme (even with a stale version) is not found", _codes(stale) == ["NOT_FOUND"])
    probe(
        "withdrawing JOR's request is not found",
        _codes(q('mutation($id: ID!) { withdrawCapacityRequest(id: $id, reason: "x") { id } }', {"id": jor_request}))
        == ["NOT_FOUND"],
    )
    probe(
        "planning into JOR's programme names no programme",
        _codes(
            q(
                "mutation($p: ID!, $a: ID!) { planActivity(programmeId: $p, input: {activityId: $a, year: 2030}) "
                "{ programme { id } } }",
                {"p": jor_programme, "a": two_partners["activity"]["id"]},
            )
        )
        == ["BAD_USER_INPUT"],
    )
    probe(
        "preparing a programme for JOR is forbidden",
        _codes(
            q(
                'mutation { createProgramme(input: {partnerIso: "JOR", type: ITPP, title: "x", '
                'periodStart: "2040-01-01", '
                'periodEnd: "2040-12-31"}) { id } }'
            )
        )
        == ["FORBIDDEN"],
    )
    jor_nomination = two_partners["JOR_nomination"]
    probe(
        "JOR's nomination by id",
        q("query($id: ID!) { nomination(id: $id) { id } }", {"id": jor_nomination["id"]})["data"]["nomination"] is None,
    )
    listed = q(
        "query($id: ID!) { occurrence(id: $id) { seats { taken } nominations { totalCount edges { node { "
        "partnerIso participant { name } } } } } }",
        {"id": two_partners["occurrence"]},
    )["data"]["occurrence"]
    probe(
        "an occurrence's nominations are GEO's alone (its seats count everyone's)",
        listed["seats"]["taken"] == 2
        and listed["nominations"]["totalCount"] == 1
        and [e["node"]["partnerIso"] for e in listed["nominations"]["edges"]] == ["GEO"],
    )
    probe(
        "Partner JOR's nominations",
        q('{ partner(iso: "JOR") { nominations { totalCount } } }')["data"]["partner"]["nominations"]["totalCount"]
        == 0,
    )
    probe(
        "withdrawing JOR's nomination is not found",
        _codes(q("mutation($id: ID!) { withdrawNomination(id: $id) { id } }", {"id": jor_nomination["id"]}))
        == ["NOT_FOUND"],
    )
    probe(
        "erasing JOR's participant is not found",
        _codes(q("mutation($id: ID!) { eraseParticipant(id: $id) { id } }", {"id": jor_nomination["participantId"]}))
        == ["NOT_FOUND"],
    )
    probe(
        "nominating for JOR is refused",
        _codes(
            q(
                'mutation($o: ID!) { nominateParticipant(occurrenceId: $o, partnerIso: "JOR", participant: {name: "x", '
                'email: "x@y.example"}) { id } }',
                {"o": two_partners["occurrence"]},
            )
        )
        == ["BAD_USER_INPUT"],
    )
    probe(
        "_entities Partner JOR's nominations at the menu",
        _entities(
            system,
            "menu",
            geo,
            {"__typename": "Partner", "iso": "JOR", "framework": "MD"},
            "nominations { totalCount }",
        )["data"]["_entities"]
        == [{"nominations": {"totalCount": 0}}],
    )
    probe(
        "a subscription to JOR's activity hears nothing of it",
        asyncio.run(_subscription_hears_only_visible(system, two_partners)),
    )
    failed = [name for name, holds in probes if not holds]
    print(f"\ncross-partner probes: {len(probes)}, failed: {failed}")
    assert failed == []


def test_a_reference_to_what_the_caller_may_not_see_is_null_without_an_error(
    system: System, two_partners: dict[str, Any]
) -> None:
    """Staff link, in Georgia's own package, an activity open to Jordan alone: Georgia sees its measure with
    a null in its place (as `_entities` answers), not an error; staff see the activity."""
    geo_request, hidden = two_partners["GEO_request"], two_partners["jor_only"]
    assert until(
        lambda: system.graphql(
            'mutation($r: ID!, $a: [ID!]!) { addMeasure(requestId: $r, input: {area: CYBER_DEFENCE, title: "Hidden", '
            'leadNation: "NOR", activityIds: $a}) { measure { id } } }',
            {"r": geo_request, "a": [hidden["id"]]},
        ).get("data")
    )
    query = (
        "query($id: ID!) { capacityRequest(id: $id) { package { measures { title activities { id pcmRef title } } } } }"
    )
    seen = {account: system.graphql(query, {"id": geo_request}, as_=account) for account in ("staff", "partner-geo")}
    for account, result in seen.items():
        assert "errors" not in result, (account, result)
    linked = {
        account: next(
            m["activities"] for m in result["data"]["capacityRequest"]["package"]["measures"] if m["title"] == "Hidden"
        )
        for account, result in seen.items()
    }
    assert [(a["id"], a["pcmRef"]) for a in linked["staff"]] == [(hidden["id"], hidden["pcmRef"])]
    assert linked["partner-geo"] == [None]


async def _subscription_hears_only_visible(system: System, two_partners: dict[str, Any]) -> bool:
    hidden, shown = two_partners["jor_only"], two_partners["activity"]
    client = await GraphQLWebSocket.open(system.gateway, system.token("partner-geo"))
    try:
        before = system.subscribers("menu", "activities")
        await client.subscribe(
            "s", "subscription($ids: [ID!]) { activityChanged(ids: $ids) { id } }", {"ids": [hidden["id"], shown["id"]]}
        )
        await asyncio.to_thread(system.wait_for_subscribers, "menu", "activities", before + 1)
        for activity in (hidden, shown):
            system.graphql(
                'mutation($id: ID!) { updateActivity(id: $id, input: {tags: ["touched"]}) { id } }',
                {"id": activity["id"]},
            )
        message = await client.next_message()
        seen = {message["payload"]["data"]["activityChanged"]["id"]}
        try:
            while True:
                more = await client.next_message(timeout=2)
                seen.add(more["payload"]["data"]["activityChanged"]["id"])
        except TimeoutError:
            pass
        return seen == {shown["id"]}
    finally:
        await client.close()


def test_a_direct_request_without_the_gateway_secret_is_refused(system: System) -> None:
    for service, url in system.services.items():
        for body in (
            {"query": "{ __typename }"},
            {"query": "{ _service { sdl } }"},
            {"query": "{ __schema { types { name } } }"},
        ):
            response = httpx.post(f"{url}/graphql", json=body, headers=system.headers("staff"))
            assert response.status_code == 403, (service, body)
            assert json.loads(response.text)["errors"][0]["extensions"]["code"] == "FORBIDDEN"
        assert httpx.get(f"{url}/healthz").status_code == 200  # probes stay open


def test_a_refusal_says_nothing_the_caller_may_not_know(system: System, two_partners: dict[str, Any]) -> None:
    """Another provider's draft is answered as an unknown id is, without its reference; another nation's
    contribution is refused before its version is compared (which would tell the request's version)."""
    created = system.graphql(
        "mutation($i: ActivityInput!) { createActivity(input: $i) { id pcmRef } }",
        {
            "i": {
                "pcmRef": f"GBR.{uuid.uuid4().int % 1_000_000}",
                "title": "A draft of another provider",
                "description": "Not published",
                "areaCode": "CEP",
                "kind": "COURSE",
                "providerKind": "ALLIED_NATION",
                "providerName": "United Kingdom",
                "frameworks": ["PFP"],
            }
        },
    )["data"]["createActivity"]
    unknown = str(uuid.uuid4())
    for mutation in (
        'mutation($id: ID!) { updateActivity(id: $id, input: {title: "x"}, expectedVersion: 99) { id } }',
        'mutation($id: ID!) { scheduleOccurrence(activityId: $id, input: {startDate: "2031-01-05", '
        'endDate: "2031-01-09", location: "Oberammergau", host: "NSO", seats: 20}) { id } }',
    ):
        draft = system.graphql(mutation, {"id": created["id"]}, as_="provider-nso")
        nothing = system.graphql(mutation, {"id": unknown}, as_="provider-nso")
        assert _codes(draft) == _codes(nothing) and _codes(draft)[0] in ("NOT_FOUND", "BAD_USER_INPUT"), draft
        assert created["pcmRef"] not in json.dumps(draft)
    request = system.graphql(
        "query($id: ID!) { capacityRequest(id: $id) { package { measures { id } } } }",
        {"id": two_partners["JOR_request"]},
    )["data"]["capacityRequest"]
    measure = request["package"]["measures"][0]["id"]
    added = system.graphql(
        'mutation($m: ID!) { addContribution(measureId: $m, input: {nation: "GBR", '
        "kind: TRAINERS, quantity: 2}) { contribution { id } } }",
        {"m": measure},
    )
    contribution = added["data"]["addContribution"]["contribution"]["id"]
    for mutation in (
        "mutation($id: ID!) { updateContribution(id: $id, input: {quantity: 9}, expectedVersion: 9999) "
        "{ contribution { id } } }",
        "mutation($id: ID!) { removeContribution(id: $id, expectedVersion: 9999) { removedId } }",
    ):
        assert _codes(system.graphql(mutation, {"id": contribution}, as_="ally-nor")) == ["FORBIDDEN"]
