"""The catalogue as a frontend sees it: create, change, publish, find, page."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from shared.testing.harness import ServiceHarness

FIND = """
query($filter: ActivityFilter, $search: String, $orderBy: ActivityOrderBy, $first: Int, $after: String) {
  activities(filter: $filter, search: $search, orderBy: $orderBy, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage hasPreviousPage endCursor startCursor }
    edges { cursor node { pcmRef title status nextStartDate } }
  }
}"""
EVERY_STATUS = {"statuses": ["DRAFT", "PUBLISHED", "WITHDRAWN", "ARCHIVED"]}


async def test_an_activity_goes_from_draft_to_published_to_withdrawn_to_archived(
    menu: ServiceHarness, create_activity
) -> None:
    activity = await create_activity()
    assert activity["status"] == "DRAFT" and activity["version"] == 1
    assert activity["area"] == {"code": "CYB", "name": "Cyber Defence"}
    published = (
        await menu.graphql("mutation($id: ID!) { publishActivity(id: $id) { status version } }", {"id": activity["id"]})
    ).ok()["publishActivity"]
    assert published == {"status": "PUBLISHED", "version": 2}
    withdrawn = (
        await menu.graphql(
            'mutation($id: ID!) { withdrawActivity(id: $id, reason: "Instructor unavailable") '
            "{ status withdrawalReason version } }",
            {"id": activity["id"]},
        )
    ).ok()["withdrawActivity"]
    assert withdrawn == {"status": "WITHDRAWN", "withdrawalReason": "Instructor unavailable", "version": 3}
    archived = (
        await menu.graphql("mutation($id: ID!) { archiveActivity(id: $id) { status } }", {"id": activity["id"]})
    ).ok()["archiveActivity"]
    assert archived["status"] == "ARCHIVED"


async def test_update_changes_only_the_given_fields_and_bumps_the_version(
    menu: ServiceHarness, create_activity
) -> None:
    activity = await create_activity()
    result = await menu.graphql(
        "mutation($id: ID!, $v: Int) { updateActivity(id: $id, expectedVersion: $v, "
        'input: {title: "Renamed course", feeEur: "250.00"}) { title feeEur version languages } }',
        {"id": activity["id"], "v": 1},
    )
    assert result.ok()["updateActivity"] == {
        "title": "Renamed course",
        "feeEur": "250.00",
        "version": 2,
        "languages": ["en"],
    }


async def test_an_activity_is_found_by_id_and_by_pcm_ref(menu: ServiceHarness, create_activity) -> None:
    activity = await create_activity()
    by_id = await menu.graphql("query($id: ID) { activity(id: $id) { pcmRef } }", {"id": activity["id"]})
    by_ref = await menu.graphql("query($r: String) { activity(pcmRef: $r) { id } }", {"r": activity["pcmRef"].lower()})
    assert by_id.ok()["activity"]["pcmRef"] == activity["pcmRef"]
    assert by_ref.ok()["activity"]["id"] == activity["id"]
    missing = await menu.graphql("query($id: ID) { activity(id: $id) { id } }", {"id": str(uuid.uuid4())})
    assert missing.ok()["activity"] is None


async def test_full_text_search_finds_words_of_title_and_description(menu: ServiceHarness, create_activity) -> None:
    word = f"zeppelin{uuid.uuid4().hex[:6]}"
    mine = await create_activity(title=f"Airship logistics {word}", publish=True)
    await create_activity(description=f"All about the {word} and its mooring mast")
    result = (await menu.graphql(FIND, {"search": word, "filter": EVERY_STATUS})).ok()["activities"]
    assert result["totalCount"] == 2
    assert result["edges"][0]["node"]["pcmRef"] == mine["pcmRef"]  # title words outrank by order: "Airship" < "Cyber"


async def test_a_reader_sees_published_activities_unless_asking_for_others(
    menu: ServiceHarness, create_activity
) -> None:
    tag = uuid.uuid4().hex[:6]
    published = await create_activity(title=f"{tag} published", publish=True)
    await create_activity(title=f"{tag} draft")
    by_default = (await menu.graphql(FIND, {"search": tag})).ok()["activities"]
    assert [e["node"]["pcmRef"] for e in by_default["edges"]] == [published["pcmRef"]]
    drafts = (await menu.graphql(FIND, {"search": tag, "filter": {"statuses": ["DRAFT"]}})).ok()["activities"]
    assert [e["node"]["title"] for e in drafts["edges"]] == [f"{tag} draft"]


async def test_search_finds_an_activity_by_its_pcm_ref_or_the_start_of_it(
    menu: ServiceHarness, create_activity
) -> None:
    activity = await create_activity(publish=True)
    exact = (await menu.graphql(FIND, {"search": activity["pcmRef"]})).ok()["activities"]
    assert [e["node"]["pcmRef"] for e in exact["edges"]] == [activity["pcmRef"]]
    prefix = activity["pcmRef"][:-1].lower()
    found = (await menu.graphql(FIND, {"search": prefix, "first": 100})).ok()["activities"]
    assert activity["pcmRef"] in [e["node"]["pcmRef"] for e in found["edges"]]
    assert all(e["node"]["pcmRef"].startswith(prefix.upper()) for e in found["edges"])


async def test_level_tag_and_open_to_partner_filters(menu: ServiceHarness, create_activity) -> None:
    tag = uuid.uuid4().hex[:6]
    await create_activity(title=f"{tag} md", level="ADVANCED", frameworks=["MD"], tags=["maritime"], publish=True)
    await create_activity(
        title=f"{tag} named", frameworks=["ICI"], eligiblePartners=["GEO"], tags=["cyber"], publish=True
    )
    await create_activity(title=f"{tag} pfp", frameworks=["PFP"], tags=["cyber", "maritime"], publish=True)
    titles = lambda r: sorted(e["node"]["title"] for e in r.ok()["activities"]["edges"])  # noqa: E731
    assert titles(await menu.graphql(FIND, {"search": tag, "filter": {"levels": ["ADVANCED"]}})) == [f"{tag} md"]
    assert titles(await menu.graphql(FIND, {"search": tag, "filter": {"tags": ["MARITIME"]}})) == [
        f"{tag} md",
        f"{tag} pfp",
    ]
    # Georgia is in PfP and named by one more: open to it are those two, not the MD one.
    assert titles(await menu.graphql(FIND, {"search": tag, "filter": {"openTo": "geo"}})) == [
        f"{tag} named",
        f"{tag} pfp",
    ]
    assert titles(await menu.graphql(FIND, {"search": tag, "filter": {"openTo": "JOR"}})) == [f"{tag} md"]
    unknown = await menu.graphql(FIND, {"search": tag, "filter": {"openTo": "ZZZ"}})
    assert unknown.codes == ["BAD_USER_INPUT"] and unknown.fields == ["filter.openTo"]


async def test_filters_combine_and_each_list_matches_any_value(menu: ServiceHarness, create_activity) -> None:
    tag = uuid.uuid4().hex[:6]
    await create_activity(title=f"{tag} one", areaCode="CEP", kind="SEMINAR", frameworks=["MD"], languages=["fr"])
    await create_activity(title=f"{tag} two", areaCode="CEP", kind="COURSE", frameworks=["PFP", "MD"])
    await create_activity(title=f"{tag} three", areaCode="LOG", kind="SEMINAR", frameworks=["ICI"], publish=True)
    find = lambda f: menu.graphql(FIND, {"filter": {**EVERY_STATUS, **f}, "search": tag})  # noqa: E731
    assert (await find({"areaCodes": ["CEP"]})).ok()["activities"]["totalCount"] == 2
    assert (await find({"areaCodes": ["CEP"], "kinds": ["SEMINAR"]})).ok()["activities"]["totalCount"] == 1
    assert (await find({"frameworks": ["MD"]})).ok()["activities"]["totalCount"] == 2
    assert (await find({"languages": ["FR"]})).ok()["activities"]["totalCount"] == 1
    assert (await find({"statuses": ["PUBLISHED"]})).ok()["activities"]["totalCount"] == 1
    assert (await find({"providerKinds": ["PTEC"]})).ok()["activities"]["totalCount"] == 0
    assert (await find({"providers": ["NATO School Oberammergau"]})).ok()["activities"]["totalCount"] == 3


async def test_date_range_finds_activities_with_an_occurrence_inside_it(
    menu: ServiceHarness, create_activity, schedule
) -> None:
    tag = uuid.uuid4().hex[:6]
    soon = await create_activity(title=f"{tag} soon")
    late = await create_activity(title=f"{tag} late")
    await schedule(soon["id"], days_ahead=30)
    await schedule(late["id"], days_ahead=300)
    window = {"startsFrom": date.today().isoformat(), "startsTo": (date.today() + timedelta(days=100)).isoformat()}
    found = (await menu.graphql(FIND, {"filter": {**window, **EVERY_STATUS}, "search": tag})).ok()["activities"]
    assert [e["node"]["title"] for e in found["edges"]] == [f"{tag} soon"]


async def test_pages_follow_each_other_without_gaps_or_repeats(menu: ServiceHarness, create_activity) -> None:
    tag = uuid.uuid4().hex[:6]
    for n in range(7):
        await create_activity(title=f"{tag} {n}")
    seen: list[str] = []
    after = None
    while True:
        page = (await menu.graphql(FIND, {"search": tag, "first": 3, "after": after, "filter": EVERY_STATUS})).ok()[
            "activities"
        ]
        seen += [e["node"]["title"] for e in page["edges"]]
        assert page["totalCount"] == 7
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == sorted(seen) and len(seen) == 7 and len(set(seen)) == 7


async def test_order_by_start_date_puts_unscheduled_last_and_pages_stably(
    menu: ServiceHarness, create_activity, schedule
) -> None:
    tag = uuid.uuid4().hex[:6]
    late = await create_activity(title=f"{tag} a")
    early = await create_activity(title=f"{tag} b")
    never = await create_activity(title=f"{tag} c")
    await schedule(late["id"], days_ahead=200)
    await schedule(early["id"], days_ahead=20)
    order = {"field": "START_DATE", "direction": "ASC"}
    first = (await menu.graphql(FIND, {"search": tag, "orderBy": order, "first": 2, "filter": EVERY_STATUS})).ok()[
        "activities"
    ]
    rest = (
        await menu.graphql(
            FIND,
            {
                "search": tag,
                "orderBy": order,
                "first": 2,
                "filter": EVERY_STATUS,
                "after": first["pageInfo"]["endCursor"],
            },
        )
    ).ok()["activities"]
    titles = [e["node"]["title"] for e in first["edges"] + rest["edges"]]
    assert titles == [early["title"], late["title"], never["title"]]
    descending = (
        await menu.graphql(
            FIND, {"search": tag, "filter": EVERY_STATUS, "orderBy": {"field": "PCM_REF", "direction": "DESC"}}
        )
    ).ok()["activities"]
    refs = [e["node"]["pcmRef"] for e in descending["edges"]]
    assert refs == sorted(refs, reverse=True)


async def test_areas_of_cooperation_are_listed_by_code(menu: ServiceHarness) -> None:
    areas = (await menu.graphql("{ areasOfCooperation { code name sourced } }")).ok()["areasOfCooperation"]
    assert len(areas) == 35
    assert [a["code"] for a in areas] == sorted(a["code"] for a in areas)
    assert {"code": "CEP", "name": "Civil Emergency Planning", "sourced": True} in areas
