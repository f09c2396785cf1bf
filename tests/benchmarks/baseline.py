"""The hand-written endpoint the list query is measured against (`make bench`).

The same statement as the menu's `activities(first: N)` for a caller who sees every published
activity, run by asyncpg on the same database, and the same JSON, byte for byte, written by
orjson: no GraphQL, no authentication, no ORM. One uvicorn worker, like a service.

    .venv/bin/python tests/benchmarks/baseline.py PORT DATABASE_URL
"""

from __future__ import annotations

import sys

import asyncpg
import orjson
import uvicorn

SQL = (
    "SELECT id, pcm_ref, title, kind, status, level, languages FROM activity "
    "WHERE status = ANY($1) ORDER BY title, id LIMIT $2"
)  # one more than asked, as a page does


class Baseline:
    def __init__(self, database_url: str) -> None:
        self.database_url = database_url
        self.pool: asyncpg.Pool | None = None

    async def __call__(self, scope: dict, receive, send) -> None:  # type: ignore[no-untyped-def, type-arg]
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    self.pool = await asyncpg.create_pool(self.database_url, min_size=2, max_size=10)
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await self.pool.close()  # type: ignore[union-attr]
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        first = int(scope["query_string"].decode().partition("first=")[2] or 20)
        rows = await self.pool.fetch(SQL, ["PUBLISHED"], first + 1)  # type: ignore[union-attr]
        body = orjson.dumps(
            {
                "data": {
                    "activities": {
                        "edges": [
                            {
                                "node": {
                                    "id": str(r["id"]),
                                    "pcmRef": r["pcm_ref"],
                                    "title": r["title"],
                                    "kind": r["kind"],
                                    "status": r["status"],
                                    "level": r["level"],
                                    "languages": r["languages"],
                                }
                            }
                            for r in rows[:first]
                        ]
                    }
                }
            }
        )
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
            }
        )
        await send({"type": "http.response.body", "body": body})


if __name__ == "__main__":
    uvicorn.run(Baseline(sys.argv[2]), host="127.0.0.1", port=int(sys.argv[1]), log_level="warning", access_log=False)
