"""Lists completed in one pass: the executor every subgraph runs.

graphql-core completes a list item by item and field by field: for each of a hundred rows and each
of seven plain fields it builds a path, a resolve info, calls the resolver, checks the type and
coerces the value, about 3 µs a field. Most of our lists select only plain fields (attributes of the
row, scalars and enums, lists of them, plain nested objects such as a connection's edge and node).
For such a list the executor builds a plan once, from the fields the operation selects on the item
type, and completes every item with it: read the attribute, coerce it, put it in the dict.

A plan covers only what it can do exactly as graphql-core would. A field with its own resolver (an
activity's `area`, say) is left to graphql-core, field by field: the plan completes every item's plain
fields first, then has graphql-core execute those fields, item by item in selection order, with their
paths, as it would have. It does so only where such a field's error could not null anything between it
and the list item (every object on the way is non-null), so an error travels exactly as graphql-core
would carry it. An abstract type or `@defer`/`@stream` makes the list go the ordinary way; so does any
item that does not fit (a null where the schema says non-null, a value an enum cannot represent),
and the ordinary way then reports the error with its path. With `HUB_CHECK_PLANNED_EXECUTION=1`
(the test suite sets it) every planned list is completed both ways and must serialise to the same
bytes, so every query of the test suite proves the plan.

Plans are kept per document (the parse cache hands out the same document object for the same
text) and per operation and response path, unless a variable can change what is selected
(`@skip`/`@include` with a variable), in which case they are kept for the one execution.
"""

from __future__ import annotations

import json
import os
from collections import OrderedDict
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    GraphQLBoolean,
    GraphQLEnumType,
    GraphQLLeafType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
    GraphQLString,
    OperationDefinitionNode,
    Undefined,
    VariableNode,
    is_leaf_type,
    is_list_type,
    is_non_null_type,
    is_object_type,
)
from graphql.execution.collect_fields import FieldDetailsList
from graphql.language import Visitor, visit
from graphql.pyutils import Path, gather_with_cancel
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

CHECK_PLANS = os.environ.get("HUB_CHECK_PLANNED_EXECUTION") == "1"
DEFINITION = "strawberry-definition"

Complete = Callable[[Any], Any]
# A plain field of an object's plan: (response name, the attribute it reads, how its value completes); for
# `__typename`, (response name, None, the type's name).
Step = tuple[str, str | None, Any]


class Unplanned(Exception):
    """This value cannot be completed by the plan: the ordinary way must do it (and report why)."""


UNPLANNED = Unplanned()


@dataclass
class _Left:
    """The fields a list's plan leaves to graphql-core: (result, response name, parent type, source,
    field details, item index, the (key, type) steps from the item to the parent)."""

    index: int = 0
    fields: list[tuple[Any, ...]] = field(default_factory=list)


# Plans are shared by executions, so what one execution leaves to graphql-core is gathered here.
_LEFT: ContextVar[_Left] = ContextVar("planned_execution_left")
PLANNED_OPERATIONS = 500  # as many as the parse cache keeps documents
Plans = dict[tuple[str, ...], Complete | None]  # response path of a list -> the plan of its items, or None
# By the schema's and the operation node's identity, both kept alive with the plans: the parse cache hands
# out the same node for the same text. None where a variable decides what is selected.
_PLANS: OrderedDict[tuple[int, int], tuple[Any, OperationDefinitionNode, Plans | None]] = OrderedDict()


class PlannedExecutor(StrawberryGraphQLCoreExecutionContext):
    check_plans = CHECK_PLANS

    def complete_iterable_value(
        self,
        item_type: GraphQLOutputType,
        field_details_list: FieldDetailsList,
        info: GraphQLResolveInfo[Any],
        path: Path,
        items: Iterable[Any],
        position_context: Any,
    ) -> Any:
        plan = self._plan(item_type, field_details_list, path)
        if plan is not None:
            if not isinstance(items, list):
                items = list(items)
            left = _Left()
            token = _LEFT.set(left)
            try:
                completed = []
                for index, item in enumerate(items):
                    left.index = index
                    completed.append(plan(item))
            except Unplanned:
                pass  # nothing was executed yet: the ordinary way starts afresh
            else:
                if left.fields:
                    return self._execute_left(
                        completed, left.fields, path, item_type, field_details_list, info, items, position_context
                    )
                if self.check_plans:
                    _check(
                        completed,
                        super().complete_iterable_value(
                            item_type, field_details_list, info, path, items, position_context
                        ),
                        path,
                    )
                return completed
            finally:
                _LEFT.reset(token)
        return super().complete_iterable_value(item_type, field_details_list, info, path, items, position_context)

    def _execute_left(
        self,
        completed: list[Any],
        left: list[tuple[Any, ...]],
        path: Path,
        item_type: GraphQLOutputType,
        field_details_list: FieldDetailsList,
        info: GraphQLResolveInfo[Any],
        items: list[Any],
        position_context: Any,
    ) -> Any:
        """graphql-core executes the fields the plan left, in item and selection order, at their paths."""
        awaited: list[tuple[dict[str, Any], str]] = []
        try:
            for result, name, parent_type, source, details, index, steps in left:
                field_path = path.add_key(index, None)
                for key, typename in steps:
                    field_path = field_path.add_key(key, typename)
                value = self.execute_field(
                    parent_type, source, details, field_path.add_key(name, parent_type.name), None
                )
                result[name] = value
                if self.is_awaitable(value):
                    awaited.append((result, name))
        except Exception:
            self.settle_in_background([result[name] for result, name in awaited])
            raise

        def checked() -> list[Any]:
            if self.check_plans and not self.collected_errors.errors:
                _check(
                    completed,
                    super(PlannedExecutor, self).complete_iterable_value(
                        item_type, field_details_list, info, path, items, position_context
                    ),
                    path,
                )
            return completed

        if not awaited:
            return checked()

        async def gathered() -> list[Any]:
            values = await gather_with_cancel(*(result[name] for result, name in awaited))
            for (result, name), value in zip(awaited, values, strict=True):
                result[name] = value
            if self.check_plans and not self.collected_errors.errors:
                ordinary = super(PlannedExecutor, self).complete_iterable_value(
                    item_type, field_details_list, info, path, items, position_context
                )
                _check(completed, await ordinary if self.is_awaitable(ordinary) else ordinary, path)
            return completed

        return gathered()

    def _plan(self, item_type: GraphQLOutputType, field_details_list: FieldDetailsList, path: Path) -> Complete | None:
        plans: Plans | None = self.__dict__.get("_plans")
        if plans is None:
            plans = self._plans = _plans_of(self.schema, self.operation, self.fragment_definitions)
        key = tuple(k for k in path.as_list() if isinstance(k, str))
        if key not in plans:
            plans[key] = self._completer(item_type, field_details_list)
        return plans[key]

    def _completer(
        self,
        return_type: GraphQLOutputType,
        field_details_list: FieldDetailsList,
        steps_from_item: tuple[tuple[str, str], ...] | None = (),
    ) -> Complete | None:
        """How to complete a value of this type with these selections, or None if only the ordinary way can.
        `steps_from_item`: the (response name, parent type) steps from the list item to this value, or None
        where graphql-core may not be left any field (inside a nested list, or below something nullable)."""
        required = is_non_null_type(return_type)
        named = return_type.of_type if isinstance(return_type, GraphQLNonNull) else return_type
        if is_leaf_type(named):
            return _leaf(named, required)
        inner: Complete | None
        if is_list_type(named):
            item = self._completer(named.of_type, field_details_list)
            inner = None if item is None else _list(item)
        elif is_object_type(named):
            # Fields left to graphql-core only where nothing nullable lies between them and the list item.
            steps = steps_from_item if steps_from_item is not None and required else None
            inner = self._object(named, field_details_list, steps)
        else:  # interfaces and unions resolve their type: the ordinary way
            return None
        return None if inner is None else _nullable(inner, required)

    def _object(
        self,
        object_type: GraphQLObjectType,
        field_details_list: FieldDetailsList,
        steps_from_item: tuple[tuple[str, str], ...] | None,
    ) -> Complete | None:
        grouped, deferred, _ = self.collect_subfields(object_type, field_details_list)
        if deferred or self.middleware_manager is not None and self.middleware_manager.middlewares:
            return None
        steps: list[Step] = []
        left: list[tuple[str, FieldDetailsList]] = []
        for response_name, details in grouped.items():
            node = details[0].node
            name = node.name.value
            if name == "__typename":
                steps.append((response_name, None, object_type.name))
                continue
            field = self.schema.get_field(object_type, name)
            if field is None:
                continue  # the ordinary way leaves it out as well
            definition = (field.extensions or {}).get(DEFINITION)
            plain = getattr(field.resolve, "_is_default", False)
            if node.directives and _has_defer(node):
                return None
            if not plain or definition is None or field.args or node.arguments:
                if steps_from_item is None:
                    return None
                left.append((response_name, details))
                continue
            below = None if steps_from_item is None else (*steps_from_item, (response_name, object_type.name))
            complete = self._completer(
                field.type,
                details,
                None
                if is_list_type(field.type.of_type if isinstance(field.type, GraphQLNonNull) else field.type)
                else below,
            )
            if complete is None:
                return None
            steps.append((response_name, definition.python_name, complete))
        if left:
            return _object_leaving(grouped, steps, left, object_type, steps_from_item or ())
        return _object(steps, object_type.is_type_of)


def _nullable(inner: Complete, required: bool) -> Complete:
    if required:

        def complete_required(value: Any) -> Any:
            if value is None or value is Undefined:
                raise UNPLANNED
            return inner(value)

        return complete_required

    def complete(value: Any) -> Any:
        return None if value is None or value is Undefined else inner(value)

    return complete


def _leaf(leaf_type: GraphQLLeafType, required: bool) -> Complete:
    """A scalar or enum, coerced as graphql-core would; the common cases without a call."""
    coerce = leaf_type.coerce_output_value
    exact: type | None = None
    if isinstance(leaf_type, GraphQLEnumType):
        names = leaf_type._value_lookup  # value -> name, what coerce_output_value looks up

        def coerce(value: Any) -> Any:
            return names[value]
    elif leaf_type is GraphQLString:
        exact = str
    elif leaf_type is GraphQLBoolean:
        exact = bool  # (not Int: its coercion also checks the 32-bit range)

    def complete(value: Any) -> Any:
        if value is None or value is Undefined:
            if required:
                raise UNPLANNED
            return None
        if type(value) is exact:
            return value
        try:
            coerced = coerce(value)
        except Exception:
            raise UNPLANNED from None
        if coerced is None or coerced is Undefined:
            raise UNPLANNED
        return coerced

    complete.exact = exact  # type: ignore[attr-defined]  # a mark on a function object, read by the planner
    return complete


def _list(item: Complete) -> Complete:
    def complete(values: Any) -> Any:
        if type(values) is not list and (isinstance(values, str | bytes) or not isinstance(values, Iterable)):
            raise UNPLANNED
        return [item(value) for value in values]

    return complete


def _object(steps: list[Step], is_type_of: Callable[[Any, Any], Any] | None) -> Complete:
    """The plan of an object as one function: read each attribute, then build the dict at once; a
    string that is a string (most of them) is used as it is, without a call."""
    namespace: dict[str, Any] = {"is_type_of": is_type_of, "UNPLANNED": UNPLANNED}
    reads, values = [], []
    for n, (name, attribute, finish) in enumerate(steps):
        if attribute is None:
            namespace[f"c{n}"] = finish
            values.append(f"{name!r}: c{n}")
            continue
        if not attribute.isidentifier():
            raise ValueError(f"not an attribute name: {attribute!r}")
        namespace[f"f{n}"] = finish
        reads.append(f"        v{n} = source.{attribute}")
        exact = getattr(finish, "exact", None)
        if exact is not None:
            namespace[f"t{n}"] = exact
            values.append(f"{name!r}: v{n} if type(v{n}) is t{n} else f{n}(v{n})")
        else:
            values.append(f"{name!r}: f{n}(v{n})")
    code = "\n".join(
        [
            "def complete(source):",
            "    if is_type_of is not None and is_type_of(source, None) is not True:",
            "        raise UNPLANNED  # False, or an awaitable: the ordinary way decides",
            "    try:",
            *reads,
            "        pass",
            "    except AttributeError:",
            "        raise UNPLANNED from None",
            "    return {" + ", ".join(values) + "}",
        ]
    )
    exec(compile(code, "<planned object>", "exec"), namespace)  # noqa: S102 - our own code, names checked above
    return namespace["complete"]


def _object_leaving(
    grouped: dict[str, Any],
    steps: list[Step],
    left: list[tuple[str, FieldDetailsList]],
    object_type: GraphQLObjectType,
    steps_from_item: tuple[tuple[str, str], ...],
) -> Complete:
    """An object some of whose fields graphql-core executes: the plain ones now, a place kept for the others
    (so the keys keep the selection's order), and those others noted for after every item is planned."""
    planned = {name: (attribute, finish) for name, attribute, finish in steps}
    later = dict(left)
    order = [name for name in grouped if name in planned or name in later]
    is_type_of = object_type.is_type_of

    def complete(source: Any) -> dict[str, Any]:
        if is_type_of is not None and is_type_of(source, None) is not True:  # type: ignore[arg-type]  # no info: ours read none
            raise UNPLANNED
        result: dict[str, Any] = {}
        noted = _LEFT.get()
        try:
            for name in order:
                if name in later:
                    result[name] = None
                    noted.fields.append((result, name, object_type, source, later[name], noted.index, steps_from_item))
                else:
                    attribute, finish = planned[name]
                    result[name] = finish if attribute is None else finish(getattr(source, attribute))
        except AttributeError:
            raise UNPLANNED from None
        return result

    return complete


def _has_defer(node: Any) -> bool:
    return any(directive.name.value in ("defer", "stream") for directive in node.directives)


def _plans_of(schema: Any, operation: OperationDefinitionNode, fragments: dict[str, Any]) -> Plans:
    """The plans kept for an operation, or a dict for this execution only when variables decide the selection."""
    key = (id(schema), id(operation))
    kept = _PLANS.get(key)
    if kept is None:
        kept = _PLANS[key] = (schema, operation, None if _selection_varies(operation, fragments) else {})
        if len(_PLANS) > PLANNED_OPERATIONS:
            _PLANS.popitem(last=False)
    return {} if kept[2] is None else kept[2]


class _VariableDirective(Visitor):
    found = False

    def enter_directive(self, node: Any, *_: Any) -> Any:
        if node.name.value in ("skip", "include") and any(
            isinstance(argument.value, VariableNode) for argument in node.arguments
        ):
            self.found = True
            return self.BREAK
        return None


def _selection_varies(operation: OperationDefinitionNode, fragments: dict[str, Any]) -> bool:
    finder = _VariableDirective()
    for part in (operation, *fragments.values()):
        visit(part, finder)
    return finder.found


def _check(planned: list[Any], ordinary: Any, path: Path) -> None:
    """The plan and graphql-core must give the same bytes (HUB_CHECK_PLANNED_EXECUTION)."""
    if json.dumps(planned, default=str) != json.dumps(ordinary, default=str):
        raise AssertionError(f"planned execution differs at {path.as_list()}: {planned!r} != {ordinary!r}")
