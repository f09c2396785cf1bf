"""Submitting requests, checked against capacity's own partner read model filled from the broker."""

from __future__ import annotations

import uuid
from typing import Any

from capacity.requests.events import REQUEST_EVENTS, REQUEST_TOPIC
from shared.testing.harness import GraphQLResult, ServiceHarness, count_statements, eventually
from shared.testing.kafka import read_events

SUBMIT = """mutation($input: SubmitCapacityRequestInput!) {
  submitCapacityRequest(input: $input) { id status onHold areas title partner { iso } version }
}"""


_issued: set[str] = set()


def iso() -> str:
    """A partner code no other test here has used (a random one repeated now and then, mixing two tests' requests)."""
    while True:
        code = "".join(chr(65 + b % 26) for b in uuid.uuid4().bytes[:3])
        if code not in _issued:
            _issued.add(code)
            return code


def request_input(partner: str, **overrides) -> dict:  # type: ignore[no-untyped-def,type-arg]
    return {
        "partnerIso": partner,
        "areas": ["CYBER_DEFENCE", "EDUCATION_AND_TRAINING"],
        "title": "Cyber defence advisory support",
        "description": "Advice on a national CERT",
        **overrides,
    }


async def _submit_when_known(capacity: ServiceHarness, partner: str, **overrides: Any) -> GraphQLResult:
    async def attempt():  # type: ignore[no-untyped-def]
        result = await capacity.graphql(SUBMIT, {"input": request_input(partner, **overrides)})
        return None if result.codes == ["BAD_USER_INPUT"] else result

    result = await eventually(attempt)
    result.ok()  # any other refusal fails here, named
    return result


async def test_a_known_partner_submits_and_the_event_is_published(capacity: ServiceHarness, publish_partner) -> None:
    partner = iso()
    await publish_partner(partner)
    result = await _submit_when_known(capacity, partner)
    request = result.ok()["submitCapacityRequest"]
    assert request["status"] == "SUBMITTED" and request["onHold"] is False and request["version"] == 1
    assert request["partner"] == {"iso": partner}
    [(event, headers)] = await read_events(
        capacity.settings.kafka_bootstrap_servers, capacity.settings.topic(REQUEST_TOPIC), key=request["id"]
    )
    assert event.type == "capacity.request.submitted" and headers["ce_source"] == "/partnership-hub/capacity"
    import jsonschema

    jsonschema.validate(event.data, REQUEST_EVENTS.json_schema())


async def test_an_unknown_partner_is_bad_input(capacity: ServiceHarness) -> None:
    before = await capacity.outbox_count()
    result = await capacity.graphql(SUBMIT, {"input": request_input("ZZZ")})
    assert result.codes == ["BAD_USER_INPUT"] and result.fields == ["partnerIso"]
    assert await capacity.outbox_count() == before


async def test_a_suspended_partner_is_refused_with_a_conflict(capacity: ServiceHarness, publish_partner) -> None:
    partner = iso()
    await publish_partner(partner, suspended=True)
    result = await eventually(lambda: _conflict(capacity, partner))
    assert result.fields == ["partnerIso"]


async def _conflict(capacity: ServiceHarness, partner: str):  # type: ignore[no-untyped-def]
    result = await capacity.graphql(SUBMIT, {"input": request_input(partner)})
    return result if result.codes == ["CONFLICT"] else None


async def test_an_older_partner_event_never_overwrites_a_newer_one(capacity: ServiceHarness, publish_partner) -> None:
    partner = iso()
    await publish_partner(partner, version=2, suspended=True, verb="suspended")
    await eventually(lambda: _conflict(capacity, partner))
    await publish_partner(partner, version=1, suspended=False)  # late, out of order: ignored
    marker = iso()
    await publish_partner(marker)  # once this one is applied, the late one has been too
    await _submit_when_known(capacity, marker)
    assert (await capacity.graphql(SUBMIT, {"input": request_input(partner)})).codes == ["CONFLICT"]


async def test_bad_submissions_name_their_field(capacity: ServiceHarness) -> None:
    result = await capacity.graphql(SUBMIT, {"input": request_input("GEO", areas=[])})
    assert result.codes == ["BAD_USER_INPUT"] and result.fields == ["areas"]
    result = await capacity.graphql(SUBMIT, {"input": request_input("GEO", areas=["SPACE_LASERS"])})
    assert result.codes == ["BAD_USER_INPUT"]


async def test_requests_are_listed_by_partner_and_status_in_pages(capacity: ServiceHarness, publish_partner) -> None:
    partner = iso()
    await publish_partner(partner)
    first = (await _submit_when_known(capacity, partner)).ok()["submitCapacityRequest"]
    second = (await capacity.graphql(SUBMIT, {"input": request_input(partner, title="Second")})).ok()
    query = """query($f: CapacityRequestFilter, $after: String) {
      capacityRequests(filter: $f, first: 1, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }"""
    page1 = (await capacity.graphql(query, {"f": {"partnerIso": partner.lower()}})).ok()["capacityRequests"]
    page2 = (
        await capacity.graphql(query, {"f": {"partnerIso": partner}, "after": page1["pageInfo"]["endCursor"]})
    ).ok()["capacityRequests"]
    assert page1["totalCount"] == 2 and page1["pageInfo"]["hasNextPage"]
    ids = [e["node"]["id"] for e in page1["edges"] + page2["edges"]]
    assert ids == [first["id"], second["submitCapacityRequest"]["id"]]
    none = (await capacity.graphql(query, {"f": {"partnerIso": partner, "statuses": ["APPROVED"]}})).ok()[
        "capacityRequests"
    ]
    assert none["totalCount"] == 0
    newest = (
        await capacity.graphql(
            """query($f: CapacityRequestFilter) { capacityRequests(filter: $f,
        orderBy: {field: CREATED_AT, direction: DESC}) { edges { node { id } } } }""",
            {"f": {"partnerIso": partner}},
        )
    ).ok()["capacityRequests"]
    assert [e["node"]["id"] for e in newest["edges"]] == list(reversed(ids))


async def test_partners_requests_resolve_in_one_statement(capacity: ServiceHarness, publish_partner) -> None:
    partners = [iso() for _ in range(3)]
    for partner in partners:
        await publish_partner(partner)
        await _submit_when_known(capacity, partner)
    query = (
        "query($r: [_Any!]!) { _entities(representations: $r) { ... on Partner { iso "
        "capacityRequests(first: 10) { totalCount edges { node { id status } } } } } }"
    )
    with count_statements(capacity.runtime.engine) as sql:
        entities = (await capacity.graphql(query, {"r": [{"__typename": "Partner", "iso": p} for p in partners]})).ok()[
            "_entities"
        ]
    assert [len(e["capacityRequests"]["edges"]) for e in entities] == [1, 1, 1]
    assert [e["capacityRequests"]["totalCount"] for e in entities] == [1, 1, 1]
    assert sql.count == 2  # one page for all partners, one count for all
