"""Every change of an activity and an occurrence is in its history, newest first, by pages, with what changed."""

from __future__ import annotations

from shared.testing.harness import ServiceHarness, count_statements

HISTORY = """query($id: ID!, $first: Int, $after: String) { activity(id: $id) { history(first: $first, after: $after) {
  edges { cursor node { version time actor type changes { field before after } } }
  pageInfo { hasNextPage hasPreviousPage endCursor } } } }"""


async def test_an_activitys_history_tells_each_change_newest_first_without_personal_data(
    menu: ServiceHarness, create_activity
) -> None:
    activity = await create_activity(publish=True, contactName="Ana Ionescu", contactEmail="ana@example.org")
    (
        await menu.graphql(
            'mutation($id: ID!) { updateActivity(id: $id, input: {tags: ["renamed"], '
            'contactName: "Ion Popescu"}) { id } }',
            {"id": activity["id"]},
        )
    ).ok()
    (
        await menu.graphql(
            'mutation($id: ID!) { withdrawActivity(id: $id, reason: "Gone") { id } }', {"id": activity["id"]}
        )
    ).ok()

    first = (await menu.graphql(HISTORY, {"id": activity["id"], "first": 2})).ok()["activity"]["history"]
    nodes = [edge["node"] for edge in first["edges"]]
    assert [n["type"] for n in nodes] == ["menu.activity.withdrawn", "menu.activity.updated"]
    assert [n["version"] for n in nodes] == [4, 3]
    assert nodes[0]["actor"] == "staff (staff)"
    assert {c["field"]: (c["before"], c["after"]) for c in nodes[0]["changes"]} == {
        "status": ("PUBLISHED", "WITHDRAWN"),
        "withdrawalReason": (None, "Gone"),
    }
    # The contact's change is not in it: personal data never enters the history.
    assert nodes[1]["changes"] == [{"field": "tags", "before": ["cyber"], "after": ["renamed"]}]
    assert first["pageInfo"]["hasNextPage"] and not first["pageInfo"]["hasPreviousPage"]

    rest = (await menu.graphql(HISTORY, {"id": activity["id"], "after": first["pageInfo"]["endCursor"]})).ok()
    older = [edge["node"] for edge in rest["activity"]["history"]["edges"]]
    assert [n["type"] for n in older] == ["menu.activity.published", "menu.activity.created"]
    created = {c["field"]: c for c in older[1]["changes"]}
    assert created["title"]["before"] is None and created["title"]["after"] == activity["title"]
    assert "contactName" not in created and "contactEmail" not in created and "version" not in created
    assert not rest["activity"]["history"]["pageInfo"]["hasNextPage"]


async def test_a_cursor_of_another_list_is_bad_input(menu: ServiceHarness, create_activity) -> None:
    activity = await create_activity()
    result = await menu.graphql(HISTORY, {"id": activity["id"], "after": "bm90LWEtY3Vyc29y"})
    assert result.codes == ["BAD_USER_INPUT"]


async def test_histories_of_many_activities_and_their_occurrences_cost_one_statement_each(
    menu: ServiceHarness, create_activity, schedule
) -> None:
    activities = [await create_activity(publish=True) for _ in range(3)]
    for activity in activities:
        await schedule(activity["id"])
    query = (
        "query($r: [_Any!]!) { _entities(representations: $r) { ... on Activity { "
        "history(first: 5) { edges { node { type } } } "
        "occurrences { edges { node { history { edges { node { type changes { field } } } } } } } } } }"
    )
    with count_statements(menu.runtime.engine) as sql:
        entities = (
            await menu.graphql(query, {"r": [{"__typename": "Activity", "id": a["id"]} for a in activities]})
        ).ok()["_entities"]
    for entity in entities:
        assert [e["node"]["type"] for e in entity["history"]["edges"]] == [
            "menu.activity.published",
            "menu.activity.created",
        ]
        [occurrence] = entity["occurrences"]["edges"]
        assert [e["node"]["type"] for e in occurrence["node"]["history"]["edges"]] == ["menu.occurrence.scheduled"]
    assert sql.count == 4  # activities, their histories, a page of occurrences each, the occurrences' histories
