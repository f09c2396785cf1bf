"""The published contracts kept in the repository, and the guard on changing them.

- GraphQL: `contracts/graphql/` holds each subgraph's SDL, the supergraph and `schema.graphql`, the schema
  clients see; `contracts/graphql.mjs` compares the code's with it (graphql-js's breaking-change rules).
- Events: `deploy/asyncapi/<service>.json`; `event_breaking_changes` finds what would break a consumer: a
  topic, event type, schema or field removed, a field's type changed, an enum value removed.

`make contracts` records the code's contracts, refusing any breaking change that `contracts/intended-changes.txt`
does not list; `make test` fails when the committed contracts are behind the code or a change breaks them.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from shared.devstack.services import SERVICES, compose_supergraph, export_sdl, repository_root


def intended_changes(root: Path) -> set[str]:
    lines = (root / "contracts" / "intended-changes.txt").read_text().splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def graphql_contract(root: Path, mode: str) -> int:
    """Exports the schemas as the code has them, and checks (or records) them against contracts/graphql/."""
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch)
        with ThreadPoolExecutor(len(SERVICES)) as pool:
            paths = list(pool.map(lambda spec: export_sdl(spec, out), SERVICES))
        subgraphs = [(s.name, f"http://127.0.0.1:{s.port}/graphql", p) for s, p in zip(SERVICES, paths, strict=True)]
        compose_supergraph(subgraphs, out / "supergraph.graphql", public=out / "schema.graphql")
        return subprocess.run(["node", str(root / "contracts" / "graphql.mjs"), mode, scratch]).returncode


def asyncapi_of(service: str) -> dict[str, Any]:
    out = subprocess.run([sys.executable, "-m", service, "asyncapi"], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def event_breaking_changes(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """What in `after` would break a consumer of `before` (two AsyncAPI documents of ours)."""
    changes: list[str] = []
    for topic, channel in before.get("channels", {}).items():
        if topic not in after.get("channels", {}):
            changes.append(f"EVENT_TOPIC_REMOVED: {topic}")
            continue
        kept = {m["name"] for m in after["channels"][topic]["messages"].values()}
        changes += [f"EVENT_TYPE_REMOVED: {m['name']}" for m in channel["messages"].values() if m["name"] not in kept]
    old_schemas, new_schemas = before["components"]["schemas"], after["components"]["schemas"]
    for name, old in old_schemas.items():
        new = new_schemas.get(name)
        if new is None:
            changes.append(f"EVENT_SCHEMA_REMOVED: {name}")
            continue
        changes += [
            f"EVENT_ENUM_VALUE_REMOVED: {name}.{value}"
            for value in old.get("enum", [])
            if value not in new.get("enum", [])
        ]
        no_longer = set(old.get("required", [])) - set(new.get("required", []))
        for field, shape in old.get("properties", {}).items():
            if field not in new.get("properties", {}):
                changes.append(f"EVENT_FIELD_REMOVED: {name}.{field}")
            elif field in no_longer:  # readers counted on it being there
                changes.append(f"EVENT_FIELD_NO_LONGER_REQUIRED: {name}.{field}")
            elif _type_of(shape) != _type_of(new["properties"][field]):
                changes.append(f"EVENT_FIELD_CHANGED_TYPE: {name}.{field}")
    return changes


def _type_of(shape: dict[str, Any]) -> str:
    """A field's type, without its title, description or default (which may change freely)."""

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in ("title", "description", "default", "examples")}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return json.dumps(strip(shape), sort_keys=True)


def events_contract(root: Path, mode: str) -> int:
    intended, failed = intended_changes(root), False
    for spec in SERVICES:
        path = root / "deploy" / "asyncapi" / f"{spec.name}.json"
        current = asyncapi_of(spec.name)
        committed = json.loads(path.read_text()) if path.exists() else None
        breaking = event_breaking_changes(committed, current) if committed else []
        unintended = [change for change in breaking if change not in intended]
        for change in breaking:
            print(f"{'breaking, intended' if change in intended else 'BREAKING'}: {change}")
        if unintended:
            print(
                f"{path.name}: {len(unintended)} breaking change(s) for consumers; if intended, list them in "
                "contracts/intended-changes.txt",
                file=sys.stderr,
            )
            failed = True
        elif mode == "write":
            path.write_text(json.dumps(current, indent=2) + "\n")
        elif committed != current:
            print(f"{path.name} is behind the code: run make contracts and commit it", file=sys.stderr)
            failed = True
    return 1 if failed else 0


def main(mode: str) -> int:
    root = repository_root()
    events = events_contract(root, mode)
    graphql = graphql_contract(root, mode)
    return events or graphql
