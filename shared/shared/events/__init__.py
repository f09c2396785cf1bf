"""Events: the CloudEvents envelope, the transactional outbox and its relay, the consumer."""

from shared.events.envelope import CloudEvent, DomainEvent

__all__ = ["CloudEvent", "DomainEvent"]
