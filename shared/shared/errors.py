"""The few errors domain code raises; one place (shared.graphql.errors) maps them to GraphQL."""

from __future__ import annotations

from enum import Enum
from typing import Any


class ErrorCode(str, Enum):
    BAD_USER_INPUT = "BAD_USER_INPUT"
    NOT_FOUND = "NOT_FOUND"
    CONFLICT = "CONFLICT"
    FORBIDDEN = "FORBIDDEN"
    UNAUTHENTICATED = "UNAUTHENTICATED"
    # Nothing happened: a database (or, at the gateway, a subgraph) cannot be reached; retry after a moment.
    SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE"
    # A change may or may not have happened (it was sent, and no answer came): retry only with the same
    # Idempotency-Key, which returns the first outcome, never a second change.
    OUTCOME_UNKNOWN = "OUTCOME_UNKNOWN"


MAX_MESSAGE = 300  # a message quoting a caller's 100 KB value does not send it back whole


class DomainError(Exception):
    code: ErrorCode

    def __init__(self, message: str, **extensions: Any) -> None:
        if len(message) > MAX_MESSAGE:
            message = f"{message[:MAX_MESSAGE]}… (cut)"
        super().__init__(message)
        self.message = message
        self.extensions = {k: v for k, v in extensions.items() if v is not None}


class BadUserInput(DomainError):
    """The caller's input is wrong; `field` names the input path at fault, for forms."""

    code = ErrorCode.BAD_USER_INPUT

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message, field=field)
        self.field = field


class NotYetKnown(BadUserInput):
    """Another service's change that has not reached this service's copy yet (copies follow the owner's
    events within moments): the caller may retry shortly, and `extensions.retryable` says so."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message, field=field)
        self.extensions["retryable"] = True


class NotFound(DomainError):
    code = ErrorCode.NOT_FOUND

    def __init__(self, kind: str, key: object) -> None:
        super().__init__(f"{kind} {key} was not found")


class Conflict(DomainError):
    code = ErrorCode.CONFLICT


class StaleVersion(Conflict):
    def __init__(self, kind: str, expected: int, actual: int) -> None:
        super().__init__(
            f"{kind} is at version {actual}, not {expected}: reload it and try again",
            expectedVersion=expected,
            actualVersion=actual,
        )


class InvalidTransition(Conflict):
    def __init__(self, kind: str, current: Enum, target: Enum) -> None:
        super().__init__(
            f"{kind} cannot go from {current.value} to {target.value}",
            currentStatus=current.value,
            targetStatus=target.value,
        )


class Forbidden(DomainError):
    code = ErrorCode.FORBIDDEN


class Unauthenticated(DomainError):
    code = ErrorCode.UNAUTHENTICATED


class ServiceUnavailable(DomainError):
    """The service cannot reach what it needs (its database): nothing was done, and a retry may succeed."""

    code = ErrorCode.SERVICE_UNAVAILABLE

    def __init__(self, service: str, why: str = "its database does not answer") -> None:
        super().__init__(
            f"{service} is unavailable ({why}); nothing was changed: retry in a moment", retryable=True, service=service
        )


class OutcomeUnknown(DomainError):
    """A change was sent to the database and no answer came: it may or may not have been made."""

    code = ErrorCode.OUTCOME_UNKNOWN

    def __init__(self, service: str) -> None:
        super().__init__(
            f"{service} lost its database while committing the change: it may or may not have been "
            "made; retry only with the same Idempotency-Key",
            retryable=True,
            service=service,
        )
