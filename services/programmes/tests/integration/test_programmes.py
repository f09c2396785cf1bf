"""Programmes through their lifecycle, with history, revisions, supersession and the suspension rule."""

from __future__ import annotations

from datetime import date

from programmes.events import PROGRAMME_EVENTS, PROGRAMME_TOPIC
from shared.testing.harness import ServiceHarness
from shared.testing.kafka import read_events

HISTORY = "query($id: ID!) { programme(id: $id) { status history { fromStatus toStatus actor note at } } }"


async def test_a_programme_walks_from_draft_to_completed_and_keeps_its_history(programmes: ServiceHarness,
                                                                               create_programme, advance) -> None:
    programme = await create_programme("ARM", "IPCP", date(2030, 1, 1))
    assert programme["status"] == "DRAFT" and programme["revision"] >= 1
    done = await advance(programme, "COMPLETED")
    assert done["status"] == "COMPLETED" and done["version"] == programme["version"] + 5
    history = (await programmes.graphql(HISTORY, {"id": programme["id"]})).ok()["programme"]["history"]
    assert [(h["fromStatus"], h["toStatus"]) for h in history] == [
        (None, "DRAFT"), ("DRAFT", "SUBMITTED"), ("SUBMITTED", "IN_NEGOTIATION"), ("IN_NEGOTIATION", "APPROVED"),
        ("APPROVED", "IMPLEMENTING"), ("IMPLEMENTING", "COMPLETED")]
    assert all(h["actor"] == "anonymous" and h["at"] for h in history)
    events = await read_events(programmes.settings.kafka_bootstrap_servers,
                               programmes.settings.topic(PROGRAMME_TOPIC), key=programme["id"], at_least=6)
    assert [e.type.rsplit(".", 1)[1] for e, _ in events] == [
        "created", "submitted", "negotiation_started", "approved", "implementation_started", "completed"]
    import jsonschema

    for event, _ in events:
        jsonschema.validate(event.data, PROGRAMME_EVENTS.json_schema())


async def test_approving_a_new_revision_supersedes_the_previous_approved_one(programmes: ServiceHarness,
                                                                             create_programme, advance) -> None:
    first = await advance(await create_programme("AZE", "IPAP", date(2031, 1, 1)), "IMPLEMENTING")
    second = await create_programme("AZE", "IPAP", date(2033, 1, 1))
    assert second["revision"] == first["revision"] + 1
    await advance(second, "APPROVED")
    superseded = (await programmes.graphql(HISTORY, {"id": first["id"]})).ok()["programme"]
    assert superseded["status"] == "SUPERSEDED"
    assert superseded["history"][-1]["note"] == f"superseded by revision {second['revision']}"


async def test_withdrawal_needs_a_reason_and_is_only_before_approval(programmes: ServiceHarness,
                                                                     create_programme, advance) -> None:
    programme = await create_programme("KAZ", "IPCP", date(2030, 1, 1))
    no_reason = await programmes.graphql('mutation($id: ID!) { withdrawProgramme(id: $id, reason: " ") { id } }',
                                         {"id": programme["id"]})
    assert no_reason.codes == ["BAD_USER_INPUT"] and no_reason.fields == ["note"]
    approved = await advance(programme, "APPROVED")
    late = await programmes.graphql('mutation($id: ID!) { withdrawProgramme(id: $id, reason: "Changed mind") '
                                    "{ id } }", {"id": approved["id"]})
    assert late.codes == ["CONFLICT"]


async def test_a_suspended_partner_cannot_get_a_programme_submitted(programmes: ServiceHarness,
                                                                    create_programme) -> None:
    draft = await create_programme("BLR", "IPCP", date(2030, 1, 1))
    before = await programmes.outbox_count()
    result = await programmes.graphql("mutation($id: ID!) { submitProgramme(id: $id) { id } }", {"id": draft["id"]})
    assert result.codes == ["CONFLICT"] and result.fields == ["partnerIso"]
    assert await programmes.outbox_count() == before


async def test_bad_programmes_are_refused(programmes: ServiceHarness, create_programme) -> None:
    create = "mutation($i: ProgrammeInput!) { createProgramme(input: $i) { id } }"
    base = {"partnerIso": "GEO", "type": "IPCP", "title": "T", "periodStart": "2030-01-01", "periodEnd": "2031-12-31"}
    cases = [({"periodEnd": "2030-12-31"}, "periodEnd"), ({"partnerIso": "XXX"}, "partnerIso"),
             ({"title": ""}, "title"), ({"type": "OTHER", "periodEnd": "2029-01-01"}, "periodEnd")]
    for change, field in cases:
        result = await programmes.graphql(create, {"i": {**base, **change}})
        assert result.codes == ["BAD_USER_INPUT"] and result.fields == [field], change
    programme = await create_programme("GEO", "PARP", date(2030, 1, 1), date(2030, 12, 31))
    stale = await programmes.graphql(
        'mutation($id: ID!) { updateProgramme(id: $id, expectedVersion: 9, input: {title: "New"}) { id } }',
        {"id": programme["id"]})
    assert stale.codes == ["CONFLICT"]
    missing = await programmes.graphql("mutation { approveProgramme(id: \"00000000-0000-0000-0000-000000000000\")"
                                       " { id } }")
    assert missing.codes == ["NOT_FOUND"]


async def test_programmes_filter_by_partner_type_status_and_period(programmes: ServiceHarness,
                                                                   create_programme, advance) -> None:
    await advance(await create_programme("TJK", "IPCP", date(2040, 1, 1)), "APPROVED")
    await create_programme("TJK", "PARP", date(2042, 1, 1), date(2042, 12, 31))
    query = """query($f: ProgrammeFilter) { programmes(filter: $f, first: 10) { totalCount
               edges { node { type status periodStart } } } }"""
    everything = (await programmes.graphql(query, {"f": {"partnerIso": "tjk"}})).ok()["programmes"]
    assert everything["totalCount"] == 2
    assert [e["node"]["periodStart"] for e in everything["edges"]] == ["2042-01-01", "2040-01-01"]  # newest first
    approved = (await programmes.graphql(query, {"f": {"partnerIso": "TJK", "statuses": ["APPROVED"]}})).ok()
    assert approved["programmes"]["totalCount"] == 1
    parp = (await programmes.graphql(query, {"f": {"partnerIso": "TJK", "types": ["PARP"]}})).ok()
    assert parp["programmes"]["totalCount"] == 1
    in_2041 = (await programmes.graphql(query, {"f": {"partnerIso": "TJK", "periodFrom": "2041-06-01",
                                                      "periodTo": "2041-07-01"}})).ok()
    assert [e["node"]["type"] for e in in_2041["programmes"]["edges"]] == ["IPCP"]
