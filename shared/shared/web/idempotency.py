"""Idempotency-Key: a mutation sent again with its key gets the first outcome, never a second change.

A client that did not hear the answer to a change (a timeout, a dropped connection, OUTCOME_UNKNOWN) sends
it again with the same `Idempotency-Key` header. Keys are the caller's own (scoped to the access token's
subject) and kept in the owning service's database with a hash of the document, operation name and
variables, and the answer: the first request claims the key and runs; one that comes while it runs waits
for its answer; one that comes after gets the stored answer (a user error included); the same key with
another operation or other variables is refused. The claim is marked `committed` in the change's own
transaction (shared.db.UnitOfWork), so a first attempt whose process died after its commit is never run a
second time. An operation with a key holds exactly one mutation field. Keys are forgotten after a day (the
outbox relay's hourly housekeeping, shared.events.relay).
"""

from __future__ import annotations

import asyncio
import hashlib
import re
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import orjson
from graphql import FieldNode, GraphQLError, OperationDefinitionNode, OperationType, parse
from sqlalchemy import Table, delete, func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from shared.errors import BadUserInput, Conflict, DomainError
from shared.graphql.limits import OPERATION_SECONDS

HEADER = "Idempotency-Key"
KEY = re.compile(r"^[\x21-\x7e]{1,200}$")  # printable ASCII, no spaces: a UUID, say
# How long a first attempt may hold its key: its operation's limit, and a margin. A later request waits this
# long at most; past it, the first attempt is taken to have died.
LEASE = timedelta(seconds=OPERATION_SECONDS + 4)
# How long a request waits for the first attempt's answer: within its own operation's limit.
WAIT_SECONDS = OPERATION_SECONDS - 2
WAIT_STEP = 0.1


@dataclass(frozen=True)
class Claim:
    subject: str
    key: str
    request_hash: str
    attempt: str = field(default_factory=lambda: str(uuid.uuid4()))


@dataclass(frozen=True)
class Replay:
    """The answer to give again."""

    status: int
    body: dict[str, Any]


def refusal(error: DomainError) -> dict[str, Any]:
    return {
        "data": None,
        "errors": [{"message": error.message, "extensions": {"code": error.code.value, **error.extensions}}],
    }


def claim_of(subject: str, key: str, request: dict[str, Any]) -> Claim:
    """The claim a request makes, or BadUserInput naming the header when it cannot carry a key."""
    if not KEY.match(key):
        raise BadUserInput(f"{HEADER} must be 1 to 200 printable characters without spaces (a UUID, say)", field=HEADER)
    problem = _not_one_mutation_field(request["query"], request.get("operationName"))
    if problem:
        raise BadUserInput(f"{HEADER}: {problem}", field=HEADER)
    hashed = hashlib.sha256(
        orjson.dumps(
            {
                "query": request["query"],
                "operationName": request.get("operationName"),
                "variables": request.get("variables") or {},
            },
            option=orjson.OPT_SORT_KEYS,
        )
    ).hexdigest()
    return Claim(subject, key, hashed)


def is_mutation(request: dict[str, Any]) -> bool:
    """Whether the request's operation is a mutation: a key on a query means nothing (the gateway passes a
    client's key to every subgraph call an operation makes, the reads that complete a mutation's answer too)."""
    operation = _operation(request["query"], request.get("operationName"))
    return operation is not None and operation.operation == OperationType.MUTATION


def _operation(query: str, operation_name: str | None) -> OperationDefinitionNode | None:
    try:
        document = parse(query)
    except GraphQLError:
        return None  # the operation itself is refused, with its own error
    operations = [
        d
        for d in document.definitions
        if isinstance(d, OperationDefinitionNode)
        and (operation_name is None or (d.name is not None and d.name.value == operation_name))
    ]
    return operations[0] if len(operations) == 1 else None


def _not_one_mutation_field(query: str, operation_name: str | None) -> str | None:
    operation = _operation(query, operation_name)
    if operation is None or operation.operation != OperationType.MUTATION:
        return None
    if len(operation.selection_set.selections) != 1 or not isinstance(operation.selection_set.selections[0], FieldNode):
        return "an operation with a key holds exactly one mutation field"
    return None


class IdempotencyKeys:
    def __init__(self, table: Table, sessionmaker: async_sessionmaker[AsyncSession]) -> None:
        self.table = table
        self.sessionmaker = sessionmaker

    async def claim(self, claim: Claim) -> Replay | None:
        """None when this request runs (it claimed the key, or took over a dead first attempt that changed
        nothing); otherwise the answer to give."""
        deadline = asyncio.get_running_loop().time() + WAIT_SECONDS
        while True:
            async with self.sessionmaker() as session:
                answer = await self._try(session, claim)
                await session.commit()
            if answer is not _WAIT:
                return answer  # type: ignore[return-value]  # the kept answer is the JSON the operation answered the first time
            if asyncio.get_running_loop().time() > deadline:
                return Replay(
                    200,
                    refusal(
                        Conflict(
                            f"the first request with this {HEADER} is still running: ask again in a moment",
                            retryable=True,
                        )
                    ),
                )
            await asyncio.sleep(WAIT_STEP)

    async def _try(self, session: AsyncSession, claim: Claim) -> Replay | None | object:
        table = self.table
        claimed = await session.scalar(
            insert(table)
            .values(
                subject=claim.subject,
                key=claim.key,
                request_hash=claim.request_hash,
                attempt=claim.attempt,
                state="running",
                lease_until=func.now() + LEASE,
            )
            .on_conflict_do_nothing()
            .returning(table.c.key)
        )
        if claimed is not None:
            return None
        row = (
            await session.execute(
                select(table, (table.c.lease_until < func.now()).label("lapsed"))
                .where(*self._of(claim))
                .with_for_update()
            )
        ).one_or_none()
        if row is None:
            return _WAIT  # forgotten meanwhile (a refused first attempt, a purge): claim it again
        if row.request_hash != claim.request_hash:
            return Replay(
                200,
                refusal(
                    BadUserInput(
                        f"this {HEADER} was used with another operation or other "
                        "variables: use a new key for a new change",
                        field=HEADER,
                    )
                ),
            )
        if row.state == "done":
            return Replay(row.status, row.response)
        if not row.lapsed:
            return _WAIT
        if row.committed:  # the first attempt made its change and died before its answer was kept
            return Replay(
                200,
                refusal(
                    Conflict(
                        f"the change with this {HEADER} was made, but its answer was "
                        "lost: read the result instead of sending it again",
                        committed=True,
                    )
                ),
            )
        await session.execute(
            update(table).where(*self._of(claim)).values(attempt=claim.attempt, lease_until=func.now() + LEASE)
        )
        return None  # the first attempt died before committing: this one runs instead (and holds the claim)

    def marker(self, claim: Claim) -> Callable[[AsyncSession], Awaitable[None]]:
        """How the change's own transaction marks the claim committed; a change whose claim another attempt
        took over (this one was given up for dead) is refused, and rolls back."""

        async def mark(session: AsyncSession) -> None:
            marked = await session.execute(
                update(self.table)
                .where(*self._of(claim), self.table.c.attempt == claim.attempt, ~self.table.c.committed)
                .values(committed=True)
            )
            if marked.rowcount != 1:  # type: ignore[attr-defined]  # an UPDATE's result has a rowcount
                raise Conflict(
                    f"another request with this {HEADER} took over: this one changed nothing", retryable=True
                )

        return mark

    async def finish(self, claim: Claim, status: int, body: dict[str, Any]) -> None:
        """Keep the answer; or, for a first attempt refused because nothing could be done (the service was
        unavailable), forget the claim, so that the same request runs when sent again. An outcome unknown is
        not an answer to keep: the claim stays until its lease runs out, and a retry then finds whether the
        change was committed with it."""
        codes = {(error.get("extensions") or {}).get("code") for error in body.get("errors") or []}
        if "OUTCOME_UNKNOWN" in codes:
            return
        mine = (*self._of(claim), self.table.c.attempt == claim.attempt)
        async with self.sessionmaker() as session:
            if "SERVICE_UNAVAILABLE" in codes:
                await session.execute(delete(self.table).where(*mine, ~self.table.c.committed))
            else:
                await session.execute(
                    update(self.table).where(*mine).values(state="done", status=status, response=body)
                )
            await session.commit()

    def _of(self, claim: Claim) -> tuple[Any, ...]:
        return self.table.c.subject == claim.subject, self.table.c.key == claim.key


_WAIT = object()
