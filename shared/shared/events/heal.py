"""Gaps heal from the owner.

A copy that receives a version of an aggregate that skips some (the events between were lost, or somebody
forged a jump) applies it, since events carry whole states, and asks the owner for the aggregate's state: a
`<owner>.state.requested` event on `<owner>.state-requests.v1`, written through the copy's own outbox with the
change, so the request is not lost either. The owner answers by telling the aggregate's current state as
`<owner>.<aggregate>.state`, through its outbox on the aggregate's key, so it is ordered with the aggregate's
other events, and stamped with the owner's epoch (CloudEvents `ownerepoch`). A copy takes that state whatever
version it holds, unless it holds a state the owner told later in the same epoch (shared.readmodel.takes). A
restored owner will tell every state again the same way, in a new epoch.

Forged events are kept off the topics by the broker's ACLs (deploy/topics.yaml); one that got through is
undone by the heal it causes.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel
from sqlalchemy import select

from shared.db import UnitOfWork
from shared.events.envelope import REQUESTED, STATE, CloudEvent, DomainEvent
from shared.events.republish import Snapshots

log = logging.getLogger(__name__)


def requests_topic(owner: str) -> str:
    """The topic on which an owner takes requests for its aggregates' state."""
    return f"{owner}.state-requests.v1"


class StateRequest(BaseModel):
    """A copy's request for an aggregate's state: what it held and the version it was then given."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)

    topic: str = Field(description="the aggregate's topic (its logical name), e.g. menu.activity.v1")
    key: str = Field(description="the aggregate's id: the key of its events")
    held_version: int = Field(description="the version the copy held")
    seen_version: int = Field(description="the version the copy was given, more than one past the one it held")
    requester: str = Field(description="the service asking")


def state_request(owner: str, topic: str, key: str, held: int, seen: int, requester: str) -> DomainEvent:
    request = StateRequest(topic=topic, key=key, held_version=held, seen_version=seen, requester=requester)
    return DomainEvent(
        topic=requests_topic(owner),
        type=f"{owner}.{REQUESTED}",
        key=key,
        data=request.model_dump(mode="json", by_alias=True),
    )


def as_state(event: DomainEvent) -> DomainEvent:
    """A restatement of an aggregate (a snapshot's builder makes it) as the owner's authoritative state."""
    return dataclasses.replace(event, type=f"{event.type.rpartition('.')[0]}.{STATE}")


class StateAnswers:
    """The owner's side: a request's aggregate, told again as its authoritative state through the outbox."""

    def __init__(self, snapshots: Sequence[Snapshots]) -> None:
        self.by_topic = {source.topic: source for source in snapshots}

    async def answer(self, uow: UnitOfWork, event: CloudEvent) -> None:
        request = StateRequest.model_validate(event.data)
        source = self.by_topic.get(request.topic)
        key = _key_of(source, request.key) if source is not None else None
        if source is None or key is None:
            log.warning(
                "a state request from %s names %s %r, which this service does not own: ignored",
                request.requester,
                request.topic,
                request.key,
            )
            return
        # Read under a share lock: a change of the aggregate in flight commits first (and is told first, with an
        # earlier time), so this answer is never an older state told later than a newer one.
        await uow.session.execute(select(source.key).where(source.key == key).with_for_update(read=True))
        states = await source.events(uow.session, [key])
        if not states:
            log.info("%s asked for %s %s, which does not exist here", request.requester, request.topic, key)
        for state in states:
            uow.publish(as_state(state))


def _key_of(source: Snapshots, raw: str) -> Any:
    """The request's key as the aggregate's key column holds it (a UUID, or text); None if it cannot be one."""
    kind = source.key.type.python_type
    try:
        return kind(raw)
    except ValueError:
        return None
