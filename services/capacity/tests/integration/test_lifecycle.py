"""A request from submission to completion: assessment, package, measures, contributions, approval,
progress; every refusal on the way; the history of who did what and why."""

from __future__ import annotations

from datetime import date

from capacity.requests.events import REQUEST_EVENTS, REQUEST_TOPIC
from shared.testing.harness import ServiceHarness, count_statements
from shared.testing.kafka import read_events

SUBMIT = """mutation($input: SubmitCapacityRequestInput!) { submitCapacityRequest(input: $input) { id version } }"""
STEP = "mutation($id: ID!) {{ {name}(id: $id) {{ status version }} }}"
THIS_QUARTER = f"{date.today().year}-Q{(date.today().month - 1) // 3 + 1}"


async def submitted(capacity: ServiceHarness, iso: str) -> dict:  # type: ignore[type-arg]
    result = await capacity.graphql(
        SUBMIT,
        {
            "input": {
                "partnerIso": iso,
                "areas": ["COUNTER_IED", "EDUCATION_AND_TRAINING"],
                "title": "Counter-IED capability",
                "description": "Train and equip engineer units",
                "priority": "HIGH",
            }
        },
    )
    return result.ok()["submitCapacityRequest"]


async def step(capacity: ServiceHarness, name: str, request_id: str) -> dict:  # type: ignore[type-arg]
    return (await capacity.graphql(STEP.format(name=name), {"id": request_id})).ok()[name]


async def test_a_request_goes_from_submission_to_completion_with_its_history(
    capacity: ServiceHarness, known_partner, publish_activity
) -> None:
    iso = await known_partner()
    activity = await publish_activity()
    request = await submitted(capacity, iso)
    assert (await step(capacity, "startRequestAssessment", request["id"]))["status"] == "UNDER_ASSESSMENT"
    assessed = await capacity.graphql(
        'mutation($r: ID!) { recordRequestAssessment(requestId: $r, input: {findings: "Real need, able partner", '
        "recommendation: SUPPORT}) { assessment { id recommendation assessor } request { version } } }",
        {"r": request["id"]},
    )
    payload = assessed.ok()["recordRequestAssessment"]
    assert payload["assessment"]["recommendation"] == "SUPPORT" and payload["assessment"]["assessor"] == "staff (staff)"
    assert payload["assessment"]["id"] and payload["request"]["version"] == request["version"] + 2
    request_id, measure_id = await _propose(capacity, request["id"], activity)
    contribute = (
        "mutation($m: ID!, $i: ContributionInput!) { addContribution(measureId: $m, input: $i) "
        "{ contribution { nation kind } } }"
    )
    for contribution in (
        {"nation": "NOR", "kind": "ADVISERS", "quantity": 2},
        {"nation": "USA", "kind": "TRAINERS", "quantity": 6},
        {"nation": "GBR", "kind": "FUNDS", "amount": "150000", "currency": "gbp"},
        {"nation": "ITA", "kind": "FUNDS", "amount": "200000", "currency": "EUR"},
        {"nation": "POL", "kind": "IN_KIND", "description": "Detection kits"},
    ):
        (await capacity.graphql(contribute, {"m": measure_id, "i": contribution})).ok()
    approved = await step(capacity, "approveCapacityRequest", request_id)
    assert approved["status"] == "APPROVED"
    await step(capacity, "startRequestImplementation", request_id)
    report = await capacity.graphql(
        "mutation($r: ID!, $p: String!) { reportPackageProgress(requestId: $r, input: {period: $p, status: AMBER, "
        'narrative: "Trainers deployed late"}) { report { id period status } } }',
        {"r": request_id, "p": THIS_QUARTER.lower()},
    )
    assert report.ok()["reportPackageProgress"]["report"]["period"] == THIS_QUARTER
    done = await step(capacity, "completeCapacityRequest", request_id)
    assert done["status"] == "COMPLETED"

    view = (
        await capacity.graphql(
            """query($id: ID!) { capacityRequest(id: $id) {
        status priority transitions { fromStatus toStatus actor reason }
        history(first: 100) { edges { node { type version changes { field before after } } } }
        package { approvedOn reviewDate progressReports { period status }
          totals { advisers trainers inKind funds { currency amount } }
          measures { area leadNation contributingNations activities { id } contributions { nation kind } } } } }""",
            {"id": request_id},
        )
    ).ok()["capacityRequest"]
    assert view["priority"] == "HIGH"
    assert [(h["fromStatus"], h["toStatus"]) for h in view["transitions"]] == [
        (None, "SUBMITTED"),
        ("SUBMITTED", "UNDER_ASSESSMENT"),
        ("UNDER_ASSESSMENT", "PACKAGE_PROPOSED"),
        ("PACKAGE_PROPOSED", "APPROVED"),
        ("APPROVED", "IMPLEMENTING"),
        ("IMPLEMENTING", "COMPLETED"),
    ]
    history = [edge["node"] for edge in view["history"]["edges"]]
    assert history[0]["type"] == "capacity.request.completed" and history[-1]["type"] == "capacity.request.submitted"
    assert [n["version"] for n in history] == sorted((n["version"] for n in history), reverse=True)
    assert {"field": "status", "before": "IMPLEMENTING", "after": "COMPLETED"} in history[0]["changes"]
    package = view["package"]
    assert package["approvedOn"] == date.today().isoformat()
    assert package["reviewDate"] == date.today().replace(year=date.today().year + 2).isoformat()
    assert package["totals"] == {
        "advisers": 2,
        "trainers": 6,
        "inKind": 1,
        "funds": [{"currency": "EUR", "amount": "200000.00"}, {"currency": "GBP", "amount": "150000.00"}],
    }
    [measure] = package["measures"]
    assert measure["leadNation"] == "USA" and measure["activities"] == [{"id": activity}]
    assert set(measure["contributingNations"]) == {"NOR", "GBR", "ITA", "POL"}

    events = await read_events(
        capacity.settings.kafka_bootstrap_servers, capacity.settings.topic(REQUEST_TOPIC), key=request_id, at_least=14
    )
    verbs = [e.type.rsplit(".", 1)[1] for e, _ in events]
    assert verbs[:5] == ["submitted", "assessment_started", "assessed", "package_proposed", "measure_added"]
    assert verbs[-4:] == ["approved", "implementation_started", "progress_reported", "completed"]
    assert payload["request"]["version"] == 3  # what the assessment answered was the request's next version
    assert [e.data["version"] for e, _ in events] == list(range(1, len(events) + 1))
    import jsonschema

    for event, _ in events:
        jsonschema.validate(event.data, REQUEST_EVENTS.json_schema())


async def _propose(capacity: ServiceHarness, request_id: str, activity_id: str) -> tuple[str, str]:
    (
        await capacity.graphql(
            'mutation($r: ID!) { proposePackage(requestId: $r, summary: "C-IED package") { package { id } } }',
            {"r": request_id},
        )
    ).ok()
    measure = (
        await capacity.graphql(
            "mutation($r: ID!, $a: [ID!]!) { addMeasure(requestId: $r, input: {area: COUNTER_IED, "
            'title: "Train the trainers", leadNation: "usa", contributingNations: ["NOR"], activityIds: $a}) '
            "{ measure { id } } }",
            {"r": request_id, "a": [activity_id]},
        )
    ).ok()["addMeasure"]["measure"]
    return request_id, measure["id"]


async def test_the_lifecycle_refuses_what_it_does_not_allow(
    capacity: ServiceHarness, known_partner, publish_activity
) -> None:
    iso = await known_partner()
    request = await submitted(capacity, iso)
    before = await capacity.outbox_count()
    too_early = await capacity.graphql(STEP.format(name="approveCapacityRequest"), {"id": request["id"]})
    assert too_early.codes == ["CONFLICT"]
    not_yet = await capacity.graphql(
        'mutation($id: ID!) { declineCapacityRequest(id: $id, reason: "No") { id } }', {"id": request["id"]}
    )
    assert not_yet.codes == ["CONFLICT"] and not_yet.errors[0]["extensions"]["currentStatus"] == "SUBMITTED"
    no_assessment = await capacity.graphql(
        'mutation($r: ID!) { recordRequestAssessment(requestId: $r, input: {findings: "x", '
        "recommendation: SUPPORT}) { assessment { assessor } } }",
        {"r": request["id"]},
    )
    assert no_assessment.codes == ["CONFLICT"]
    assert await capacity.outbox_count() == before

    await step(capacity, "startRequestAssessment", request["id"])
    no_reason = await capacity.graphql(
        'mutation($id: ID!) { declineCapacityRequest(id: $id, reason: "") { id } }', {"id": request["id"]}
    )
    assert no_reason.codes == ["BAD_USER_INPUT"] and no_reason.fields == ["reason"]
    (
        await capacity.graphql(
            'mutation($r: ID!) { proposePackage(requestId: $r, summary: "Empty") { package { id } } }',
            {"r": request["id"]},
        )
    ).ok()
    empty = await capacity.graphql(STEP.format(name="approveCapacityRequest"), {"id": request["id"]})
    assert empty.codes == ["CONFLICT"]  # a package needs a measure
    withdrawn = await capacity.graphql(
        'mutation($id: ID!) { withdrawCapacityRequest(id: $id, reason: "Funded nationally") { status } }',
        {"id": request["id"]},
    )
    assert withdrawn.ok()["withdrawCapacityRequest"]["status"] == "WITHDRAWN"
    stale = await capacity.graphql(
        'mutation($id: ID!) { updateCapacityRequest(id: $id, expectedVersion: 1, input: {title: "x"}) { id } }',
        {"id": request["id"]},
    )
    assert stale.codes == ["CONFLICT"]
    history = (
        await capacity.graphql(
            "query($id: ID!) { capacityRequest(id: $id) { transitions { toStatus reason } } }", {"id": request["id"]}
        )
    ).ok()["capacityRequest"]["transitions"]
    assert history[-1] == {"toStatus": "WITHDRAWN", "reason": "Funded nationally"}


async def test_only_activities_on_the_menu_can_be_linked_to_measures(
    capacity: ServiceHarness, known_partner, publish_activity
) -> None:
    iso = await known_partner()
    good = await publish_activity()
    request_id, measure_id = await _request_with_measure(capacity, iso, good)
    withdrawn = await publish_activity(status="WITHDRAWN", version=3)
    draft = await publish_activity(status="DRAFT", version=1)
    link = "mutation($m: ID!, $a: ID!) { linkActivityToMeasure(measureId: $m, activityId: $a) { measure { id } } }"
    refused = await capacity.graphql(link, {"m": measure_id, "a": withdrawn})
    assert refused.codes == ["BAD_USER_INPUT"] and "withdrawn" in refused.errors[0]["message"]
    for not_published in (draft, "8b2f4cde-0000-4000-8000-000000000000"):
        result = await capacity.graphql(link, {"m": measure_id, "a": not_published})
        assert result.codes == ["BAD_USER_INPUT"] and result.fields == ["activityId"]
        assert "not published on the menu" in result.errors[0]["message"]
        assert result.errors[0]["extensions"]["retryable"] is True
    add = (
        'mutation($r: ID!, $a: [ID!]!) { addMeasure(requestId: $r, input: {area: COUNTER_IED, title: "Draft", '
        'leadNation: "USA", activityIds: $a}) { measure { id } } }'
    )
    drafted = await capacity.graphql(add, {"r": request_id, "a": [draft]})
    assert drafted.codes == ["BAD_USER_INPUT"] and drafted.fields == ["activityIds"]
    again = await capacity.graphql(link, {"m": measure_id, "a": good})
    assert again.codes == ["CONFLICT"]
    supporting = (
        "query($r: [_Any!]!) { _entities(representations: $r) { ... on Activity { supportingMeasures { id title } } } }"
    )
    with count_statements(capacity.runtime.engine) as sql:
        found = (await capacity.graphql(supporting, {"r": [{"__typename": "Activity", "id": good}]})).ok()
    assert found["_entities"][0]["supportingMeasures"] == [{"id": measure_id, "title": "Train the trainers"}]
    assert sql.count == 1


async def _request_with_measure(capacity: ServiceHarness, iso: str, activity_id: str) -> tuple[str, str]:
    request = await submitted(capacity, iso)
    await step(capacity, "startRequestAssessment", request["id"])
    return await _propose(capacity, request["id"], activity_id)


async def test_progress_is_reported_once_per_period_on_agreed_packages(
    capacity: ServiceHarness, known_partner, publish_activity
) -> None:
    iso = await known_partner()
    request_id, _ = await _request_with_measure(capacity, iso, await publish_activity())
    report = (
        "mutation($r: ID!, $p: String!) { reportPackageProgress(requestId: $r, input: {period: $p, "
        'status: GREEN, narrative: "On track"}) { report { period } } }'
    )
    early = await capacity.graphql(report, {"r": request_id, "p": THIS_QUARTER})
    assert early.codes == ["CONFLICT"]  # not agreed yet
    await step(capacity, "approveCapacityRequest", request_id)
    assert (await capacity.graphql(report, {"r": request_id, "p": THIS_QUARTER})).ok()
    assert (await capacity.graphql(report, {"r": request_id, "p": THIS_QUARTER})).codes == ["CONFLICT"]
    year = date.today().year
    for period in ("spring", "1999", f"{year - 1}", f"{year + 1}-Q1", f"{year}-Q5"):
        refused = await capacity.graphql(report, {"r": request_id, "p": period})
        assert refused.codes == ["BAD_USER_INPUT"] and refused.fields == ["period"], period


async def test_requests_filter_by_area_and_hold(capacity: ServiceHarness, known_partner) -> None:
    iso = await known_partner()
    await submitted(capacity, iso)
    query = """query($f: CapacityRequestFilter) { capacityRequests(filter: $f) { totalCount } }"""
    by_area = (await capacity.graphql(query, {"f": {"partnerIso": iso, "areas": ["COUNTER_IED"]}})).ok()
    other_area = (await capacity.graphql(query, {"f": {"partnerIso": iso, "areas": ["CYBER_DEFENCE"]}})).ok()
    held = (await capacity.graphql(query, {"f": {"partnerIso": iso, "onHold": True}})).ok()
    assert (
        by_area["capacityRequests"]["totalCount"],
        other_area["capacityRequests"]["totalCount"],
        held["capacityRequests"]["totalCount"],
    ) == (1, 0, 0)
