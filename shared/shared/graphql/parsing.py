"""Parsed documents, cached by their text (the parse is the first cost of every request).

Unlike strawberry's ParserCache, a document that does not parse is left to strawberry's own parse,
which reports it as a pre-execution error that ErrorCodes gives a code (a syntax error, or a
document over the token limit); raised from the cache, it would escape every extension.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from graphql import DocumentNode, GraphQLError, parse
from strawberry.extensions import SchemaExtension


@lru_cache(maxsize=500)
def _parsed(query: str, max_tokens: int | None) -> DocumentNode:
    return parse(query, max_tokens=max_tokens)


class CachedParse(SchemaExtension):
    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        if context.query is not None:
            try:
                context.graphql_document = _parsed(context.query, context.parse_options.get("max_tokens"))
            except GraphQLError:
                pass
        yield
