"""CloudEvents 1.0 in Kafka binary content mode: attributes in `ce_*` headers, JSON data as value."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

SPEC_VERSION = "1.0"
CONTENT_TYPE = "application/json"


# The verbs by which an owner tells an aggregate's state again without changing it: `snapshot` (republish) and
# `state` (authoritative: its answer to a copy that missed versions, shared.events.heal; a copy takes it whatever
# version it holds).
SNAPSHOT, STATE = "snapshot", "state"
RESTATEMENT_VERBS = (SNAPSHOT, STATE)


def is_restatement(event_type: str) -> bool:
    """Whether an event type only restates an aggregate's state (nothing changed)."""
    return event_type.rpartition(".")[2] in RESTATEMENT_VERBS


# A copy's request for an aggregate's state, `<owner>.state.requested` (shared.events.heal).
REQUESTED = "state.requested"


def is_state_request(event_type: str) -> bool:
    return event_type.endswith(f".{REQUESTED}")


@dataclass(frozen=True, slots=True)
class DomainEvent:
    """What a service says happened, before the outbox gives it an id and a time.

    `topic` is the logical name (e.g. `menu.activity.v1`); `key` is the aggregate id,
    so one aggregate's events land on one partition and keep their order.
    """

    topic: str
    type: str
    key: str
    data: dict[str, Any]
    subject: str | None = None


@dataclass(frozen=True, slots=True)
class CloudEvent:
    id: str
    source: str
    type: str
    time: datetime
    key: str
    data: dict[str, Any]
    topic: str = ""
    subject: str | None = None
    actor: str | None = None
    traceparent: str | None = None
    # The owner's epoch (CloudEvents extension `ownerepoch`): 1 until the owner is restored from a backup, which
    # starts a new epoch; a copy orders an aggregate's states by (epoch, version). None: not said (epoch 1).
    owner_epoch: int | None = None
    extra_headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def new(
        cls, event: DomainEvent, source: str, actor: str | None = None, traceparent: str | None = None
    ) -> CloudEvent:
        return cls(
            id=str(uuid.uuid4()),
            source=source,
            type=event.type,
            time=datetime.now(UTC),
            key=event.key,
            data=event.data,
            topic=event.topic,
            subject=event.subject,
            actor=actor,
            traceparent=traceparent,
        )

    def headers(self) -> list[tuple[str, bytes]]:
        headers = [
            ("ce_specversion", SPEC_VERSION),
            ("ce_id", self.id),
            ("ce_source", self.source),
            ("ce_type", self.type),
            ("ce_time", self.time.isoformat()),
            ("content-type", CONTENT_TYPE),
        ]
        if self.subject:
            headers.append(("ce_subject", self.subject))
        if self.actor:
            headers.append(("ce_actor", self.actor))
        if self.traceparent:
            headers.append(("ce_traceparent", self.traceparent))
        if self.owner_epoch is not None:
            headers.append(("ce_ownerepoch", str(self.owner_epoch)))
        headers.extend(self.extra_headers.items())
        return [(name, value.encode()) for name, value in headers]

    def value(self) -> bytes:
        return json.dumps(self.data, separators=(",", ":"), default=str).encode()

    @classmethod
    def from_record(
        cls,
        topic: str,
        key: bytes | None,
        value: bytes | None,
        headers: list[tuple[str, bytes]] | tuple[tuple[str, bytes], ...],
    ) -> CloudEvent:
        attrs = {name: raw.decode() for name, raw in headers}
        missing = [n for n in ("ce_id", "ce_source", "ce_type", "ce_specversion") if n not in attrs]
        if missing:
            raise ValueError(f"not a CloudEvent: missing headers {', '.join(missing)}")
        known = {
            "ce_specversion",
            "ce_id",
            "ce_source",
            "ce_type",
            "ce_time",
            "content-type",
            "ce_subject",
            "ce_actor",
            "ce_traceparent",
            "ce_ownerepoch",
        }
        epoch = attrs.get("ce_ownerepoch", "")
        return cls(
            id=attrs["ce_id"],
            source=attrs["ce_source"],
            type=attrs["ce_type"],
            time=datetime.fromisoformat(attrs["ce_time"]) if "ce_time" in attrs else datetime.now(UTC),
            key=key.decode() if key else "",
            data=json.loads(value) if value else {},
            topic=topic,
            subject=attrs.get("ce_subject"),
            actor=attrs.get("ce_actor"),
            traceparent=attrs.get("ce_traceparent"),
            owner_epoch=int(epoch) if epoch.isdigit() else None,
            extra_headers={k: v for k, v in attrs.items() if k not in known},
        )
