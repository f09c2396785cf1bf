from __future__ import annotations

from enum import Enum

import pytest

from shared.errors import InvalidTransition
from shared.lifecycle import Lifecycle


class Light(Enum):
    RED = "RED"
    GREEN = "GREEN"
    AMBER = "AMBER"


LIGHTS = Lifecycle("Light", {Light.RED: {Light.GREEN}, Light.GREEN: {Light.AMBER}, Light.AMBER: {Light.RED}})


def test_the_table_lists_its_edges() -> None:
    assert sorted((a.value, b.value) for a, b in LIGHTS.edges()) == [
        ("AMBER", "RED"),
        ("GREEN", "AMBER"),
        ("RED", "GREEN"),
    ]


def test_a_transition_not_in_the_table_is_a_conflict_naming_both_states() -> None:
    with pytest.raises(InvalidTransition) as refused:
        LIGHTS.transition(Light.RED, Light.AMBER)
    assert refused.value.extensions == {"currentStatus": "RED", "targetStatus": "AMBER"}
    assert refused.value.code.value == "CONFLICT"
