"""Providers: registered by staff under a code, their activities created under it, their standing and
details changed with a history, and a provider's own account keeping its contact details only."""

from __future__ import annotations

import uuid
from typing import Any

from menu.activities.events import ACTIVITY_TOPIC
from menu.providers.events import PROVIDER_TOPIC
from shared.testing.harness import ServiceHarness, count_statements
from shared.testing.kafka import read_events

PROVIDER = (
    "code name kind country city accreditedSince status version transitions { fromStatus toStatus reason "
    "actor } history { edges { node { type changes { field before after } } } }"
)
REGISTER = f"mutation($i: ProviderInput!) {{ registerProvider(input: $i) {{ {PROVIDER} }} }}"


def new_code() -> str:
    return f"P{uuid.uuid4().hex[:6].upper()}"


async def register(menu: ServiceHarness, **overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "code": new_code(),
        "name": "Baltic Defence College",
        "kind": "PTEC",
        "country": "EST",
        "city": "Tartu",
        "accreditedSince": 2010,
        "contactEmail": "office@example.org",
    }
    values.update(overrides)
    return (await menu.graphql(REGISTER, {"i": values})).ok()["registerProvider"]


async def test_a_provider_is_registered_found_and_its_activities_listed(menu: ServiceHarness, create_activity) -> None:
    provider = await register(menu)
    assert provider["status"] == "ACTIVE" and provider["transitions"][0]["toStatus"] == "ACTIVE"
    activity = await create_activity(publish=True, pcmRef=f"{provider['code']}.1", providerKind=None, providerName=None)
    found = (
        await menu.graphql(
            "query($c: String!) { provider(code: $c) { name activities { totalCount edges { node { pcmRef "
            "providerName providerKind provider { code } } } } } "
            'providers(filter: {kinds: [PTEC], countries: ["EST"]}, first: 100) { edges { node { code } } } }',
            {"c": provider["code"].lower()},
        )
    ).ok()
    [edge] = found["provider"]["activities"]["edges"]
    assert edge["node"] == {
        "pcmRef": activity["pcmRef"],
        "providerName": "Baltic Defence College",
        "providerKind": "PTEC",
        "provider": {"code": provider["code"]},
    }
    assert provider["code"] in [e["node"]["code"] for e in found["providers"]["edges"]]
    [(event, _)] = await read_events(
        menu.settings.kafka_bootstrap_servers, menu.settings.topic(PROVIDER_TOPIC), key=provider["code"]
    )
    assert event.type == "menu.provider.registered" and event.data["accreditedSince"] == 2010


async def test_renaming_a_provider_renames_its_activities_and_tells_subscribers(
    menu: ServiceHarness, create_activity
) -> None:
    provider = await register(menu)
    activity = await create_activity(pcmRef=f"{provider['code']}.7", providerKind=None, providerName=None)
    renamed = (
        await menu.graphql(
            'mutation($c: String!) { updateProvider(code: $c, input: {name: "Baltic Defence College (BALTDEFCOL)", '
            "kind: COE, accreditedSince: 2012}, expectedVersion: 1) { name kind version history { edges { node { "
            "type changes { field after } } } } } }",
            {"c": provider["code"]},
        )
    ).ok()["updateProvider"]
    assert renamed["version"] == 2
    assert renamed["history"]["edges"][0]["node"]["type"] == "menu.provider.updated"
    read = (
        await menu.graphql(
            "query($id: ID!) { activity(id: $id) { providerName providerKind version } }", {"id": activity["id"]}
        )
    ).ok()["activity"]
    assert read == {"providerName": "Baltic Defence College (BALTDEFCOL)", "providerKind": "COE", "version": 2}
    events = await read_events(
        menu.settings.kafka_bootstrap_servers, menu.settings.topic(ACTIVITY_TOPIC), key=activity["id"], at_least=2
    )
    assert events[-1][0].data["providerName"] == "Baltic Defence College (BALTDEFCOL)"
    assert events[-1][0].data["providerCode"] == provider["code"]


async def test_a_suspended_provider_takes_no_new_activities_until_reinstated(
    menu: ServiceHarness, create_activity
) -> None:
    provider = await register(menu)
    code = provider["code"]
    (
        await menu.graphql(
            'mutation($c: String!) { suspendProvider(code: $c, reason: "Accreditation under review") { status } }',
            {"c": code},
        )
    ).ok()
    refused = await menu.graphql(
        "mutation($i: ActivityInput!) { createActivity(input: $i) { id } }", {"i": _activity(f"{code}.1")}
    )
    assert refused.codes == ["CONFLICT"]
    again = await menu.graphql(
        'mutation($c: String!) { suspendProvider(code: $c, reason: "twice") { status } }', {"c": code}
    )
    assert again.codes == ["CONFLICT"]
    back = (
        await menu.graphql(
            'mutation($c: String!) { reinstateProvider(code: $c, reason: "Accredited again") '
            "{ status transitions { fromStatus toStatus reason } } }",
            {"c": code},
        )
    ).ok()
    assert [t["toStatus"] for t in back["reinstateProvider"]["transitions"]] == ["ACTIVE", "SUSPENDED", "ACTIVE"]
    await create_activity(pcmRef=f"{code}.1", providerKind=None, providerName=None)


async def test_bad_provider_input_is_named(menu: ServiceHarness) -> None:
    cases: list[tuple[dict[str, Any], str]] = [
        ({"code": "p-1"}, "code"),
        ({"country": "XYZ"}, "country"),
        ({"kind": "NATO_BODY"}, "accreditedSince"),
        ({"accreditedSince": 1980}, "accreditedSince"),
        ({"website": "http://plain.example.org"}, "website"),
    ]
    for overrides, field in cases:
        values: dict[str, Any] = {
            "code": new_code(),
            "name": "A college",
            "kind": "PTEC",
            "country": "EST",
            "accreditedSince": 2010,
            **overrides,
        }
        result = await menu.graphql(REGISTER, {"i": values})
        assert (result.codes, result.fields) == (["BAD_USER_INPUT"], [field]), overrides
    taken = await menu.graphql(REGISTER, {"i": {"code": "NSO", "name": "x", "kind": "NATO_BODY", "country": "DEU"}})
    assert taken.codes == ["CONFLICT"]
    unknown = await menu.graphql(
        "mutation($i: ActivityInput!) { createActivity(input: $i) { id } }", {"i": _activity(f"{new_code()}.1")}
    )
    assert (unknown.codes, unknown.fields) == (["BAD_USER_INPUT"], ["pcmRef"])
    disagreeing = await menu.graphql(
        "mutation($i: ActivityInput!) { createActivity(input: $i) { id } }",
        {"i": {**_activity(f"NSO.{uuid.uuid4().int % 100_000}"), "providerName": "Someone else"}},
    )
    assert (disagreeing.codes, disagreeing.fields) == (["BAD_USER_INPUT"], ["providerName"])


async def test_a_provider_keeps_its_own_contact_details_only(menu: ServiceHarness) -> None:
    own = "mutation($c: String!, $i: ProviderChanges!) { updateProvider(code: $c, input: $i) { contactEmail } }"
    changed = await menu.graphql(own, {"c": "NSO", "i": {"contactEmail": "courses@example.org"}}, as_="provider-nso")
    assert changed.ok()["updateProvider"]["contactEmail"] == "courses@example.org"
    renaming = await menu.graphql(own, {"c": "NSO", "i": {"name": "NATO School"}}, as_="provider-nso")
    assert renaming.codes == ["FORBIDDEN"]
    another = await menu.graphql(own, {"c": "NDC", "i": {"contactEmail": "x@example.org"}}, as_="provider-nso")
    assert another.codes == ["FORBIDDEN"]
    registering = await menu.graphql(
        REGISTER, {"i": {"code": new_code(), "name": "x", "kind": "NATO_BODY", "country": "BEL"}}, as_="provider-nso"
    )
    assert registering.codes == ["FORBIDDEN"]
    partner = await menu.graphql(own, {"c": "NSO", "i": {"contactEmail": "x@example.org"}}, as_="partner-geo")
    assert partner.codes == ["FORBIDDEN"]


async def test_providers_of_many_activities_load_in_one_statement(menu: ServiceHarness, create_activity) -> None:
    for _ in range(3):
        await create_activity(publish=True)
    with count_statements(menu.runtime.engine) as sql:
        page = (await menu.graphql("{ activities(first: 20) { edges { node { provider { code name } } } } }")).ok()
    assert all(edge["node"]["provider"]["code"] for edge in page["activities"]["edges"])
    assert len([s for s in sql.statements if "FROM provider" in s]) == 1


def _activity(pcm_ref: str) -> dict[str, Any]:
    return {
        "pcmRef": pcm_ref,
        "title": "Energy Security Course",
        "description": "Protecting energy infrastructure.",
        "areaCode": "ENS",
        "kind": "COURSE",
        "frameworks": ["PFP"],
    }
