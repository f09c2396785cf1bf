"""The published contracts: AsyncAPI documents the AsyncAPI parser accepts, GraphQL and event schemas as
committed, and no breaking change without its line in contracts/intended-changes.txt."""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from shared.devstack.contracts import event_breaking_changes

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = sorted((ROOT / "deploy" / "asyncapi").glob("*.json"))


def test_the_asyncapi_documents_parse_with_no_error() -> None:
    result = subprocess.run(
        ["node", str(ROOT / "contracts" / "asyncapi.mjs"), *map(str, DOCUMENTS)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count(": valid") == len(DOCUMENTS) == 3
    assert "warning" not in result.stdout


def test_the_committed_contracts_are_the_code_s() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "shared.devstack", "contracts", "check"], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "GraphQL contract: as committed" in result.stdout


def test_a_breaking_graphql_change_is_refused_unless_intended(tmp_path: Path) -> None:
    committed, current = tmp_path / "committed", tmp_path / "current"
    shutil.copytree(ROOT / "contracts" / "graphql", committed)
    current.mkdir()
    schema = (committed / "schema.graphql").read_text()
    field = re.search(r'  """\n[^"]*"""\n  pcmRef: String!\n', schema)  # the field with its description
    assert field is not None
    (current / "schema.graphql").write_text(schema.replace(field.group(0), "", 1))
    check = subprocess.run(
        ["node", str(ROOT / "contracts" / "graphql.mjs"), "check", str(current), str(committed)],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 1
    assert "BREAKING: FIELD_REMOVED: " in check.stdout and "pcmRef was removed" in check.stdout
    added = schema.replace("type Query {", 'type Query {\n  """Answers true"""\n  ping: Boolean\n', 1)
    (current / "schema.graphql").write_text(added)
    check = subprocess.run(
        ["node", str(ROOT / "contracts" / "graphql.mjs"), "check", str(current), str(committed)],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 1 and "BREAKING" not in check.stdout and "behind the code" in check.stderr


def test_every_element_of_the_schema_is_described(tmp_path: Path) -> None:
    schema = (ROOT / "contracts" / "graphql" / "schema.graphql").read_text()
    described = subprocess.run(
        [
            "node",
            str(ROOT / "contracts" / "graphql.mjs"),
            "undescribed",
            str(ROOT / "contracts" / "graphql" / "schema.graphql"),
        ],
        capture_output=True,
        text=True,
    )
    assert described.returncode == 0 and "0 undescribed" in described.stderr, described.stdout
    current = tmp_path / "current"
    current.mkdir()
    (current / "schema.graphql").write_text(
        schema.replace("type Query {", "type Query {\n  ping(times: Int): Boolean\n", 1)
    )
    check = subprocess.run(
        ["node", str(ROOT / "contracts" / "graphql.mjs"), "check", str(current)], capture_output=True, text=True
    )
    assert check.returncode == 1
    assert "undescribed: field Query.ping" in check.stderr and "undescribed: argument Query.ping(times)" in check.stderr


def test_breaking_event_changes_are_found() -> None:
    before = json.loads((ROOT / "deploy" / "asyncapi" / "menu.json").read_text())
    after = copy.deepcopy(before)
    assert event_breaking_changes(before, after) == []
    state = after["components"]["schemas"]["ActivityState"]
    state["properties"]["title"]["description"] = "a new description"  # not breaking
    del state["properties"]["pcmRef"]
    state["properties"]["version"] = {"type": "string"}
    after["components"]["schemas"]["ActivityLevel"]["enum"].remove("EXECUTIVE")
    after["components"]["schemas"]["ActivityState"]["properties"]["newField"] = {"type": "string"}  # additive
    state["required"] = [f for f in state["required"] if f != "title"]
    assert sorted(event_breaking_changes(before, after)) == [
        "EVENT_ENUM_VALUE_REMOVED: ActivityLevel.EXECUTIVE",
        "EVENT_FIELD_CHANGED_TYPE: ActivityState.version",
        "EVENT_FIELD_NO_LONGER_REQUIRED: ActivityState.title",
        "EVENT_FIELD_REMOVED: ActivityState.pcmRef",
    ]
    del after["channels"]["menu.occurrence.v1"]
    assert "EVENT_TOPIC_REMOVED: menu.occurrence.v1" in event_breaking_changes(before, after)
