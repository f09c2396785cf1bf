"""A status machine is a table; one function applies it."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from enum import Enum
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from shared.errors import InvalidTransition

S = TypeVar("S", bound=Enum)


class Lifecycle(Mapping[S, frozenset[S]]):
    """The allowed transitions of one kind of aggregate, readable as documentation."""

    def __init__(self, kind: str, allowed: Mapping[S, set[S]]) -> None:
        self.kind = kind
        self._allowed = {state: frozenset(targets) for state, targets in allowed.items()}

    def __getitem__(self, state: S) -> frozenset[S]:
        return self._allowed.get(state, frozenset())

    def __iter__(self) -> Iterator[S]:  # the states that lead somewhere
        return iter(self._allowed)

    def __len__(self) -> int:
        return len(self._allowed)

    def __contains__(self, state: object) -> bool:
        # A final state has no entry: `in` asks whether a state leads anywhere, as iteration does.
        return state in self._allowed

    def edges(self) -> list[tuple[S, S]]:
        return [(source, target) for source, targets in self._allowed.items() for target in targets]

    def transition(self, current: S, target: S) -> S:
        if target not in self[current]:
            raise InvalidTransition(self.kind, current, target)
        return target


class MovesThrough(Generic[S]):
    """A row whose `status` moves through its class's `lifecycle`: `move_to` checks the step, bumps the row's
    version (unless `bumps` is False: a child whose aggregate root is bumped instead) and returns the status it
    left, for the transition record."""

    lifecycle: ClassVar[Lifecycle[Any]]
    bumps: ClassVar[bool] = True

    if TYPE_CHECKING:  # the mapped class has them
        status: Any

        def bump(self) -> None: ...

    def move_to(self, target: S) -> S:
        previous: S = self.status
        self.status = self.lifecycle.transition(previous, target)
        if self.bumps:
            self.bump()
        return previous
