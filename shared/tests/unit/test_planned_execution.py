"""Planned execution answers exactly what graphql-core answers: data, errors, their paths, in order."""

from __future__ import annotations

import json
from enum import Enum

import pytest
import strawberry

from shared.graphql.executor import PlannedExecutor


@strawberry.enum
class Kind(str, Enum):
    COURSE = "COURSE"
    SEMINAR = "SEMINAR"


@strawberry.type
class Area:
    code: str


@strawberry.type
class Node:
    id: strawberry.ID
    title: str
    kind: Kind
    languages: list[str]
    note: str | None

    @strawberry.field
    async def area(self) -> Area:
        if self.title == "broken area":
            raise ValueError("no area")
        return Area(code=f"A{self.id}")

    @strawberry.field
    def shout(self, loud: bool = False) -> str | None:
        if self.title == "quiet":
            raise ValueError("cannot shout")
        return self.title.upper() if loud else self.title


@strawberry.type
class Edge:
    node: Node


def _nodes(*titles: str) -> list[Node]:
    return [
        Node(
            id=strawberry.ID(str(n)),
            title=t,
            kind=Kind.COURSE if n % 2 else "SEMINAR",  # type: ignore[arg-type]
            languages=["en", "fr"][: n % 3],
            note=None if n % 2 else "n",
        )
        for n, t in enumerate(titles)
    ]


@strawberry.type
class Query:
    @strawberry.field
    def edges(self, titles: list[str]) -> list[Edge]:
        return [Edge(node=node) for node in _nodes(*titles)]

    @strawberry.field
    def nodes(self, titles: list[str]) -> list[Node | None]:
        return list(_nodes(*titles))


PLANNED = strawberry.Schema(Query, execution_context_class=PlannedExecutor)
ORDINARY = strawberry.Schema(Query)

QUERIES = [
    "{ edges(titles: $t) { node { id title kind languages note __typename } } }",
    "{ edges(titles: $t) { node { id area { code } title shout(loud: true) } } }",
    "{ nodes(titles: $t) { ... on Node { title area { code } } shout } }",
    "{ edges(titles: $t) { n: node { ...F } } } fragment F on Node { kind note shout }",
]
TITLES = [["a", "b", "c"], ["a", "quiet", "c"], ["quiet", "x", "quiet"], ["broken area", "b"], []]


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("titles", TITLES)
async def test_planned_execution_answers_as_graphql_core(query: str, titles: list[str]) -> None:
    document = "query($t: [String!]!) " + query.replace("{ ", "{ ", 1)
    variables = {"t": titles}
    planned, ordinary = (await PLANNED.execute(document, variables), await ORDINARY.execute(document, variables))
    as_json = [
        json.dumps({"data": r.data, "errors": [e.formatted for e in r.errors or []]}) for r in (planned, ordinary)
    ]
    assert as_json[0] == as_json[1]
