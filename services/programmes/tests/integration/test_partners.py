"""Partners: seeded from the reference list through the use case, published, queryable, batched."""

from __future__ import annotations

import jsonschema

from programmes.partners.events import PARTNER_EVENTS, PARTNER_TOPIC
from programmes.partners.seed import partners
from shared.testing.harness import ServiceHarness, count_statements
from shared.testing.kafka import read_events


async def test_the_reference_partners_are_listed_by_framework(programmes: ServiceHarness) -> None:
    reference = {p.iso for p in partners()}
    everyone = (await programmes.graphql("{ partners { iso } }")).ok()["partners"]
    assert len(reference) == 38 and reference <= {p["iso"] for p in everyone}  # tests register their own too
    md = (await programmes.graphql("{ partners(framework: MD) { iso name } }")).ok()["partners"]
    assert {p["iso"] for p in md} & reference == {"DZA", "EGY", "ISR", "JOR", "MRT", "MAR", "TUN"}


async def test_a_partner_carries_its_flags(programmes: ServiceHarness) -> None:
    georgia = (
        await programmes.graphql(
            '{ partner(iso: "geo") { iso name framework suspended enhancedOpportunities ipapSince dcb deep version } }'
        )
    ).ok()["partner"]
    assert georgia == {
        "iso": "GEO",
        "name": "Georgia",
        "framework": "PFP",
        "suspended": False,
        "enhancedOpportunities": True,
        "ipapSince": 2004,
        "dcb": True,
        "deep": True,
        "version": 1,
    }
    assert (await programmes.graphql('{ partner(iso: "XXX") { iso } }')).ok()["partner"] is None


async def test_each_registration_is_published_on_the_partner_topic(programmes: ServiceHarness) -> None:
    events = await read_events(
        programmes.settings.kafka_bootstrap_servers, programmes.settings.topic(PARTNER_TOPIC), key="BLR"
    )
    [(event, headers)] = events
    assert event.type == "programmes.partner.registered" and event.data["suspended"] is True
    assert headers["ce_actor"] == "seed (staff)"
    jsonschema.validate(event.data, PARTNER_EVENTS.json_schema())


async def test_partner_references_resolve_in_one_statement(programmes: ServiceHarness) -> None:
    isos = ["GEO", "JOR", "QAT", "JPN", "NOPE"]
    query = "query($r: [_Any!]!) { _entities(representations: $r) { ... on Partner { iso name framework } } }"
    with count_statements(programmes.runtime.engine) as sql:
        entities = (await programmes.graphql(query, {"r": [{"__typename": "Partner", "iso": i} for i in isos]})).ok()[
            "_entities"
        ]
    assert [e and e["framework"] for e in entities] == ["PFP", "MD", "ICI", "PATG", None]
    assert sql.count == 1


async def test_a_partners_history_is_its_own_and_the_alliances_to_read(programmes: ServiceHarness, partner) -> None:
    iso = await partner()
    (
        await programmes.graphql(
            'mutation($iso: ID!) { suspendPartner(iso: $iso, reason: "Talks broke down") { iso } }', {"iso": iso}
        )
    ).ok()
    query = (
        "query($iso: ID!) { partner(iso: $iso) { history { edges { node { type actor "
        "changes { field before after } } } } } }"
    )
    seen = (await programmes.graphql(query, {"iso": iso}, as_="ally-nor")).ok()["partner"]["history"]
    suspended, registered = [edge["node"] for edge in seen["edges"]]
    assert (suspended["type"], registered["type"]) == ("programmes.partner.suspended", "programmes.partner.registered")
    assert {"field": "suspended", "before": False, "after": True} in suspended["changes"]
    assert {"field": "suspensionReason", "before": None, "after": "Talks broke down"} in suspended["changes"]
    # Another partner's history would tell its flags: a partner's account gets null, as for the flags.
    assert (await programmes.graphql(query, {"iso": iso}, as_="partner-geo")).ok()["partner"]["history"] is None
    own = (await programmes.graphql(query, {"iso": "GEO"}, as_="partner-geo")).ok()["partner"]["history"]
    assert own["edges"][-1]["node"]["type"] == "programmes.partner.registered"
