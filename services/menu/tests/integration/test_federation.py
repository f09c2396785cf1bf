"""Entity references resolve in one statement per entity type, whatever their number."""

from __future__ import annotations

import uuid

from shared.testing.harness import ServiceHarness, count_statements

ENTITIES = "query($r: [_Any!]!) { _entities(representations: $r) { ... on Activity { id pcmRef title } } }"


async def test_fifty_activity_references_cost_one_statement(menu: ServiceHarness, create_activity) -> None:
    activities = [await create_activity() for _ in range(50)]
    representations = [{"__typename": "Activity", "id": a["id"]} for a in activities]
    with count_statements(menu.runtime.engine) as sql:
        result = await menu.graphql(ENTITIES, {"r": representations})
    entities = result.ok()["_entities"]
    assert [e["id"] for e in entities] == [a["id"] for a in activities]
    assert sql.count == 1


async def test_references_by_pcm_ref_and_unknown_ids_resolve_in_one_statement_each(
    menu: ServiceHarness, create_activity
) -> None:
    known = [await create_activity() for _ in range(5)]
    representations = [{"__typename": "Activity", "pcmRef": a["pcmRef"]} for a in known] + [
        {"__typename": "Activity", "id": str(uuid.uuid4())}
    ]
    with count_statements(menu.runtime.engine) as sql:
        entities = (await menu.graphql(ENTITIES, {"r": representations})).ok()["_entities"]
    assert [e and e["pcmRef"] for e in entities] == [a["pcmRef"] for a in known] + [None]
    assert sql.count == 2  # one by pcmRef, one by id


async def test_activities_with_their_areas_and_occurrence_pages_cost_four_statements(
    menu: ServiceHarness, create_activity
) -> None:
    activities = [await create_activity(areaCode=code) for code in ("CEP", "CYB", "LOG", "MED")]
    query = (
        "query($r: [_Any!]!) { _entities(representations: $r) { ... on Activity { area { code name } "
        "occurrences(first: 5) { totalCount edges { node { id } } } } } }"
    )
    with count_statements(menu.runtime.engine) as sql:
        entities = (
            await menu.graphql(query, {"r": [{"__typename": "Activity", "id": a["id"]} for a in activities]})
        ).ok()["_entities"]
    assert [e["area"]["code"] for e in entities] == ["CEP", "CYB", "LOG", "MED"]
    assert sql.count == 4  # activities, areas, a page of occurrences for each, their counts


async def test_eligible_activities_of_many_partners_cost_two_statements(menu: ServiceHarness, create_activity) -> None:
    tag = uuid.uuid4().hex[:4].upper()
    open_to_md = await create_activity(title=f"AAAA {tag} MD course", frameworks=["MD"], publish=True)
    named = await create_activity(title=f"AAAA {tag} named", frameworks=["ICI"], eligiblePartners=["GEO"], publish=True)
    await create_activity(title=f"AAAA {tag} draft", frameworks=["MD", "PFP"])  # not published: never eligible
    partners = [
        {"__typename": "Partner", "iso": "JOR", "framework": "MD"},
        {"__typename": "Partner", "iso": "GEO", "framework": "PFP"},
        {"__typename": "Partner", "iso": "QAT", "framework": "ICI"},
    ]
    query = (
        "query($r: [_Any!]!) { _entities(representations: $r) { ... on Partner { iso "
        "eligibleActivities(first: 100) { totalCount edges { node { id } } } } } }"
    )
    with count_statements(menu.runtime.engine) as sql:
        entities = (await menu.graphql(query, {"r": partners})).ok()["_entities"]
    assert sql.count == 2  # one page query and one count query for all partners
    ids = {e["iso"]: {edge["node"]["id"] for edge in e["eligibleActivities"]["edges"]} for e in entities}
    assert open_to_md["id"] in ids["JOR"] and open_to_md["id"] not in ids["GEO"]
    assert named["id"] in ids["GEO"] and named["id"] in ids["QAT"]
    assert all(e["eligibleActivities"]["totalCount"] >= len(ids[e["iso"]]) for e in entities)


async def test_a_partners_eligible_activities_can_be_searched_filtered_and_ordered(
    menu: ServiceHarness, create_activity
) -> None:
    tag = uuid.uuid4().hex[:6]
    seminar = await create_activity(title=f"{tag} b seminar", kind="SEMINAR", frameworks=["MD"], publish=True)
    course = await create_activity(
        title=f"{tag} a course", kind="COURSE", frameworks=["MD"], level="ADVANCED", publish=True
    )
    query = (
        "query($r: [_Any!]!, $f: EligibleActivityFilter, $s: String, $o: ActivityOrderBy) { _entities("
        "representations: $r) { ... on Partner { eligibleActivities(filter: $f, search: $s, orderBy: $o) { "
        "totalCount edges { node { pcmRef } } } } } }"
    )
    jordan = [{"__typename": "Partner", "iso": "JOR", "framework": "MD"}]

    async def refs(**arguments: object) -> list[str]:
        result = (await menu.graphql(query, {"r": jordan, "s": tag, **arguments})).ok()["_entities"][0]
        return [e["node"]["pcmRef"] for e in result["eligibleActivities"]["edges"]]

    assert await refs() == [course["pcmRef"], seminar["pcmRef"]]
    assert await refs(o={"field": "TITLE", "direction": "DESC"}) == [seminar["pcmRef"], course["pcmRef"]]
    assert await refs(f={"kinds": ["SEMINAR"]}) == [seminar["pcmRef"]]
    assert await refs(f={"levels": ["ADVANCED"]}) == [course["pcmRef"]]
    by_ref = (await menu.graphql(query, {"r": jordan, "s": seminar["pcmRef"]})).ok()["_entities"][0]
    assert [e["node"]["pcmRef"] for e in by_ref["eligibleActivities"]["edges"]] == [seminar["pcmRef"]]


async def test_a_partners_framework_is_the_menus_own_not_the_one_a_representation_claims(
    menu: ServiceHarness, create_activity
) -> None:
    """GEO is a PFP partner: a representation claiming MD (sent straight to the subgraph) shows it nothing
    open to MD only."""
    tag = uuid.uuid4().hex[:6]
    md_only = await create_activity(title=f"{tag} MD only", frameworks=["MD"], publish=True)
    pfp = await create_activity(title=f"{tag} PFP", frameworks=["PFP"], publish=True)
    query = (
        "query($r: [_Any!]!) { _entities(representations: $r) { ... on Partner { "
        "eligibleActivities(search: $s, first: 100) { totalCount edges { node { id } } } } } }"
    )
    query = query.replace("query($r: [_Any!]!)", "query($r: [_Any!]!, $s: String)")
    claimed = [{"__typename": "Partner", "iso": "GEO", "framework": "MD"}]
    listed = (await menu.graphql(query, {"r": claimed, "s": tag})).ok()["_entities"][0]["eligibleActivities"]
    assert [edge["node"]["id"] for edge in listed["edges"]] == [pfp["id"]] and listed["totalCount"] == 1
    assert md_only["id"] not in str(listed)
