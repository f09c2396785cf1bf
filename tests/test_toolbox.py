"""The partnership toolbox through the gateway: a partner's request to take part in an exercise joined to the
partner's name from programmes, an exercise's leading provider, and a partner's platform and WPS fields."""

from __future__ import annotations

import uuid
from datetime import date

from .conftest import System


def test_an_exercise_request_reads_across_the_menu_and_programmes(system: System) -> None:
    year = date.today().year + 1
    planned = system.graphql(
        "mutation($i: ExerciseInput!) { planExercise(input: $i) { id lead { code name kind } } }",
        {"i": {"name": f"Cyber Coalition {uuid.uuid4().hex[:6]}", "year": year, "type": "COMPUTER_ASSISTED",
               "scenario": "Defence of networks", "leadCode": "NSO"}})
    exercise = planned["data"]["planExercise"]
    assert exercise["lead"] == {"code": "NSO", "name": "NATO School Oberammergau", "kind": "NATO_BODY"}
    asked = system.graphql(
        "mutation($e: ID!) { requestExerciseParticipation(exerciseId: $e, input: {kind: OBSERVERS, personnel: 3}) "
        "{ id status partner { iso name } exercise { name } } }", {"e": exercise["id"]}, as_="partner-geo")
    request = asked["data"]["requestExerciseParticipation"]
    assert request["status"] == "REQUESTED" and request["partner"] == {"iso": "GEO", "name": "Georgia"}
    decided = system.graphql("mutation($id: ID!) { approveExerciseParticipation(id: $id) { status } }",
                             {"id": request["id"]}, as_="provider-nso")
    assert decided["data"]["approveExerciseParticipation"]["status"] == "APPROVED"
    seen = system.graphql('{ partner(iso: "GEO") { exerciseParticipations { edges { node { id } } } '
                          'wpsSummary { objectivesTotal } platformJoinedOn } }', as_="partner-geo")
    assert request["id"] in [e["node"]["id"] for e in seen["data"]["partner"]["exerciseParticipations"]["edges"]]
    assert seen["data"]["partner"]["wpsSummary"] is not None
    other = system.graphql('{ partner(iso: "GEO") { exerciseParticipations { totalCount } wpsSummary '
                           '{ objectivesTotal } } }', as_="partner-jor")
    assert other["data"]["partner"] == {"exerciseParticipations": {"totalCount": 0}, "wpsSummary": None}
