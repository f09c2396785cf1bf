"""What operators deploy matches the code: docker-compose.yml, Dockerfiles, topics, event catalogue.

CI has no Docker engine, so the compose file is checked by reading it.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SERVICES = {"menu": 8001, "programmes": 8002, "capacity": 8003}
COMMON_ENV = {"KAFKA_BOOTSTRAP_SERVERS", "KAFKA_ENABLE_IDEMPOTENCE", "KAFKA_FETCH_MAX_WAIT_MS"}


def compose() -> dict:  # type: ignore[type-arg]
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def settings_fields(service: str) -> set[str]:
    module = __import__(f"{service}.settings", fromlist=["x"])
    settings = next(v for k, v in vars(module).items() if k.endswith("Settings") and k != "ServiceSettings")
    return {f"{service.upper()}_{name.upper()}" for name in settings.model_fields}


def test_every_service_of_the_system_is_in_the_compose_file() -> None:
    services = compose()["services"]
    assert {"postgres", "kafka", "topics", "gateway", *SERVICES} <= set(services)
    assert services["kafka"]["image"].startswith("apache/kafka:")
    assert services["kafka"]["environment"]["KAFKA_PROCESS_ROLES"] == "broker,controller"


def test_build_contexts_dockerfiles_and_their_sources_exist() -> None:
    for name, service in compose()["services"].items():
        build = service.get("build")
        if not build:
            continue
        context = ROOT / build["context"]
        dockerfile = context / build["dockerfile"]
        assert dockerfile.is_file(), name
        args = build.get("args", {})
        if "SERVICE" in args:
            assert (ROOT / "services" / args["SERVICE"] / "pyproject.toml").is_file(), name
        for source in re.findall(r"^COPY (?!--from)(.+) \S+$", dockerfile.read_text(), re.M):
            for path in source.split():
                path = path.replace("${SERVICE}", args.get("SERVICE", "menu"))
                assert (context / path).exists(), f"{dockerfile.name} copies {path}, which does not exist"


def test_environment_variables_are_ones_the_code_reads() -> None:
    services = compose()["services"]
    for name, port in SERVICES.items():
        env = services[name]["environment"]
        known = settings_fields(name) | COMMON_ENV
        assert set(env) <= known, f"{name}: {set(env) - known} are read by nothing"
        assert f"{name.upper()}_DATABASE_URL" in env
        assert env["KAFKA_ENABLE_IDEMPOTENCE"] == "true"  # on for Apache Kafka
        assert int(env[f"{name.upper()}_PORT"]) == port
        assert services[name]["ports"] == [f"{port}:{port}"]
    gateway_config = (ROOT / "gateway" / "gateway.config.ts").read_text()
    for variable in services["gateway"]["environment"]:
        assert variable in gateway_config


def test_the_gateway_image_composes_from_every_service() -> None:
    gateway = compose()["services"]["gateway"]
    for name, port in SERVICES.items():
        assert gateway["build"]["args"][f"{name.upper()}_URL"] == f"http://{name}:{port}/graphql"


def test_every_topic_a_service_publishes_is_created_by_the_stack() -> None:
    created = (ROOT / "deploy" / "create-topics.sh").read_text()
    declared = {t["name"] for t in yaml.safe_load((ROOT / "deploy" / "topics.yaml").read_text())["topics"]}
    for name in SERVICES:
        catalogue = json.loads((ROOT / "deploy" / "asyncapi" / f"{name}.json").read_text())
        for topic in catalogue["channels"]:
            assert topic in created and topic in declared


def test_the_published_event_catalogue_is_the_one_the_code_declares() -> None:
    for name in SERVICES:
        current = subprocess.run([sys.executable, "-m", name, "asyncapi"], check=True, capture_output=True,
                                 text=True).stdout
        committed = (ROOT / "deploy" / "asyncapi" / f"{name}.json").read_text()
        assert json.loads(current) == json.loads(committed), (
            f"deploy/asyncapi/{name}.json is stale: python -m {name} asyncapi > deploy/asyncapi/{name}.json")


def test_the_contracts_consumers_rely_on_are_what_the_owners_publish() -> None:
    from capacity.app import SERVICE as CAPACITY
    from menu.app import SERVICE as MENU
    from programmes.app import SERVICE as PROGRAMMES
    from shared.events import contracts

    owners = {s.name: s.catalogue for s in (MENU, PROGRAMMES, CAPACITY)}
    declared = [c for c in vars(contracts).values() if isinstance(c, contracts.TopicContract)]
    assert declared
    for contract in declared:
        catalogue = owners[contract.owner]
        assert catalogue.source == contract.source
        assert tuple(catalogue.topics[contract.topic].event_types) == contract.types, contract.topic
