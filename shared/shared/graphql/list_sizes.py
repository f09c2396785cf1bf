"""Every list a subgraph serves says how long it may be (`@listSize`), so the gateway can estimate an operation's
cost before it runs (gateway/cost.ts). Declared once here for the whole schema rather than on each field, so a
new list cannot be left out:

- a connection (a field answering a `…Connection` with a `first` argument) is as long as `first`, 20 when it is
  omitted, and its size applies to its `edges`;
- any other list (a request's measures, a programme's objectives, an activity's tags) is assumed to hold
  `DEFAULT_LIST_SIZE` items, unless its field declares a `ListSize` of its own (`strawberry.field(directives=
  [assumed(40)])`), which is kept.

The walk reads strawberry's public definitions (`__strawberry_definition__`, a field's `type`, `arguments` and
`directives`) before the schema is built, so federation imports `@listSize` with the other directives.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from strawberry import UNSET
from strawberry.federation.schema_directives import ListSize
from strawberry.types.base import StrawberryList, StrawberryOptional
from strawberry.types.lazy_type import LazyType
from strawberry.types.union import StrawberryUnion

from shared.graphql.pagination import DEFAULT_PAGE_SIZE

# What a plain list inside an aggregate is assumed to hold: a page's worth.
DEFAULT_LIST_SIZE = DEFAULT_PAGE_SIZE
PAGE = ListSize(
    assumed_size=DEFAULT_PAGE_SIZE,
    slicing_arguments=["first"],
    sized_fields=["edges"],
    require_one_slicing_argument=False,
)


def assumed(size: int) -> ListSize:
    """A list assumed to hold `size` items (for a field's own `directives=[assumed(40)]`)."""
    return ListSize(assumed_size=size, slicing_arguments=UNSET, sized_fields=UNSET, require_one_slicing_argument=UNSET)


def _unwrapped(type_: Any) -> tuple[Any, bool]:
    """The named type inside optionals and lists, and whether a list was among them."""
    listed = False
    while True:
        if isinstance(type_, LazyType):
            type_ = type_.resolve_type()
        elif isinstance(type_, StrawberryOptional):
            type_ = type_.of_type
        elif isinstance(type_, StrawberryList):
            listed, type_ = True, type_.of_type
        else:
            return type_, listed


def _field_names(type_: Any) -> set[str]:
    definition = getattr(type_, "__strawberry_definition__", None)
    return {field.python_name for field in definition.fields} if definition is not None else set()


def is_connection(type_: Any) -> bool:
    return {"edges", "page_info"} <= _field_names(type_)


def declare_list_sizes(roots: Iterable[Any]) -> None:
    """Give every list field reachable from `roots` (the root types and any extra types) its `@listSize`."""
    todo = [root for root in roots if root is not None]
    seen: set[int] = set()
    while todo:
        type_ = todo.pop()
        if isinstance(type_, StrawberryUnion):
            todo.extend(type_.types)
            continue
        definition = getattr(type_, "__strawberry_definition__", None)
        if definition is None or id(definition) in seen or not hasattr(definition, "fields"):
            continue
        seen.add(id(definition))
        connection = is_connection(type_)
        for field in definition.fields:
            inner, listed = _unwrapped(field.type)
            todo.append(inner)
            if connection and field.python_name == "edges":
                continue  # sized by the field that answers the connection
            if any(isinstance(directive, ListSize) for directive in field.directives):
                continue
            if is_connection(inner) and "first" in {argument.python_name for argument in field.arguments}:
                field.directives = [*field.directives, PAGE]
            elif listed:
                field.directives = [*field.directives, assumed(DEFAULT_LIST_SIZE)]
