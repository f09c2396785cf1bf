"""Which columns a query's selection needs: the schema's half of reading only what is asked for.

A type's plain fields read the column of the same name; a field with a resolver names the columns
it reads (`needs`: `area` reads `area_code`); the views always hold the key and whatever their
repository needs for cursors. A resolver asks `columns(info, "edges", "node")` for the columns under
its connection's nodes and hands them to its repository.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import strawberry
from graphql import FieldNode, FragmentSpreadNode, InlineFragmentNode, SelectionSetNode

from shared.graphql.strawberry_internals import python_name as python_name_of
from shared.graphql.strawberry_internals import resolve_info
from shared.views import Views


class Projection:
    def __init__(self, views: Views, type_name: str, needs: Mapping[str, Sequence[str]] | None = None) -> None:
        self.views = views
        self.type_name = type_name
        self.needs = dict(needs or {})  # python field name -> the columns its resolver reads
        self._by_field: dict[str, tuple[str, ...]] | None = None  # GraphQL field name -> columns
        self._columns: dict[frozenset[str], tuple[str, ...]] = {}

    def columns(self, info: strawberry.Info, *path: str) -> tuple[str, ...]:
        """The columns the fields selected at `path` below the resolver's own field read."""
        raw = resolve_info(info)
        names = frozenset(selected(raw.field_nodes, raw.fragments, path))
        found = self._columns.get(names)
        if found is None:
            by_field = self._by_field or self._map(raw.schema)
            wanted = {column for name in names for column in by_field.get(name, ())}
            found = self._columns[names] = self.views.names(sorted(wanted))
        return found

    def _map(self, schema: Any) -> dict[str, tuple[str, ...]]:
        table = self.views.table
        by_field: dict[str, tuple[str, ...]] = {}
        for graphql_name, field in schema.get_type(self.type_name).fields.items():
            python_name = python_name_of(field)
            if python_name in self.needs:
                by_field[graphql_name] = tuple(self.needs[python_name])
            elif python_name in table.c:
                by_field[graphql_name] = (python_name,)
        self._by_field = by_field
        return by_field


def selected(field_nodes: Iterable[FieldNode], fragments: Mapping[str, Any], path: Sequence[str]) -> set[str]:
    """The names of the fields selected at `path` below these field nodes, through fragments.
    Directives are not evaluated: a field under `@skip` counts, and reading one column more is harmless."""
    sets = [node.selection_set for node in field_nodes if node.selection_set is not None]
    for step in path:
        sets = [
            field.selection_set
            for selection_set in sets
            for field in _fields(selection_set, fragments)
            if field.name.value == step and field.selection_set is not None
        ]
    return {field.name.value for selection_set in sets for field in _fields(selection_set, fragments)}


def _fields(selection_set: SelectionSetNode, fragments: Mapping[str, Any]) -> Iterable[FieldNode]:
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            yield selection
        elif isinstance(selection, InlineFragmentNode):
            yield from _fields(selection.selection_set, fragments)
        elif isinstance(selection, FragmentSpreadNode) and selection.name.value in fragments:
            yield from _fields(fragments[selection.name.value].selection_set, fragments)
