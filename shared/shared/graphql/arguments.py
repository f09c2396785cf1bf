"""Arguments that many fields take, each described once.

Use them as the argument's type (`expected_version: ExpectedVersion = None`); an argument particular to one
field is described where the field is, with `Annotated[..., strawberry.argument(description=...)]`.
"""

from __future__ import annotations

from typing import Annotated

import strawberry

from shared.graphql.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE

ExpectedVersion = Annotated[
    int | None,
    strawberry.argument(
        description="The version you last read: the change is refused with CONFLICT if it has moved on since. "
        "Omitted, the change applies to whatever version is current."
    ),
]
First = Annotated[
    int | None,
    strawberry.argument(
        description=f"How many items to return, 0 to {MAX_PAGE_SIZE}; {DEFAULT_PAGE_SIZE} when omitted"
    ),
]
After = Annotated[
    str | None,
    strawberry.argument(
        description="Continue after this cursor (the endCursor of the page before); the first page when omitted"
    ),
]
Reason = Annotated[str, strawberry.argument(description="Why, in a few words; kept in the history")]
Note = Annotated[str | None, strawberry.argument(description="A remark kept in the history with the change")]
