"""Every string a caller sends, checked once before execution: control characters are refused.

PostgreSQL refuses NUL in text, and no key, filter or name holds a control character, so
one check over the operation's variables and literal arguments covers every argument of
every field, including the ones no use case looks at (lookup keys, filter values,
federation representations). Tab and line breaks stay allowed, as free text has them.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    ArgumentNode,
    DocumentNode,
    GraphQLError,
    ListValueNode,
    ObjectValueNode,
    StringValueNode,
    ValueNode,
    VariableNode,
    Visitor,
    visit,
)
from strawberry.extensions import SchemaExtension

from shared.domain_text import CONTROL
from shared.errors import BadUserInput


class RefuseControlCharacters(SchemaExtension):
    def on_validate(self) -> Iterator[None]:
        # Runs after the validation cache has filled pre_execution_errors for this document.
        context = self.execution_context
        if not context.pre_execution_errors and context.graphql_document is not None:
            arguments = _arguments(context.query, context.graphql_document)
            path = arguments.literal or _first_in_variables(context.variables or {}, arguments.variables)
            if path is not None:
                field = path.removeprefix("input.")  # a mutation's input fields are named as forms name them
                refusal = BadUserInput(f"{field} contains control characters", field=field)
                context.pre_execution_errors = [GraphQLError(refusal.message, original_error=refusal)]
        yield


def argument_paths(query: str | None, document: DocumentNode) -> dict[str, str]:
    """Which argument (path) each variable of the document fills."""
    return _arguments(query, document).variables


def literal_path(query: str | None, document: DocumentNode, error: GraphQLError) -> str | None:
    """The argument (path) of the literal a validation error is about: by the node it names, or, for a
    scalar's own refusal (which names none), by the literal's text the message quotes."""
    found = _arguments(query, document)
    if error.nodes and error.nodes[0].loc is not None:
        return found.literals.get(error.nodes[0].loc.start)
    quoted = [(len(text), path) for text, path in found.leaves if text in error.message]
    return max(quoted)[1] if quoted else None  # the longest: "3" is in "2027-02-30" too


def _first_in_variables(variables: dict[str, Any], used_as: dict[str, str]) -> str | None:
    for name, value in variables.items():
        if (found := _first_in_value(value, used_as.get(name, name))) is not None:
            return found
    return None


def _first_in_value(value: Any, path: str) -> str | None:
    """The path of the first string (or key) in a JSON value that holds a control character."""
    if isinstance(value, str):
        return path if CONTROL.search(value) else None
    if isinstance(value, dict):
        for key, item in value.items():
            inner = f"{path}.{key}"
            if CONTROL.search(str(key)):
                return inner
            if (found := _first_in_value(item, inner)) is not None:
                return found
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if (found := _first_in_value(item, f"{path}[{index}]")) is not None:
                return found
    return None


@dataclass
class _Arguments:
    """What a document's arguments hold: the first literal with a control character, where each
    variable is used (so a refusal names the argument, not the caller's variable name), and the input
    path of each literal value, by its position in the text (a refused literal is named the same way)."""

    literal: str | None = None
    variables: dict[str, str] = field(default_factory=dict)
    literals: dict[int, str] = field(default_factory=dict)
    leaves: list[tuple[str, str]] = field(default_factory=list)  # (a scalar literal's text, its path)


_ARGUMENTS: OrderedDict[str, _Arguments] = OrderedDict()
_ARGUMENTS_KEPT = 500


def _arguments(query: str | None, document: DocumentNode) -> _Arguments:
    """Kept per query text: a text's answer never changes, and hashing text is cheaper than a tree."""
    if query is not None and query in _ARGUMENTS:
        _ARGUMENTS.move_to_end(query)
        return _ARGUMENTS[query]
    finder = _ArgumentWalker()
    visit(document, finder)
    if query is not None:
        _ARGUMENTS[query] = finder.found
        if len(_ARGUMENTS) > _ARGUMENTS_KEPT:
            _ARGUMENTS.popitem(last=False)
    return finder.found


class _ArgumentWalker(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.found = _Arguments()

    def enter_argument(self, node: ArgumentNode, *_: Any) -> Any:
        self._walk(node.value, node.name.value)
        return self.SKIP

    def _walk(self, node: ValueNode, path: str) -> None:
        if node.loc is not None and not isinstance(node, VariableNode):
            self.found.literals[node.loc.start] = path
            if not isinstance(node, ObjectValueNode | ListValueNode):
                self.found.leaves.append((node.loc.source.body[node.loc.start : node.loc.end], path))
        if isinstance(node, StringValueNode):
            if self.found.literal is None and CONTROL.search(node.value):
                self.found.literal = path
        elif isinstance(node, VariableNode):
            self.found.variables.setdefault(node.name.value, path)
        elif isinstance(node, ObjectValueNode):
            for field in node.fields:
                self._walk(field.value, f"{path}.{field.name.value}")
        elif isinstance(node, ListValueNode):
            for index, item in enumerate(node.values):
                self._walk(item, f"{path}[{index}]")
