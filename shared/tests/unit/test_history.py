"""What a history entry says changed: worked out from the states on either side, no I/O."""

from __future__ import annotations

from shared.events.history import FieldChange, changes_between


def test_a_change_lists_only_the_fields_that_differ_in_the_later_states_order() -> None:
    before = {"id": "a", "title": "Old", "tags": ["x"], "status": "DRAFT", "version": 1, "updatedAt": "t1"}
    after = {"id": "a", "title": "New", "tags": ["x"], "status": "PUBLISHED", "version": 2, "updatedAt": "t2"}
    assert changes_between(before, after) == [
        FieldChange("title", "Old", "New"),
        FieldChange("status", "DRAFT", "PUBLISHED"),
    ]


def test_the_first_state_lists_every_field_and_a_new_field_counts_as_changed() -> None:
    assert changes_between(None, {"id": "a", "seats": 10, "version": 1}) == [
        FieldChange("id", None, "a"),
        FieldChange("seats", None, 10),
    ]
    assert changes_between({"id": "a"}, {"id": "a", "quota": None}) == [FieldChange("quota", None, None)]
