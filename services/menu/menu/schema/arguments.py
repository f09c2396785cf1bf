"""Arguments several menu fields take: a search and an activity order."""

from __future__ import annotations

from typing import Annotated

import strawberry

from menu.schema.inputs import ActivityOrderBy, EligibleActivityFilter
from shared.domain_text import plain
from shared.errors import BadUserInput

MAX_SEARCH = 200


def checked_search(search: str | None) -> str | None:
    """Full-text words, or the start of a menu reference ("NSO.99")."""
    if search is None:
        return None
    search = plain(search.strip(), "search") or None
    if search and len(search) > MAX_SEARCH:
        raise BadUserInput(f"search is longer than {MAX_SEARCH} characters", field="search")
    return search


Search = Annotated[
    str | None,
    strawberry.argument(
        description=f"Full-text words, all of which must match title or description, or the start of a pcmRef such as "
        f"NSO.99; at most {MAX_SEARCH} characters"
    ),
]
OrderByArgument = Annotated[
    ActivityOrderBy | None, strawberry.argument(description="The order; by title, ascending, when omitted")
]
EligibleFilterArgument = Annotated[
    EligibleActivityFilter | None,
    strawberry.argument(description="Which activities; all those open to the partner when omitted"),
]
