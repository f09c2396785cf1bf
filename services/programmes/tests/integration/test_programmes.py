"""Programmes through their lifecycle, with history, revisions, supersession and the partner rules."""

from __future__ import annotations

import asyncio
from datetime import date

from programmes.programmes.events import PROGRAMME_EVENTS, PROGRAMME_TOPIC
from shared.testing.harness import ServiceHarness
from shared.testing.kafka import read_events

HISTORY = "query($id: ID!) { programme(id: $id) { status transitions { fromStatus toStatus actor note at } } }"
CREATE = "mutation($i: ProgrammeInput!) { createProgramme(input: $i) { id } }"
APPROVE = "mutation($id: ID!, $s: ID) { approveProgramme(id: $id, supersedes: $s) { status } }"


def programme_input(iso: str, type: str = "IPCP", start: str = "2030-01-01", end: str = "2031-12-31") -> dict:  # type: ignore[type-arg]
    return {"partnerIso": iso, "type": type, "title": "T", "periodStart": start, "periodEnd": end}


async def test_a_programme_walks_from_draft_to_completed_and_keeps_its_history(
    programmes: ServiceHarness, partner, create_programme, advance
) -> None:
    programme = await create_programme(await partner(), "IPCP", date(2030, 1, 1))
    assert programme["status"] == "DRAFT" and programme["revision"] == 1
    done = await advance(programme, "COMPLETED")
    assert done["status"] == "COMPLETED" and done["version"] == programme["version"] + 5
    history = (await programmes.graphql(HISTORY, {"id": programme["id"]})).ok()["programme"]["transitions"]
    assert [(h["fromStatus"], h["toStatus"]) for h in history] == [
        (None, "DRAFT"),
        ("DRAFT", "SUBMITTED"),
        ("SUBMITTED", "IN_NEGOTIATION"),
        ("IN_NEGOTIATION", "APPROVED"),
        ("APPROVED", "IMPLEMENTING"),
        ("IMPLEMENTING", "COMPLETED"),
    ]
    assert all(h["actor"] == "staff (staff)" and h["at"] for h in history)
    events = await read_events(
        programmes.settings.kafka_bootstrap_servers,
        programmes.settings.topic(PROGRAMME_TOPIC),
        key=programme["id"],
        at_least=6,
    )
    assert [e.type.rsplit(".", 1)[1] for e, _ in events] == [
        "created",
        "submitted",
        "negotiation_started",
        "approved",
        "implementation_started",
        "completed",
    ]
    log = (
        await programmes.graphql(
            "query($id: ID!) { programme(id: $id) { history(first: 2) { edges { node { "
            "type version changes { field before after } } } } } }",
            {"id": programme["id"]},
        )
    ).ok()["programme"]["history"]["edges"]
    assert [edge["node"]["type"].rsplit(".", 1)[1] for edge in log] == ["completed", "implementation_started"]
    assert {"field": "status", "before": "IMPLEMENTING", "after": "COMPLETED"} in log[0]["node"]["changes"]
    import jsonschema

    for event, _ in events:
        jsonschema.validate(event.data, PROGRAMME_EVENTS.json_schema())


async def test_an_edition_whose_period_ended_is_superseded_by_the_next_approval(
    programmes: ServiceHarness, partner, create_programme, advance
) -> None:
    iso = await partner()
    ended = await advance(await create_programme(iso, "IPAP", date(2020, 1, 1)), "IMPLEMENTING")
    second = await create_programme(iso, "IPAP", date(2031, 1, 1))
    assert second["revision"] == ended["revision"] + 1
    await advance(second, "APPROVED")
    superseded = (await programmes.graphql(HISTORY, {"id": ended["id"]})).ok()["programme"]
    assert superseded["status"] == "SUPERSEDED"
    assert superseded["transitions"][-1]["note"] == f"superseded by revision {second['revision']}"


async def test_an_edition_still_in_force_is_superseded_only_when_the_approval_names_it(
    programmes: ServiceHarness, partner, create_programme, advance
) -> None:
    iso = await partner()
    running = await advance(await create_programme(iso, "IPCP", date(2026, 1, 1)), "IMPLEMENTING")
    other = await advance(await create_programme(await partner(), "IPCP", date(2026, 1, 1)), "IMPLEMENTING")
    successor = await create_programme(iso, "IPCP", date(2027, 6, 1))
    too_early = await programmes.graphql(APPROVE, {"id": successor["id"]})  # the lifecycle speaks first
    assert too_early.codes == ["CONFLICT"] and too_early.errors[0]["extensions"]["currentStatus"] == "DRAFT"
    successor = await advance(successor, "IN_NEGOTIATION")
    silent = await programmes.graphql(APPROVE, {"id": successor["id"]})
    assert silent.codes == ["CONFLICT"] and silent.fields == ["supersedes"]
    assert silent.errors[0]["extensions"]["runningProgrammeId"] == running["id"]
    wrong = await programmes.graphql(APPROVE, {"id": successor["id"], "s": other["id"]})
    assert wrong.codes == ["BAD_USER_INPUT"] and wrong.fields == ["supersedes"]
    assert (await programmes.graphql(HISTORY, {"id": running["id"]})).ok()["programme"]["status"] == "IMPLEMENTING"
    named = await programmes.graphql(APPROVE, {"id": successor["id"], "s": running["id"]})
    assert named.ok()["approveProgramme"]["status"] == "APPROVED"
    assert (await programmes.graphql(HISTORY, {"id": running["id"]})).ok()["programme"]["status"] == "SUPERSEDED"


async def test_a_partner_prepares_one_edition_of_a_tool_at_a_time(
    programmes: ServiceHarness, partner, create_programme
) -> None:
    iso = await partner()
    first = await create_programme(iso, "PARP", date(2030, 1, 1), date(2030, 12, 31))
    second = await programmes.graphql(CREATE, {"i": programme_input(iso, "PARP", "2031-01-01", "2031-12-31")})
    assert second.codes == ["CONFLICT"] and second.fields == ["type"] and "revision 1" in second.errors[0]["message"]
    # Two creations racing past the check: the database lets one through.
    other = await partner()
    raced = await asyncio.gather(*(programmes.graphql(CREATE, {"i": programme_input(other, "OCC")}) for _ in range(4)))
    assert sorted(r.codes[0] if r.errors else "OK" for r in raced) == ["CONFLICT", "CONFLICT", "CONFLICT", "OK"]
    await programmes.graphql(
        'mutation($id: ID!) { withdrawProgramme(id: $id, reason: "Redo") { id } }', {"id": first["id"]}
    )
    again = await programmes.graphql(CREATE, {"i": programme_input(iso, "PARP", "2031-01-01", "2031-12-31")})
    assert again.ok()["createProgramme"]["id"]


async def test_tools_a_partner_has_not_joined_are_refused(programmes: ServiceHarness, partner) -> None:
    iso = await partner(tools=("IPCP",))
    for tool in ("IPAP", "PARP", "OCC", "DEEP"):
        refused = await programmes.graphql(CREATE, {"i": programme_input(iso, tool)})
        assert refused.codes == ["BAD_USER_INPUT"] and refused.fields == ["type"], tool
        assert f"does not take part in {tool}" in refused.errors[0]["message"]
    assert (await programmes.graphql(CREATE, {"i": programme_input(iso, "IPCP")})).ok()


async def test_withdrawal_needs_a_reason_and_is_only_before_approval(
    programmes: ServiceHarness, partner, create_programme, advance
) -> None:
    programme = await create_programme(await partner(), "IPCP", date(2030, 1, 1))
    no_reason = await programmes.graphql(
        'mutation($id: ID!) { withdrawProgramme(id: $id, reason: " ") { id } }', {"id": programme["id"]}
    )
    assert no_reason.codes == ["BAD_USER_INPUT"] and no_reason.fields == ["reason"]
    approved = await advance(programme, "APPROVED")
    late = await programmes.graphql(
        'mutation($id: ID!) { withdrawProgramme(id: $id, reason: "Changed mind") { id } }', {"id": approved["id"]}
    )
    assert late.codes == ["CONFLICT"]


async def test_a_suspended_partner_cannot_get_a_programme_submitted(
    programmes: ServiceHarness, partner, create_programme
) -> None:
    draft = await create_programme(await partner(suspended=True), "IPCP", date(2030, 1, 1))
    before = await programmes.outbox_count()
    result = await programmes.graphql("mutation($id: ID!) { submitProgramme(id: $id) { id } }", {"id": draft["id"]})
    assert result.codes == ["CONFLICT"] and result.fields == ["partnerIso"]
    assert await programmes.outbox_count() == before


async def test_bad_programmes_are_refused(programmes: ServiceHarness, partner, create_programme) -> None:
    iso = await partner()
    base = programme_input(iso)
    cases = [
        ({"periodEnd": "2030-12-31"}, "periodEnd"),
        ({"partnerIso": "XXX"}, "partnerIso"),
        ({"title": ""}, "title"),
        ({"type": "OTHER", "periodEnd": "2029-01-01"}, "periodEnd"),
        ({"type": "OTHER", "periodStart": "0001-01-01"}, "periodStart"),
        ({"type": "OTHER", "periodEnd": "9999-12-31"}, "periodEnd"),
    ]
    for change, field in cases:
        result = await programmes.graphql(CREATE, {"i": {**base, **change}})
        assert result.codes == ["BAD_USER_INPUT"] and result.fields == [field], change
    programme = await create_programme(iso, "PARP", date(2030, 1, 1), date(2030, 12, 31))
    stale = await programmes.graphql(
        'mutation($id: ID!) { updateProgramme(id: $id, expectedVersion: 9, input: {title: "New"}) { id } }',
        {"id": programme["id"]},
    )
    assert stale.codes == ["CONFLICT"]
    missing = await programmes.graphql(
        'mutation { approveProgramme(id: "00000000-0000-0000-0000-000000000000") { id } }'
    )
    assert missing.codes == ["NOT_FOUND"]
    unknown = await programmes.graphql('{ programmes(filter: {partnerIso: "XXX"}) { totalCount } }')
    assert unknown.codes == ["BAD_USER_INPUT"] and unknown.fields == ["filter.partnerIso"]


async def test_programmes_filter_by_partner_type_status_and_period_and_order(
    programmes: ServiceHarness, partner, create_programme, advance
) -> None:
    iso = await partner()
    await advance(await create_programme(iso, "IPCP", date(2040, 1, 1)), "APPROVED")
    await create_programme(iso, "PARP", date(2042, 1, 1), date(2042, 12, 31))
    query = """query($f: ProgrammeFilter, $o: ProgrammeOrderBy) { programmes(filter: $f, orderBy: $o, first: 10) {
               totalCount edges { node { id type status periodStart } } } }"""
    everything = (await programmes.graphql(query, {"f": {"partnerIso": iso.lower()}})).ok()["programmes"]
    assert everything["totalCount"] == 2
    assert [e["node"]["periodStart"] for e in everything["edges"]] == ["2042-01-01", "2040-01-01"]  # newest first
    approved = (await programmes.graphql(query, {"f": {"partnerIso": iso, "statuses": ["APPROVED"]}})).ok()
    assert approved["programmes"]["totalCount"] == 1
    parp = (await programmes.graphql(query, {"f": {"partnerIso": iso, "types": ["PARP"]}})).ok()
    assert parp["programmes"]["totalCount"] == 1
    in_2041 = (
        await programmes.graphql(
            query, {"f": {"partnerIso": iso, "periodFrom": "2041-06-01", "periodTo": "2041-07-01"}}
        )
    ).ok()
    assert [e["node"]["type"] for e in in_2041["programmes"]["edges"]] == ["IPCP"]
    oldest = await create_programme(iso, "OCC", date(2038, 1, 1), date(2038, 12, 31))
    await programmes.graphql(
        'mutation($id: ID!) { updateProgramme(id: $id, input: {title: "Touched"}) { id } }', {"id": oldest["id"]}
    )
    touched = (
        await programmes.graphql(query, {"f": {"partnerIso": iso}, "o": {"field": "UPDATED_AT", "direction": "DESC"}})
    ).ok()
    assert [e["node"]["type"] for e in touched["programmes"]["edges"]] == ["OCC", "PARP", "IPCP"]
