"""What the services publish, as a subscriber knows it: each topic, its owner and its event types.

A service consumes another's topic through this contract, never through the other's code.
The owners' catalogues declare the same topics and types (a test compares them), so the
contract cannot drift from what is published.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from shared.events.envelope import RESTATEMENT_VERBS


@dataclass(frozen=True)
class TopicContract:
    topic: str
    owner: str
    types: tuple[str, ...]

    @property
    def source(self) -> str:
        return f"/partnership-hub/{self.owner}"

    def handled_by(self, handler: Any, *read_models: Any) -> Mapping[str, Mapping[str, Any]]:
        """A consumer's handlers when one handler takes every event type of the topic; the consumer applies
        only events whose source is this topic's owner. `read_models` (mapped classes) are the copies the
        handler keeps from the topic alone: a rebuild empties them and reads the topic again."""
        return {self.topic: OwnedHandlers(self, {event_type: handler for event_type in self.types}, read_models)}


class OwnedHandlers(dict[str, Any]):
    """A topic's handlers by event type, knowing the topic's contract: an event from another source than its
    owner is not applied (it goes to the dead letters)."""

    def __init__(self, contract: TopicContract, handlers: Mapping[str, Any], read_models: tuple[Any, ...] = ()) -> None:
        super().__init__(handlers)
        self.contract = contract
        self.read_models = read_models


def _types(owner: str, aggregate: str, verbs: str) -> tuple[str, ...]:
    """The verbs' types, and the restatements every owner makes: the snapshot it can republish
    (shared.events.republish) and the authoritative state it answers a copy's request with (shared.events.heal)."""
    return tuple(f"{owner}.{aggregate}.{verb}" for verb in [*verbs.split(), *RESTATEMENT_VERBS])


MENU_ACTIVITY = TopicContract(
    "menu.activity.v1", "menu", _types("menu", "activity", "created updated published withdrawn archived")
)
MENU_OCCURRENCE = TopicContract(
    "menu.occurrence.v1",
    "menu",
    _types("menu", "occurrence", "scheduled updated registration_opened registration_closed held cancelled"),
)
MENU_NOMINATION = TopicContract(
    "menu.nomination.v1",
    "menu",
    _types(
        "menu",
        "nomination",
        "nominated waitlisted promoted confirmed declined withdrawn attended no_show feedback_recorded",
    ),
)
PROGRAMMES_PARTNER = TopicContract(
    "programmes.partner.v1",
    "programmes",
    _types("programmes", "partner", "registered updated suspended reinstated platform_joined platform_left"),
)
PROGRAMMES_PROGRAMME = TopicContract(
    "programmes.programme.v1",
    "programmes",
    _types(
        "programmes",
        "programme",
        "created updated submitted negotiation_started approved implementation_started completed withdrawn superseded "
        "objective_added objective_updated objective_removed activity_planned planned_activity_confirmed "
        "planned_activity_done planned_activity_removed activity_flagged goal_added goal_assessed occ_evaluated",
    ),
)
CAPACITY_REQUEST = TopicContract(
    "capacity.request.v1",
    "capacity",
    _types(
        "capacity",
        "request",
        "submitted updated assessment_started assessed package_proposed approved implementation_started completed "
        "declined withdrawn put_on_hold released measure_added measure_updated measure_removed activity_linked "
        "measure_flagged contribution_added contribution_updated contribution_removed progress_reported",
    ),
)
