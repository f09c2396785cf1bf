"""What a programme holds: planned menu activities checked against programmes' own read model of the menu,
objectives, PARP goals and assessments, OCC evaluations."""

from __future__ import annotations

import uuid
from datetime import date

from shared.testing.harness import ServiceHarness

PLAN = """mutation($p: ID!, $i: PlannedActivityInput!) {
  planActivity(programmeId: $p, input: $i) { id status year priority activityId activity { id } } }"""


async def test_a_published_activity_open_to_the_partner_is_planned_and_followed(programmes: ServiceHarness,
                                                                                create_programme,
                                                                                menu_activity) -> None:
    activity = await menu_activity(frameworks=["PFP"])
    programme = await create_programme("GEO", "IPCP", date(2030, 1, 1))
    planned = (await programmes.graphql(PLAN, {"p": programme["id"], "i": {"activityId": activity["id"],
                                                                          "year": 2030, "priority": "HIGH"}})
               ).ok()["planActivity"]
    assert planned["status"] == "PLANNED" and planned["activity"] == {"id": activity["id"]}
    confirmed = await programmes.graphql("mutation($id: ID!) { confirmPlannedActivity(id: $id) { status } }",
                                         {"id": planned["id"]})
    done = await programmes.graphql("mutation($id: ID!) { completePlannedActivity(id: $id) { status } }",
                                    {"id": planned["id"]})
    assert confirmed.ok()["confirmPlannedActivity"]["status"] == "CONFIRMED"
    assert done.ok()["completePlannedActivity"]["status"] == "DONE"
    version = (await programmes.graphql("query($id: ID!) { programme(id: $id) { version plannedActivities "
                                        "{ status } } }", {"id": programme["id"]})).ok()["programme"]
    assert version == {"version": programme["version"] + 3, "plannedActivities": [{"status": "DONE"}]}


async def test_an_activity_that_cannot_be_planned_is_refused_saying_why(programmes: ServiceHarness,
                                                                        create_programme, menu_activity) -> None:
    programme = await create_programme("GEO", "IPCP", date(2030, 1, 1))
    draft = await menu_activity(status="DRAFT", version=1, verb="created")
    md_only = await menu_activity(frameworks=["MD"])
    cases = [(str(uuid.uuid4()), 2030, "the menu has no activity"), (draft["id"], 2030, "not published"),
             (md_only["id"], 2030, "not open to GEO"), (md_only["id"], 2035, "not open to GEO")]
    before = await programmes.outbox_count()
    for activity_id, year, says in cases:
        result = await programmes.graphql(PLAN, {"p": programme["id"], "i": {"activityId": activity_id, "year": year}})
        assert result.codes == ["BAD_USER_INPUT"] and result.fields == ["activityId"]
        assert says in result.errors[0]["message"]
    assert await programmes.outbox_count() == before


async def test_a_named_partner_may_plan_an_activity_outside_its_framework(programmes: ServiceHarness,
                                                                         create_programme, menu_activity) -> None:
    activity = await menu_activity(frameworks=["MD"], eligible=["UKR"])
    programme = await create_programme("UKR", "PARP", date(2030, 1, 1), date(2031, 12, 31))
    result = await programmes.graphql(PLAN, {"p": programme["id"], "i": {"activityId": activity["id"], "year": 2031}})
    assert result.ok()["planActivity"]["year"] == 2031
    outside = await programmes.graphql(PLAN, {"p": programme["id"], "i": {"activityId": activity["id"],
                                                                          "year": 2029}})
    assert outside.codes == ["BAD_USER_INPUT"] and outside.fields == ["year"]
    twice = await programmes.graphql(PLAN, {"p": programme["id"], "i": {"activityId": activity["id"], "year": 2031}})
    assert twice.codes == ["CONFLICT"]


async def test_ipap_objectives_and_itpp_goals_under_strategic_objectives(programmes: ServiceHarness,
                                                                         create_programme) -> None:
    add = """mutation($p: ID!, $i: ObjectiveInput!) { addObjective(programmeId: $p, input: $i) { id category } }"""
    ipap = await create_programme("SRB", "IPAP", date(2030, 1, 1))
    chapter = await programmes.graphql(add, {"p": ipap["id"], "i": {"category": "PUBLIC_DIPLOMACY", "title": "PD"}})
    assert chapter.ok()["addObjective"]["category"] == "PUBLIC_DIPLOMACY"
    wrong = await programmes.graphql(add, {"p": ipap["id"], "i": {"category": "STRATEGIC_OBJECTIVE", "title": "S"}})
    assert wrong.codes == ["BAD_USER_INPUT"] and wrong.fields == ["category"]
    itpp = await create_programme("JOR", "ITPP", date(2030, 1, 1), date(2033, 12, 31))
    strategy = (await programmes.graphql(add, {"p": itpp["id"], "i": {"category": "STRATEGIC_OBJECTIVE",
                                                                       "title": "Interoperability"}})).ok()
    goal = await programmes.graphql(add, {"p": itpp["id"], "i": {"category": "PARTNERSHIP_GOAL", "title": "Staff",
                                                                  "parentId": strategy["addObjective"]["id"]}})
    assert goal.ok()["addObjective"]["category"] == "PARTNERSHIP_GOAL"
    orphan = await programmes.graphql(add, {"p": itpp["id"], "i": {"category": "PARTNERSHIP_GOAL", "title": "X"}})
    assert orphan.codes == ["BAD_USER_INPUT"] and orphan.fields == ["parentId"]
    busy = await programmes.graphql("mutation($id: ID!) { removeObjective(id: $id) { id } }",
                                    {"id": strategy["addObjective"]["id"]})
    assert busy.codes == ["CONFLICT"]


async def test_parp_goals_are_assessed_once_per_review_cycle(programmes: ServiceHarness, create_programme) -> None:
    parp = await create_programme("MDA", "PARP", date(2030, 1, 1), date(2031, 12, 31))
    goal = (await programmes.graphql(
        'mutation($p: ID!) { addPartnershipGoal(programmeId: $p, input: {code: "G 0100", text: "Deployable unit", '
        'dueDate: "2031-06-30"}) { id code } }', {"p": parp["id"]})).ok()["addPartnershipGoal"]
    assess = ("mutation($g: ID!, $c: String!) { assessPartnershipGoal(goalId: $g, input: {cycle: $c, "
              'rating: PARTIALLY_MET, comment: "On track"}) { cycle rating } }')
    assert (await programmes.graphql(assess, {"g": goal["id"], "c": "2030"})).ok()["assessPartnershipGoal"] == {
        "cycle": "2030", "rating": "PARTIALLY_MET"}
    again = await programmes.graphql(assess, {"g": goal["id"], "c": "2030"})
    assert again.codes == ["CONFLICT"] and again.fields == ["cycle"]
    shown = (await programmes.graphql("query($id: ID!) { programme(id: $id) { partnershipGoals { code "
                                      "assessments { cycle rating comment } } } }", {"id": parp["id"]})).ok()
    assert shown["programme"]["partnershipGoals"] == [
        {"code": "G 0100", "assessments": [{"cycle": "2030", "rating": "PARTIALLY_MET", "comment": "On track"}]}]
    ipcp = await create_programme("MDA", "IPCP", date(2030, 1, 1))
    misplaced = await programmes.graphql(
        'mutation($p: ID!) { addPartnershipGoal(programmeId: $p, input: {code: "G 1", text: "x"}) { id } }',
        {"p": ipcp["id"]})
    assert misplaced.codes == ["BAD_USER_INPUT"] and misplaced.fields == ["programmeId"]


async def test_occ_evaluations_are_recorded_on_occ_programmes(programmes: ServiceHarness, create_programme) -> None:
    occ = await create_programme("UKR", "OCC", date(2030, 1, 1), date(2031, 12, 31))
    record = ('mutation($p: ID!) { recordOccEvaluation(programmeId: $p, input: {unit: "Infantry battalion", '
              'level: NEL1, result: INTEROPERABLE, evaluatedOn: "2030-10-01"}) { level result } }')
    assert (await programmes.graphql(record, {"p": occ["id"]})).ok()["recordOccEvaluation"] == {
        "level": "NEL1", "result": "INTEROPERABLE"}
    listed = (await programmes.graphql("query($id: ID!) { programme(id: $id) { occEvaluations { unit } } }",
                                       {"id": occ["id"]})).ok()
    assert listed["programme"]["occEvaluations"] == [{"unit": "Infantry battalion"}]


async def test_partners_are_changed_by_staff_with_events(programmes: ServiceHarness) -> None:
    query = "{ partner(iso: \"MNG\") { framework suspended suspensionReason tools version } }"
    before = (await programmes.graphql(query)).ok()["partner"]
    moved = await programmes.graphql("mutation($v: Int) { changePartnerFramework(iso: \"MNG\", framework: PFP, "
                                     "expectedVersion: $v) { framework version } }", {"v": before["version"]})
    assert moved.ok()["changePartnerFramework"] == {"framework": "PFP", "version": before["version"] + 1}
    flags = await programmes.graphql('mutation { updatePartnerFlags(iso: "MNG", input: {tools: [IPCP, DEEP], '
                                     "interoperabilityPlatform: true}) { tools interoperabilityPlatform } }")
    assert flags.ok()["updatePartnerFlags"] == {"tools": ["IPCP", "DEEP"], "interoperabilityPlatform": True}
    suspended = await programmes.graphql('mutation { suspendPartner(iso: "MNG", reason: "Council decision") '
                                         "{ suspended suspensionReason } }")
    assert suspended.ok()["suspendPartner"] == {"suspended": True, "suspensionReason": "Council decision"}
    twice = await programmes.graphql('mutation { suspendPartner(iso: "MNG", reason: "again") { iso } }')
    assert twice.codes == ["CONFLICT"]
    reinstated = await programmes.graphql('mutation { reinstatePartner(iso: "MNG") { suspended } }')
    assert reinstated.ok()["reinstatePartner"] == {"suspended": False}
    unknown = await programmes.graphql('mutation { reinstatePartner(iso: "XXX") { iso } }')
    assert unknown.codes == ["NOT_FOUND"]
    from programmes.events import PARTNER_TOPIC
    from shared.testing.kafka import read_events

    events = await read_events(programmes.settings.kafka_bootstrap_servers,
                               programmes.settings.topic(PARTNER_TOPIC), key="MNG", at_least=5)
    assert [e.type.rsplit(".", 1)[1] for e, _ in events] == ["registered", "updated", "updated", "suspended",
                                                             "reinstated"]
