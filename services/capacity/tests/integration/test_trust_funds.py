"""Trust Fund projects: proposed with phases, approved, pledged to by Allies and partners as themselves, funded
once the gap closes, paid into, implemented with progress reports; a partner sees its own money only."""

from __future__ import annotations

from typing import Any

import pytest

from shared.testing.harness import ServiceHarness

pytestmark = pytest.mark.usefixtures("dev_partners")

PROPOSE = (
    "mutation($i: TrustFundProjectInput!) { proposeTrustFundProject(input: $i) { id status budgetEur fundingGapEur } }"
)
PLEDGE = (
    "mutation($id: ID!, $a: Decimal!, $n: String) { pledgeToTrustFund(id: $id, amountEur: $a, nation: $n) "
    "{ fundingGapEur pledges { nation amountEur } } }"
)
PAY = "mutation($id: ID!, $a: Decimal!) { payToTrustFund(id: $id, amountEur: $a) { payments { nation amountEur } } }"
STEP = "mutation($id: ID!) { %s(id: $id) { status } }"


async def propose(capacity: ServiceHarness) -> dict[str, Any]:
    return (
        await capacity.graphql(
            PROPOSE,
            {
                "i": {
                    "beneficiaryIso": "GEO",
                    "kind": "DEMILITARISATION",
                    "title": "Destruction of surplus munitions",
                    "description": "Destroy 2,500 tonnes of surplus munitions and clear two depots",
                    "leadNations": ["NOR", "LUX"],
                    "phases": [
                        {"name": "Survey and planning", "budgetEur": "400000"},
                        {"name": "Destruction", "budgetEur": "1600000"},
                    ],
                }
            },
        )
    ).ok()["proposeTrustFundProject"]


async def test_a_project_is_funded_by_nations_and_carried_out(capacity: ServiceHarness) -> None:
    project = await propose(capacity)
    assert project["status"] == "PROPOSED" and project["fundingGapEur"] == "2000000.00"
    early = await capacity.graphql(PLEDGE, {"id": project["id"], "a": "10"}, as_="ally-nor")
    assert early.codes == ["CONFLICT"]  # nations pledge once it is approved
    (await capacity.graphql(STEP % "approveTrustFundProject", {"id": project["id"]})).ok()

    assert (await capacity.graphql(PLEDGE, {"id": project["id"], "a": "5", "n": "DEU"}, as_="ally-nor")).codes == [
        "FORBIDDEN"
    ]
    norway = (await capacity.graphql(PLEDGE, {"id": project["id"], "a": "1500000"}, as_="ally-nor")).ok()
    assert norway["pledgeToTrustFund"]["fundingGapEur"] == "500000.00"
    short = await capacity.graphql(STEP % "markTrustFundProjectFunded", {"id": project["id"]})
    assert short.codes == ["CONFLICT"]
    jordan = (await capacity.graphql(PLEDGE, {"id": project["id"], "a": "500000"}, as_="partner-jor")).ok()
    assert jordan["pledgeToTrustFund"]["fundingGapEur"] == "0.00"
    assert [p["nation"] for p in jordan["pledgeToTrustFund"]["pledges"]] == ["JOR"]  # its own, not Norway's
    (await capacity.graphql(STEP % "markTrustFundProjectFunded", {"id": project["id"]})).ok()

    too_much = await capacity.graphql(PAY, {"id": project["id"], "a": "600000"}, as_="partner-jor")
    assert too_much.codes == ["CONFLICT"]
    (await capacity.graphql(PAY, {"id": project["id"], "a": "250000"}, as_="partner-jor")).ok()
    (await capacity.graphql(STEP % "startTrustFundImplementation", {"id": project["id"]})).ok()
    reported = await capacity.graphql(
        'mutation($id: ID!) { reportTrustFundProgress(id: $id, period: "2026-H2", '
        'narrative: "800 tonnes destroyed") { progressReports { period } } }',
        {"id": project["id"]},
    )
    assert reported.ok()["reportTrustFundProgress"]["progressReports"] == [{"period": "2026-H2"}]

    read = (
        "query($id: ID!) { trustFundProject(id: $id) { status fundingGapEur pledges { nation } payments { nation "
        "amountEur } transitions { toStatus } history { edges { node { type } } } } }"
    )
    beneficiary = (await capacity.graphql(read, {"id": project["id"]}, as_="partner-geo")).ok()["trustFundProject"]
    assert [p["nation"] for p in beneficiary["pledges"]] == ["NOR", "JOR"]
    assert [t["toStatus"] for t in beneficiary["transitions"]] == ["PROPOSED", "APPROVED", "FUNDED", "IMPLEMENTING"]
    assert beneficiary["history"]["edges"][0]["node"]["type"] == "capacity.trust_fund_project.progress_reported"
    other = (await capacity.graphql(read, {"id": project["id"]}, as_="partner-ukr")).ok()["trustFundProject"]
    assert other["pledges"] == [] and other["payments"] == [] and other["history"] is None
    assert other["fundingGapEur"] == "0.00"


async def test_bad_projects_are_refused_by_field(capacity: ServiceHarness) -> None:
    base = {
        "beneficiaryIso": "GEO",
        "kind": "DEFENCE_TRANSFORMATION",
        "title": "t",
        "description": "d",
        "leadNations": ["NOR"],
        "phases": [{"name": "p", "budgetEur": "10"}],
    }
    for overrides, field in (
        ({"leadNations": []}, "leadNations"),
        ({"phases": []}, "phases"),
        ({"phases": [{"name": "p", "budgetEur": "0.001"}]}, "phases.0.budgetEur"),
        ({"beneficiaryIso": "XXX"}, "beneficiaryIso"),
        ({"beneficiaryIso": "FRA"}, "beneficiaryIso"),
    ):
        result = await capacity.graphql(PROPOSE, {"i": {**base, **overrides}})
        assert (result.codes, result.fields) == (["BAD_USER_INPUT"], [field]), overrides
    assert (await capacity.graphql(PROPOSE, {"i": base}, as_="ally-nor")).codes == ["FORBIDDEN"]
    suspended = await capacity.graphql(PROPOSE, {"i": {**base, "beneficiaryIso": "BLR"}})
    assert (suspended.codes, suspended.fields) == (["CONFLICT"], ["beneficiaryIso"])
