"""The CloudEvents envelope survives the trip through Kafka headers."""

from __future__ import annotations

from shared.events.envelope import CloudEvent, DomainEvent


def test_an_event_reads_back_from_its_headers_and_value() -> None:
    event = CloudEvent.new(
        DomainEvent("menu.activity.v1", "menu.activity.published", "k1", {"a": 1, "b": "é"}),
        "/partnership-hub/menu",
        actor="anonymous",
        traceparent="00-aa-bb-01",
    )
    back = CloudEvent.from_record("menu.activity.v1", b"k1", event.value(), event.headers())
    assert back == event


def test_the_binary_mode_headers_are_the_cloudevents_attributes() -> None:
    event = CloudEvent.new(DomainEvent("t", "x.y.z", "k", {}), "/s", actor="someone")
    names = [name for name, _ in event.headers()]
    assert names[:6] == ["ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time", "content-type"]
    assert "ce_actor" in names and "ce_traceparent" not in names


def test_a_record_without_cloudevents_headers_is_refused() -> None:
    try:
        CloudEvent.from_record("t", b"k", b"{}", [("ce_id", b"1")])
    except ValueError as error:
        assert "ce_source" in str(error)
    else:
        raise AssertionError("accepted a record that is not a CloudEvent")


def test_a_malformed_trace_context_from_a_caller_is_replaced() -> None:
    from shared.graphql.context import TRACEPARENT, RequestContext

    good = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"
    kept: RequestContext = RequestContext(None, traceparent=good, request_id="abc-1")  # type: ignore[arg-type]
    assert kept.traceparent == good and kept.request_id == "abc-1"
    replaced: RequestContext = RequestContext(None, traceparent="x" * 5000, request_id="\x00" * 3)  # type: ignore[arg-type]
    assert TRACEPARENT.match(replaced.traceparent) and len(replaced.request_id) == 36
