"""How big an operation may be, the same at the gateway (gateway.config.ts) and in every subgraph.

A caller that sends a 5 MB document, a 30-level fan-out or a thousand aliases is refused before any
work is done, with `OPERATION_LIMIT_EXCEEDED`, so no operation can hold a process for long or make
another wait. The numbers leave room for the largest operations our frontends send.
"""

from __future__ import annotations

from typing import Any

from strawberry.extensions import MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter

MAX_DEPTH = 12
MAX_TOKENS = 2000
MAX_ALIASES = 50
MAX_BODY_BYTES = 512 * 1024
OPERATION_SECONDS = 8.0
STATEMENT_MILLISECONDS = 5000


def limit_extensions() -> list[Any]:
    # The token limit aborts parsing itself, so a huge document costs no more than its first tokens.
    return [
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        QueryDepthLimiter(max_depth=MAX_DEPTH),
        MaxAliasesLimiter(max_alias_count=MAX_ALIASES),
    ]
