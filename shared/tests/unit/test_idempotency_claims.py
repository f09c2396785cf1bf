"""What an Idempotency-Key claims (shared.web.idempotency), and which failures mean the database is away."""

from __future__ import annotations

import asyncpg
import pytest
from sqlalchemy import exc as sa_exc

from shared.db import database_unreachable
from shared.errors import BadUserInput
from shared.web.idempotency import claim_of, is_mutation

UPDATE = "mutation($id: ID!) { publishActivity(id: $id) { id } }"


def test_a_claim_is_the_callers_key_and_a_hash_of_the_document_name_and_variables() -> None:
    first = claim_of("alice", "k-1", {"query": UPDATE, "variables": {"id": "1"}})
    same = claim_of("alice", "k-1", {"query": UPDATE, "variables": {"id": "1"}, "operationName": None})
    assert first.request_hash == same.request_hash and first.attempt != same.attempt  # each request its attempt
    assert first.request_hash != claim_of("alice", "k-1", {"query": UPDATE, "variables": {"id": "2"}}).request_hash
    assert (first.subject, first.key) == ("alice", "k-1")


@pytest.mark.parametrize(
    ("key", "query"),
    [
        ("has space", UPDATE),
        ("", UPDATE),
        ("x" * 201, UPDATE),
        ("k", "mutation { a: publishActivity(id: 1) { id } b: publishActivity(id: 2) { id } }"),
        ("k", "mutation { ...F } fragment F on Mutation { publishActivity(id: 1) { id } }"),
    ],
)
def test_a_key_is_refused_naming_the_header_unless_it_fits_and_goes_with_one_mutation_field(
    key: str, query: str
) -> None:
    with pytest.raises(BadUserInput) as refused:
        claim_of("alice", key, {"query": query})
    assert refused.value.field == "Idempotency-Key"


def test_a_key_means_something_on_a_mutation_only() -> None:
    """The gateway passes a client's key to every subgraph call of the operation, reads included."""
    assert is_mutation({"query": UPDATE})
    assert not is_mutation({"query": "query($r: [_Any!]!) { _entities(representations: $r) { __typename } }"})
    assert not is_mutation({"query": "mutation {"})


def test_an_operation_that_does_not_parse_is_left_to_its_own_error() -> None:
    assert claim_of("alice", "k", {"query": "mutation {"}).key == "k"


def test_the_database_is_away_when_it_cannot_be_reached_not_when_a_statement_is_wrong() -> None:
    assert database_unreachable(OSError("connection refused"))
    assert database_unreachable(TimeoutError())
    assert database_unreachable(asyncpg.exceptions.CannotConnectNowError("the database system is starting up"))
    assert database_unreachable(asyncpg.exceptions.TooManyConnectionsError("too many clients"))
    assert database_unreachable(sa_exc.DBAPIError("SELECT 1", {}, asyncpg.exceptions.ConnectionDoesNotExistError()))
    assert not database_unreachable(asyncpg.exceptions.QueryCanceledError("statement timeout"))
    assert not database_unreachable(asyncpg.exceptions.UniqueViolationError("duplicate key"))
    assert not database_unreachable(ValueError("bad"))
