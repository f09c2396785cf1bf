"""What a programme holds: planned menu activities checked against programmes' own read model of the menu,
objectives, PARP goals and assessments, OCC evaluations; each change answers with the programme too."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from shared.testing.harness import ServiceHarness

PLAN = """mutation($p: ID!, $i: PlannedActivityInput!) {
  planActivity(programmeId: $p, input: $i) { plannedActivity { id status year priority activityId activity { id } }
                                              programme { version } } }"""


async def test_a_published_activity_open_to_the_partner_is_planned_and_followed(
    programmes: ServiceHarness, partner, create_programme, menu_activity
) -> None:
    activity = await menu_activity(frameworks=["PFP"])
    programme = await create_programme(await partner(), "IPCP", date(2030, 1, 1))
    payload = (
        await programmes.graphql(
            PLAN, {"p": programme["id"], "i": {"activityId": activity["id"], "year": 2030, "priority": "HIGH"}}
        )
    ).ok()["planActivity"]
    planned = payload["plannedActivity"]
    assert planned["status"] == "PLANNED" and planned["activity"] == {"id": activity["id"]}
    assert payload["programme"]["version"] == programme["version"] + 1  # the next expectedVersion, no refetch
    step = (
        "mutation($id: ID!, $v: Int) {{ {name}(id: $id, expectedVersion: $v) {{ plannedActivity {{ status }} "
        "programme {{ version }} }} }}"
    )
    confirmed = (
        await programmes.graphql(
            step.format(name="confirmPlannedActivity"), {"id": planned["id"], "v": programme["version"] + 1}
        )
    ).ok()
    done = (
        await programmes.graphql(
            step.format(name="completePlannedActivity"), {"id": planned["id"], "v": programme["version"] + 2}
        )
    ).ok()
    assert confirmed["confirmPlannedActivity"] == {
        "plannedActivity": {"status": "CONFIRMED"},
        "programme": {"version": programme["version"] + 2},
    }
    assert done["completePlannedActivity"]["plannedActivity"]["status"] == "DONE"
    version = (
        await programmes.graphql(
            "query($id: ID!) { programme(id: $id) { version plannedActivities { status } } }", {"id": programme["id"]}
        )
    ).ok()["programme"]
    assert version == {"version": programme["version"] + 3, "plannedActivities": [{"status": "DONE"}]}


async def test_an_activity_that_cannot_be_planned_is_refused_saying_why(
    programmes: ServiceHarness, partner, create_programme, menu_activity
) -> None:
    iso = await partner()
    programme = await create_programme(iso, "IPCP", date(2030, 1, 1))
    draft = await menu_activity(status="DRAFT", version=1, verb="created")
    withdrawn = await menu_activity(status="WITHDRAWN", version=3, verb="withdrawn")
    md_only = await menu_activity(frameworks=["MD"])
    not_yet = "not published on the menu as far as programmes knows"
    cases = [
        (str(uuid.uuid4()), 2030, not_yet, True),
        (draft["id"], 2030, not_yet, True),
        (withdrawn["id"], 2030, "withdrawn from the menu", None),
        (md_only["id"], 2030, f"not open to {iso}", None),
        (md_only["id"], 2035, f"not open to {iso}", None),
    ]
    before = await programmes.outbox_count()
    for activity_id, year, says, retryable in cases:
        result = await programmes.graphql(PLAN, {"p": programme["id"], "i": {"activityId": activity_id, "year": year}})
        assert result.codes == ["BAD_USER_INPUT"] and result.fields == ["activityId"]
        assert says in result.errors[0]["message"]
        assert result.errors[0]["extensions"].get("retryable") is retryable
        assert "draft" not in result.errors[0]["message"].lower()  # whether a draft exists is not told
    assert await programmes.outbox_count() == before


async def test_a_version_programmes_has_not_received_yet_is_said_to_be_on_its_way(
    programmes: ServiceHarness, partner, create_programme, menu_activity
) -> None:
    programme = await create_programme(await partner(), "IPCP", date(2030, 1, 1))
    activity = await menu_activity(frameworks=["PFP"], version=2)
    ahead = await programmes.graphql(
        PLAN, {"p": programme["id"], "i": {"activityId": activity["id"], "year": 2030, "activityVersion": 3}}
    )
    assert ahead.codes == ["BAD_USER_INPUT"] and ahead.errors[0]["extensions"]["retryable"] is True
    assert ahead.errors[0]["message"] == (
        f"programmes has not yet received version 3 of activity {activity['id']} from the menu; retry shortly"
    )
    seen = await programmes.graphql(
        PLAN, {"p": programme["id"], "i": {"activityId": activity["id"], "year": 2030, "activityVersion": 2}}
    )
    assert seen.ok()["planActivity"]["plannedActivity"]["status"] == "PLANNED"


async def test_a_named_partner_may_plan_an_activity_outside_its_framework(
    programmes: ServiceHarness, partner, create_programme, menu_activity
) -> None:
    iso = await partner()
    activity = await menu_activity(frameworks=["MD"], eligible=[iso])
    programme = await create_programme(iso, "PARP", date(2030, 1, 1), date(2031, 12, 31))
    result = await programmes.graphql(PLAN, {"p": programme["id"], "i": {"activityId": activity["id"], "year": 2031}})
    assert result.ok()["planActivity"]["plannedActivity"]["year"] == 2031
    outside = await programmes.graphql(PLAN, {"p": programme["id"], "i": {"activityId": activity["id"], "year": 2029}})
    assert outside.codes == ["BAD_USER_INPUT"] and outside.fields == ["year"]
    twice = await programmes.graphql(PLAN, {"p": programme["id"], "i": {"activityId": activity["id"], "year": 2031}})
    assert twice.codes == ["CONFLICT"]


ADD_OBJECTIVE = """mutation($p: ID!, $i: ObjectiveInput!) { addObjective(programmeId: $p, input: $i) {
    objective { id category } programme { version } } }"""


async def test_ipap_objectives_and_itpp_goals_under_strategic_objectives(
    programmes: ServiceHarness, partner, create_programme
) -> None:
    ipap = await create_programme(await partner(), "IPAP", date(2030, 1, 1))
    chapter = await programmes.graphql(
        ADD_OBJECTIVE, {"p": ipap["id"], "i": {"category": "PUBLIC_DIPLOMACY", "title": "PD"}}
    )
    assert chapter.ok()["addObjective"]["objective"]["category"] == "PUBLIC_DIPLOMACY"
    wrong = await programmes.graphql(
        ADD_OBJECTIVE, {"p": ipap["id"], "i": {"category": "STRATEGIC_OBJECTIVE", "title": "S"}}
    )
    assert wrong.codes == ["BAD_USER_INPUT"] and wrong.fields == ["category"]
    itpp = await create_programme(await partner("MD"), "ITPP", date(2030, 1, 1), date(2033, 12, 31))
    strategy = (
        await programmes.graphql(
            ADD_OBJECTIVE, {"p": itpp["id"], "i": {"category": "STRATEGIC_OBJECTIVE", "title": "Interoperability"}}
        )
    ).ok()["addObjective"]["objective"]
    goal = await programmes.graphql(
        ADD_OBJECTIVE,
        {"p": itpp["id"], "i": {"category": "PARTNERSHIP_GOAL", "title": "Staff", "parentId": strategy["id"]}},
    )
    assert goal.ok()["addObjective"]["objective"]["category"] == "PARTNERSHIP_GOAL"
    orphan = await programmes.graphql(
        ADD_OBJECTIVE, {"p": itpp["id"], "i": {"category": "PARTNERSHIP_GOAL", "title": "X"}}
    )
    assert orphan.codes == ["BAD_USER_INPUT"] and orphan.fields == ["parentId"]
    busy = await programmes.graphql(
        "mutation($id: ID!) { removeObjective(id: $id) { removedId } }", {"id": strategy["id"]}
    )
    assert busy.codes == ["CONFLICT"]


async def test_objectives_are_edited_and_removed_with_the_programme_in_the_answer(
    programmes: ServiceHarness, partner, create_programme
) -> None:
    ipap = await create_programme(await partner(), "IPAP", date(2030, 1, 1))
    added = (
        await programmes.graphql(
            ADD_OBJECTIVE,
            {
                "p": ipap["id"],
                "i": {"category": "DEFENCE_AND_MILITARY", "title": "Reform", "description": "First draft"},
            },
        )
    ).ok()["addObjective"]
    edit = (
        "mutation($id: ID!, $v: Int) { updateObjective(id: $id, expectedVersion: $v, input: {title: "
        '"Defence reform", description: null}) { objective { title description } programme { version } } }'
    )
    edited = (
        await programmes.graphql(edit, {"id": added["objective"]["id"], "v": added["programme"]["version"]})
    ).ok()["updateObjective"]
    assert edited == {
        "objective": {"title": "Defence reform", "description": None},
        "programme": {"version": added["programme"]["version"] + 1},
    }
    stale = await programmes.graphql(edit, {"id": added["objective"]["id"], "v": added["programme"]["version"]})
    assert stale.codes == ["CONFLICT"]
    empty = await programmes.graphql(
        'mutation($id: ID!) { updateObjective(id: $id, input: {title: " "}) { objective { id } } }',
        {"id": added["objective"]["id"]},
    )
    assert empty.codes == ["BAD_USER_INPUT"] and empty.fields == ["title"]
    removed = (
        await programmes.graphql(
            "mutation($id: ID!) { removeObjective(id: $id) { removedId programme { version objectives { id } } } }",
            {"id": added["objective"]["id"]},
        )
    ).ok()["removeObjective"]
    assert removed == {
        "removedId": added["objective"]["id"],
        "programme": {"version": added["programme"]["version"] + 2, "objectives": []},
    }


async def test_parp_goals_are_assessed_once_per_review_cycle(
    programmes: ServiceHarness, partner, create_programme
) -> None:
    iso = await partner()
    parp = await create_programme(iso, "PARP", date(2030, 1, 1), date(2031, 12, 31))
    goal = (
        await programmes.graphql(
            'mutation($p: ID!) { addPartnershipGoal(programmeId: $p, input: {code: "G 0100", text: "Deployable unit", '
            'dueDate: "2031-06-30"}) { goal { id code } programme { version } } }',
            {"p": parp["id"]},
        )
    ).ok()["addPartnershipGoal"]["goal"]
    assess = (
        "mutation($g: ID!, $c: String!) { assessPartnershipGoal(goalId: $g, input: {cycle: $c, "
        'rating: PARTIALLY_MET, comment: "On track"}) { assessment { id cycle rating } programme { id } } }'
    )
    first = (await programmes.graphql(assess, {"g": goal["id"], "c": "2030"})).ok()["assessPartnershipGoal"]
    assert first["assessment"]["cycle"] == "2030" and first["assessment"]["id"]
    assert first["programme"] == {"id": parp["id"]}
    again = await programmes.graphql(assess, {"g": goal["id"], "c": "2030"})
    assert again.codes == ["CONFLICT"] and again.fields == ["cycle"]
    shown = (
        await programmes.graphql(
            "query($id: ID!) { programme(id: $id) { partnershipGoals { code "
            "assessments { id cycle rating comment } } } }",
            {"id": parp["id"]},
        )
    ).ok()
    assert shown["programme"]["partnershipGoals"] == [
        {
            "code": "G 0100",
            "assessments": [
                {"id": first["assessment"]["id"], "cycle": "2030", "rating": "PARTIALLY_MET", "comment": "On track"}
            ],
        }
    ]
    ipcp = await create_programme(iso, "IPCP", date(2030, 1, 1))
    misplaced = await programmes.graphql(
        'mutation($p: ID!) { addPartnershipGoal(programmeId: $p, input: {code: "G 1", text: "x"}) { goal { id } } }',
        {"p": ipcp["id"]},
    )
    assert misplaced.codes == ["BAD_USER_INPUT"] and misplaced.fields == ["programmeId"]


async def test_occ_evaluations_are_recorded_on_occ_programmes_never_in_the_future(
    programmes: ServiceHarness, partner, create_programme
) -> None:
    occ = await create_programme(await partner(), "OCC", date(2025, 1, 1), date(2031, 12, 31))
    record = (
        'mutation($p: ID!, $on: Date!) { recordOccEvaluation(programmeId: $p, input: {unit: "Infantry '
        'battalion", level: NEL1, result: INTEROPERABLE, evaluatedOn: $on}) { evaluation { level result } } }'
    )
    recorded = await programmes.graphql(record, {"p": occ["id"], "on": "2025-10-01"})
    assert recorded.ok()["recordOccEvaluation"]["evaluation"] == {"level": "NEL1", "result": "INTEROPERABLE"}
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    future = await programmes.graphql(record, {"p": occ["id"], "on": tomorrow})
    assert future.codes == ["BAD_USER_INPUT"] and future.fields == ["evaluatedOn"]
    listed = (
        await programmes.graphql(
            "query($id: ID!) { programme(id: $id) { occEvaluations { unit } } }", {"id": occ["id"]}
        )
    ).ok()
    assert listed["programme"]["occEvaluations"] == [{"unit": "Infantry battalion"}]


async def test_partners_are_changed_by_staff_with_events(programmes: ServiceHarness) -> None:
    query = '{ partner(iso: "MNG") { framework suspended suspensionReason tools version } }'
    before = (await programmes.graphql(query)).ok()["partner"]
    moved = await programmes.graphql(
        'mutation($v: Int) { changePartnerFramework(iso: "MNG", framework: PFP, '
        "expectedVersion: $v) { framework version } }",
        {"v": before["version"]},
    )
    assert moved.ok()["changePartnerFramework"] == {"framework": "PFP", "version": before["version"] + 1}
    flags = await programmes.graphql(
        'mutation { updatePartnerFlags(iso: "MNG", input: {tools: [IPCP, DEEP], '
        "interoperabilityPlatform: true}) { tools interoperabilityPlatform } }"
    )
    assert flags.ok()["updatePartnerFlags"] == {"tools": ["IPCP", "DEEP"], "interoperabilityPlatform": True}
    suspended = await programmes.graphql(
        'mutation { suspendPartner(iso: "MNG", reason: "Council decision") { suspended suspensionReason } }'
    )
    assert suspended.ok()["suspendPartner"] == {"suspended": True, "suspensionReason": "Council decision"}
    twice = await programmes.graphql('mutation { suspendPartner(iso: "MNG", reason: "again") { iso } }')
    assert twice.codes == ["CONFLICT"]
    reinstated = await programmes.graphql('mutation { reinstatePartner(iso: "MNG") { suspended } }')
    assert reinstated.ok()["reinstatePartner"] == {"suspended": False}
    unknown = await programmes.graphql('mutation { reinstatePartner(iso: "XXX") { iso } }')
    assert unknown.codes == ["NOT_FOUND"]
    from programmes.partners.events import PARTNER_TOPIC
    from shared.testing.kafka import read_events

    events = await read_events(
        programmes.settings.kafka_bootstrap_servers, programmes.settings.topic(PARTNER_TOPIC), key="MNG", at_least=5
    )
    assert [e.type.rsplit(".", 1)[1] for e, _ in events] == [
        "registered",
        "updated",
        "updated",
        "suspended",
        "reinstated",
    ]
