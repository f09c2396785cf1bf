"""The rest of the toolbox in programmes: partners' contributions to NATO-led operations, PAP-T programmes, and
Women, Peace and Security markers summed up per partner."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from shared.testing.harness import ServiceHarness

OFFER = (
    "mutation($i: OperationalContributionInput!) { offerOperationalContribution(input: $i) { id status sizeUnit "
    "operation { code name } partner { iso } } }"
)
STEP = "mutation($id: ID!) { %s(id: $id) { status } }"


def contribution(iso: str, **overrides: Any) -> dict[str, Any]:
    return {
        "partnerIso": iso,
        "operation": "KFOR",
        "kind": "TROOPS",
        "size": 30,
        "periodStart": "2020-01-15",
        **overrides,
    }


async def test_a_partner_offers_a_contribution_that_staff_take_through_its_lifecycle(
    programmes: ServiceHarness,
) -> None:
    offered = (await programmes.graphql(OFFER, {"i": contribution("GEO")}, as_="partner-geo")).ok()
    body = offered["offerOperationalContribution"]
    assert body["status"] == "OFFERED" and body["sizeUnit"] == "personnel"
    assert body["operation"] == {"code": "KFOR", "name": "Kosovo Force"} and body["partner"] == {"iso": "GEO"}
    for name in ("acceptOperationalContribution", "recordContributionDeployed"):
        assert (await programmes.graphql(STEP % name, {"id": body["id"]}, as_="partner-geo")).codes == ["FORBIDDEN"]
        (await programmes.graphql(STEP % name, {"id": body["id"]})).ok()
    ended = (
        await programmes.graphql(
            'mutation($id: ID!) { endOperationalContribution(id: $id, endedOn: "2021-06-30") { status periodEnd '
            "transitions { toStatus actor } history { edges { node { type } } } } }",
            {"id": body["id"]},
        )
    ).ok()
    result = ended["endOperationalContribution"]
    assert result["status"] == "ENDED" and result["periodEnd"] == "2021-06-30"
    assert [t["toStatus"] for t in result["transitions"]] == ["OFFERED", "ACCEPTED", "DEPLOYED", "ENDED"]
    assert len(result["history"]["edges"]) == 4

    read = "query($id: ID!) { operationalContribution(id: $id) { id } }"
    assert (await programmes.graphql(read, {"id": body["id"]}, as_="partner-jor")).ok()[
        "operationalContribution"
    ] is None
    theirs = await programmes.graphql(
        "{ operationalContributions(first: 100) { edges { node { partner { iso } } } } }", as_="partner-jor"
    )
    assert {e["node"]["partner"]["iso"] for e in theirs.ok()["operationalContributions"]["edges"]} <= {"JOR"}
    by_partner = await programmes.graphql(
        'query { partner(iso: "GEO") { operationalContributions { totalCount } } }', as_="partner-geo"
    )
    assert by_partner.ok()["partner"]["operationalContributions"]["totalCount"] >= 1


async def test_contributions_are_checked_against_the_operation(programmes: ServiceHarness) -> None:
    early = await programmes.graphql(OFFER, {"i": contribution("GEO", operation="ISAF", periodStart="2001-01-01")})
    assert (early.codes, early.fields) == (["BAD_USER_INPUT"], ["periodStart"])
    empty = await programmes.graphql(OFFER, {"i": contribution("GEO", size=0)})
    assert (empty.codes, empty.fields) == (["BAD_USER_INPUT"], ["size"])
    other = await programmes.graphql(OFFER, {"i": contribution("UKR")}, as_="partner-geo")
    assert other.codes == ["FORBIDDEN"]
    isaf = (
        await programmes.graphql(OFFER, {"i": contribution("GEO", operation="ISAF", periodStart="2010-01-01")})
    ).ok()["offerOperationalContribution"]
    for name in ("acceptOperationalContribution", "recordContributionDeployed"):
        (await programmes.graphql(STEP % name, {"id": isaf["id"]})).ok()
    late = await programmes.graphql(
        'mutation($id: ID!) { endOperationalContribution(id: $id, endedOn: "2016-01-01") { status } }',
        {"id": isaf["id"]},
    )
    assert late.codes == ["BAD_USER_INPUT"]
    declined = await programmes.graphql(
        'mutation($id: ID!) { declineOperationalContribution(id: $id, reason: "x") { status } }', {"id": isaf["id"]}
    )
    assert declined.codes == ["CONFLICT"]
    operations = (await programmes.graphql("{ operations { code beganOn endedOn } }", as_="partner-geo")).ok()
    assert len(operations["operations"]) == 10 and operations["operations"][0]["code"] == "IFOR"


async def test_a_partners_wps_summary_counts_its_programmes_in_force(
    programmes: ServiceHarness,
    partner: Callable[..., Awaitable[str]],
    create_programme: Callable[..., Awaitable[dict[str, Any]]],
    menu_activity: Any,
) -> None:
    iso = await partner()
    programme = await create_programme(iso, type="PAP_T")
    add = (
        "mutation($p: ID!, $t: String!, $m: WpsMarker!) { addObjective(programmeId: $p, input: {category: "
        "GENERAL, title: $t, wpsMarker: $m}) { objective { wpsMarker } } }"
    )
    for title, marker in (
        ("Counter violent extremism with women's groups", "PRINCIPAL"),
        ("Counter-IED training", "SIGNIFICANT"),
        ("Critical infrastructure", "NOT_TARGETED"),
    ):
        (await programmes.graphql(add, {"p": programme["id"], "t": title, "m": marker})).ok()
    serving = await menu_activity(wps_marker="PRINCIPAL")
    other = await menu_activity()
    for activity in (serving, other):
        (
            await programmes.graphql(
                "mutation($p: ID!, $a: ID!) { planActivity(programmeId: $p, input: {activityId: $a,"
                " year: 2027}) { plannedActivity { id } } }",
                {"p": programme["id"], "a": activity["id"]},
            )
        ).ok()
    summary = (
        "query($iso: ID!) { partner(iso: $iso) { wpsSummary { objectivesPrincipal objectivesSignificant "
        "objectivesTotal objectiveShare plannedActivitiesServing plannedActivitiesTotal } } }"
    )
    before = (await programmes.graphql(summary, {"iso": iso})).ok()["partner"]["wpsSummary"]
    assert before["objectivesTotal"] == 0  # a draft is not in force
    for name in ("submitProgramme", "startProgrammeNegotiation", "approveProgramme"):
        (await programmes.graphql(STEP % name, {"id": programme["id"]})).ok()
    after = (await programmes.graphql(summary, {"iso": iso})).ok()["partner"]["wpsSummary"]
    assert after == {
        "objectivesPrincipal": 1,
        "objectivesSignificant": 1,
        "objectivesTotal": 3,
        "objectiveShare": 0.667,
        "plannedActivitiesServing": 1,
        "plannedActivitiesTotal": 2,
    }
    hidden = await programmes.graphql(summary, {"iso": iso}, as_="partner-geo")
    assert hidden.ok()["partner"]["wpsSummary"] is None
