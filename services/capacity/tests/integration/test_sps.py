"""SPS grant applications: filed by a nation's officials for their nation, reviewed and decided by staff with the
panel's outcome and a grant, run with reports; a partner reads its own country's applications only."""

from __future__ import annotations

from typing import Any

import pytest

from shared.testing.harness import ServiceHarness, count_statements

pytestmark = pytest.mark.usefixtures("dev_partners")

SUBMIT = "mutation($i: SpsApplicationInput!) { submitSpsApplication(input: $i) { id status version } }"


def application(**overrides: Any) -> dict[str, Any]:
    return {
        "kind": "MULTI_YEAR_PROJECT",
        "keyPriority": "CYBER_DEFENCE",
        "title": "Cyber range",
        "summary": "A cyber range for operators",
        "natoCountry": "EST",
        "natoCoDirector": "Dr Kadri Tamm",
        "partnerCountry": "GEO",
        "partnerCoDirector": "Dr Levan Beridze",
        "budgetEur": "420000",
        **overrides,
    }


async def test_an_application_goes_from_submission_to_a_completed_grant(capacity: ServiceHarness) -> None:
    filed = (await capacity.graphql(SUBMIT, {"i": application()}, as_="partner-geo")).ok()["submitSpsApplication"]
    assert filed["status"] == "SUBMITTED"
    ident = {"id": filed["id"]}
    approve = (
        'mutation($id: ID!, $g: Decimal!) { approveSpsApplication(id: $id, panelOutcome: "Recommended", '
        "grantEur: $g) { status grantEur panelOutcome } }"
    )
    assert (await capacity.graphql(approve, {**ident, "g": "1"})).codes == ["CONFLICT"]  # not under review yet
    (await capacity.graphql("mutation($id: ID!) { startSpsReview(id: $id) { status } }", ident)).ok()
    too_big = await capacity.graphql(approve, {**ident, "g": "500000"})
    assert (too_big.codes, too_big.fields) == (["CONFLICT"], ["grantEur"])
    assert (await capacity.graphql(approve, {**ident, "g": "400000"}, as_="partner-geo")).codes == ["FORBIDDEN"]
    approved = (await capacity.graphql(approve, {**ident, "g": "400000"})).ok()["approveSpsApplication"]
    assert approved == {"status": "APPROVED", "grantEur": "400000.00", "panelOutcome": "Recommended"}
    (await capacity.graphql("mutation($id: ID!) { activateSpsGrant(id: $id) { status } }", ident)).ok()
    (
        await capacity.graphql(
            'mutation($id: ID!) { reportSpsProgress(id: $id, period: "2026-H2", narrative: "Range built") { id } }',
            ident,
        )
    ).ok()
    done = (
        await capacity.graphql(
            "mutation($id: ID!) { completeSpsGrant(id: $id) { status reports { period } "
            "transitions { toStatus reason } history { edges { node { type changes { field "
            "} } } } } }",
            ident,
        )
    ).ok()["completeSpsGrant"]
    assert [t["toStatus"] for t in done["transitions"]] == [
        "SUBMITTED",
        "UNDER_REVIEW",
        "APPROVED",
        "ACTIVE",
        "COMPLETED",
    ]
    assert done["reports"] == [{"period": "2026-H2"}]
    first = done["history"]["edges"][-1]["node"]
    assert "natoCoDirector" not in {c["field"] for c in first["changes"]}  # people's names stay out of histories

    read = "query($id: ID!) { spsApplication(id: $id) { id } }"
    assert (await capacity.graphql(read, ident, as_="partner-jor")).ok()["spsApplication"] is None
    assert (await capacity.graphql(read, ident, as_="ally-nor")).ok()["spsApplication"] == ident


async def test_officials_file_for_their_own_nation(capacity: ServiceHarness) -> None:
    other = await capacity.graphql(SUBMIT, {"i": application(partnerCountry="UKR")}, as_="partner-geo")
    assert other.codes == ["FORBIDDEN"]
    by_ally = await capacity.graphql(SUBMIT, {"i": application(natoCountry="NOR")}, as_="ally-nor")
    assert by_ally.ok()["submitSpsApplication"]["status"] == "SUBMITTED"
    same = await capacity.graphql(SUBMIT, {"i": application(natoCountry="GEO")})
    assert (same.codes, same.fields) == (["BAD_USER_INPUT"], ["partnerCountry"])
    assert (await capacity.graphql(SUBMIT, {"i": application(budgetEur="0")})).fields == ["budgetEur"]
    for overrides, code, field in (
        ({"partnerCountry": "FRA"}, "BAD_USER_INPUT", "partnerCountry"),
        ({"natoCountry": "JOR"}, "BAD_USER_INPUT", "natoCountry"),
        ({"partnerCountry": "BLR"}, "CONFLICT", "partnerCountry"),
    ):
        refused = await capacity.graphql(SUBMIT, {"i": application(**overrides)})
        assert (refused.codes, refused.fields) == ([code], [field]), overrides


async def test_partners_applications_resolve_in_one_statement_and_only_for_their_own(capacity: ServiceHarness) -> None:
    for partner in ("GEO", "UKR", "GEO"):
        await capacity.graphql(SUBMIT, {"i": application(partnerCountry=partner)})
    query = (
        "query($r: [_Any!]!) { _entities(representations: $r) { ... on Partner { iso "
        "spsApplications(first: 10) { totalCount edges { node { partnerCountry partner { iso } } } } } } }"
    )
    partners = {"r": [{"__typename": "Partner", "iso": p} for p in ("GEO", "UKR", "JOR")]}
    with count_statements(capacity.runtime.engine) as sql:
        entities = (await capacity.graphql(query, partners, as_="ally-nor")).ok()["_entities"]
    assert sql.count == 2  # one page for every partner, one count for every partner
    pages = {e["iso"]: e["spsApplications"] for e in entities}
    assert pages["GEO"]["totalCount"] >= 2 and pages["UKR"]["totalCount"] >= 1
    assert {n["node"]["partner"]["iso"] for n in pages["GEO"]["edges"]} == {"GEO"}
    seen_by_georgia = (await capacity.graphql(query, partners, as_="partner-geo")).ok()["_entities"]
    assert [e["spsApplications"]["totalCount"] for e in seen_by_georgia][1:] == [0, 0]
