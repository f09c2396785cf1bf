"""The menu withdraws an activity: every plan that chose it is flagged, once, with an event; late or repeated
menu events change nothing."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

from programmes.programmes.events import PROGRAMME_TOPIC
from shared.testing.harness import ServiceHarness, count_statements, eventually
from shared.testing.kafka import read_events

PLAN = (
    "mutation($p: ID!, $a: ID!) { planActivity(programmeId: $p, input: {activityId: $a, year: 2030}) "
    "{ plannedActivity { id } } }"
)
STATE = "query($id: ID!) { programme(id: $id) { version plannedActivities { status flagReason } } }"


async def test_a_withdrawn_activity_flags_every_plan_that_chose_it(
    programmes: ServiceHarness, partner, create_programme, menu_activity
) -> None:
    activity = await menu_activity(frameworks=["PFP"])
    plans = [await create_programme(await partner(), "IPCP", date(2030, 1, 1)) for _ in range(2)]
    for programme in plans:
        (await programmes.graphql(PLAN, {"p": programme["id"], "a": activity["id"]})).ok()
    withdrawal = await menu_activity(
        activity["id"], status="WITHDRAWN", version=3, verb="withdrawn", reason="Instructors unavailable"
    )

    async def flagged(programme_id: str):  # type: ignore[no-untyped-def]
        state = (await programmes.graphql(STATE, {"id": programme_id})).ok()["programme"]
        return state if state["plannedActivities"][0]["status"] == "FLAGGED" else None

    for programme in plans:
        state = await eventually(lambda p=programme: flagged(p["id"]))  # type: ignore[misc]  # p binds each programme
        assert state["plannedActivities"][0]["flagReason"] == "withdrawn from the menu: Instructors unavailable"
        events = await read_events(
            programmes.settings.kafka_bootstrap_servers,
            programmes.settings.topic(PROGRAMME_TOPIC),
            key=programme["id"],
            at_least=3,
        )
        assert events[-1][0].type == "programmes.programme.activity_flagged"
        assert events[-1][0].data["plannedActivities"][0]["status"] == "FLAGGED"

    # The same withdrawal delivered again, and an older state arriving late, change nothing.
    versions = [(await programmes.graphql(STATE, {"id": p["id"]})).ok()["programme"]["version"] for p in plans]
    before = await programmes.outbox_count()
    await menu_activity(activity["id"], status="WITHDRAWN", version=3, verb="withdrawn", wait=False)
    await menu_activity(activity["id"], status="PUBLISHED", version=2, wait=False)
    marker = await menu_activity()  # applied after the two above, on one partition per key order aside
    assert marker
    async with programmes.runtime.sessionmaker() as session:
        status = await session.scalar(text("SELECT status FROM known_activity WHERE id = :id"), {"id": activity["id"]})
    assert status == "WITHDRAWN"
    assert [(await programmes.graphql(STATE, {"id": p["id"]})).ok()["programme"]["version"] for p in plans] == versions
    assert await programmes.outbox_count() == before
    assert withdrawal


async def test_a_redelivered_event_is_applied_once(programmes: ServiceHarness, menu_activity) -> None:
    activity = await menu_activity()
    from shared.events.envelope import CloudEvent

    async with programmes.runtime.sessionmaker() as session:
        applied = await session.scalar(text("SELECT count(*) FROM processed_event WHERE consumer = 'menu-activities'"))
    consumer = programmes.runtime.running_consumers[0]
    event = CloudEvent(
        id="fixed-id",
        source="/partnership-hub/menu",
        type="menu.activity.updated",
        time=__import__("datetime").datetime.now(),
        key=activity["id"],
        data={**activity, "title": "Changed", "version": 5},
        topic="menu.activity.v1",
    )
    handler = consumer.handlers[programmes.settings.topic("menu.activity.v1")]["menu.activity.updated"]
    assert await consumer.apply(event, handler) == "applied"
    assert await consumer.apply(event, handler) == "duplicate"
    async with programmes.runtime.sessionmaker() as session:
        assert (
            await session.scalar(text("SELECT count(*) FROM processed_event WHERE consumer = 'menu-activities'"))
            == applied + 1
        )


async def test_a_hundred_programmes_with_plans_cost_a_constant_number_of_statements(
    programmes: ServiceHarness, menu_activity
) -> None:
    from programmes.programmes import use_cases
    from programmes.programmes.rules import ProgrammeDetails, ProgrammeType

    activities = [await menu_activity(frameworks=["PATG"]) for _ in range(3)]
    async with programmes.runtime.sessionmaker() as session:
        uow = programmes.runtime.unit_of_work(session)
        for n in range(100):
            programme = await use_cases.create_programme(
                uow,
                ProgrammeDetails(
                    "NZL", ProgrammeType.OTHER, f"NZL programme {n}", date(2050, 1, 1), date(2050, 12, 31)
                ),
            )
            for activity in activities[: 1 + n % 3]:
                await use_cases.plan_activity(uow, programme.id, __import__("uuid").UUID(activity["id"]), 2050)
        await uow.commit()
    query = """{ programmes(filter: {partnerIso: "NZL"}, first: 100) { totalCount edges { node {
        type status partner { name } transitions { toStatus }
        plannedActivities { status activity { id } } } } } }"""
    with count_statements(programmes.runtime.engine) as sql:
        result = (await programmes.graphql(query)).ok()["programmes"]
    assert result["totalCount"] == 100 and len(result["edges"]) == 100
    assert sum(len(e["node"]["plannedActivities"]) for e in result["edges"]) == 199
    assert sql.count == 5  # page, count, partners, histories, planned activities


async def test_programmes_of_many_partners_and_planners_of_activities_are_batched(
    programmes: ServiceHarness, partner, create_programme, menu_activity
) -> None:
    activity = await menu_activity(frameworks=["ICI"])
    other = await menu_activity(frameworks=["ICI"])
    isos = [await partner("ICI") for _ in range(3)]
    for iso in isos:
        programme = await create_programme(iso, "ITPP", date(2030, 1, 1), date(2031, 12, 31))
        (await programmes.graphql(PLAN, {"p": programme["id"], "a": activity["id"]})).ok()
    (await programmes.graphql(PLAN, {"p": programme["id"], "a": other["id"]})).ok()
    partners = (
        "query($r: [_Any!]!) { _entities(representations: $r) { ... on Partner { iso "
        "programmes(first: 5) { totalCount edges { node { type } } } } } }"
    )
    with count_statements(programmes.runtime.engine) as sql:
        found = (await programmes.graphql(partners, {"r": [{"__typename": "Partner", "iso": i} for i in isos]})).ok()[
            "_entities"
        ]
    assert [e["programmes"]["totalCount"] for e in found] == [1, 1, 1]
    assert sql.count == 3  # partners, one page for all, one count for all
    planners = (
        "query($r: [_Any!]!) { _entities(representations: $r) { ... on Activity { "
        "plannedBy(first: 2) { totalCount edges { node { id } } pageInfo { hasNextPage } } } } }"
    )
    with count_statements(programmes.runtime.engine) as sql:
        found = (
            await programmes.graphql(
                planners, {"r": [{"__typename": "Activity", "id": a["id"]} for a in (activity, other)]}
            )
        ).ok()["_entities"]
    assert [e["plannedBy"]["totalCount"] for e in found] == [3, 1]
    assert len(found[0]["plannedBy"]["edges"]) == 2 and found[0]["plannedBy"]["pageInfo"]["hasNextPage"]
    assert sql.count == 2  # one page for all activities, one count for all
