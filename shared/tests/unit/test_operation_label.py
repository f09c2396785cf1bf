"""The `operation` label of GraphQL metrics stays bounded, whatever names clients send."""

from __future__ import annotations

from shared.graphql import observed
from shared.graphql.observed import operation_label


def test_names_are_kept_up_to_a_bound_then_called_other(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(observed, "_names", set())
    monkeypatch.setattr(observed, "KEPT_NAMES", 3)
    assert operation_label(None) == operation_label("") == "anonymous"
    assert [operation_label(f"Op{n}") for n in range(5)] == ["Op0", "Op1", "Op2", "other", "other"]
    assert operation_label("Op1") == "Op1"  # a kept name stays
    monkeypatch.setattr(observed, "_names", set())
    assert operation_label("x" * 101) == "other"
