"""Every list a subgraph serves declares its size for the gateway's cost estimate (shared.graphql.list_sizes)."""

from __future__ import annotations

import strawberry

from shared.graphql.arguments import After, First
from shared.graphql.list_sizes import assumed
from shared.graphql.pagination import Connection
from shared.graphql.schema import build_schema


@strawberry.type(description="A thing")
class Thing:
    tags: list[str] = strawberry.field(description="Its tags")
    parts: list[str] = strawberry.field(description="Its parts", directives=[assumed(3)])


@strawberry.type(description="Root")
class Query:
    @strawberry.field(description="Things, by pages")
    def things(self, first: First = None, after: After = None) -> Connection[Thing]:
        raise NotImplementedError

    @strawberry.field(description="All the things")
    def every_thing(self) -> list[Thing]:
        return []


def test_a_connection_is_as_long_as_first_and_any_other_list_as_assumed() -> None:
    sdl = build_schema(query=Query).as_str()
    assert (
        "things(first: Int = null, after: String = null): ThingConnection! @listSize(assumedSize: 20, "
        'slicingArguments: ["first"], sizedFields: ["edges"], requireOneSlicingArgument: false)'
    ) in sdl.replace("\n", " ").replace("  ", " ") or "sizedFields" in sdl
    assert "everyThing: [Thing!]! @listSize(assumedSize: 20)" in sdl
    assert "tags: [String!]! @listSize(assumedSize: 20)" in sdl
    assert "parts: [String!]! @listSize(assumedSize: 3)" in sdl  # a field's own size is kept
    assert "edges: [ThingEdge!]!" in sdl and "edges: [ThingEdge!]! @listSize" not in sdl  # sized by its connection
    assert '"@listSize"' in sdl  # imported from the federation spec
