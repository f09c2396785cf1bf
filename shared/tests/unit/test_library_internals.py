"""What our wrappers of library internals rely on, by name: an upgrade that moves one fails here, not in
production (shared.graphql.strawberry_internals, shared.events.kafka_internals)."""

from __future__ import annotations

import inspect

import strawberry
from aiokafka import AIOKafkaConsumer
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.protocol.metadata import MetadataRequest
from graphql import GraphQLSchema

from shared.events.kafka_internals import COORDINATOR_TASKS, never_ask_to_create_topics
from shared.graphql.strawberry_internals import DEFINITION, graphql_schema, python_name, resolve_info


@strawberry.type
class Query:
    @strawberry.field
    def seen(self, info: strawberry.Info) -> str:
        raw = resolve_info(info)  # graphql-core's (strawberry wraps it in a class of its own)
        assert raw.fragments == {} and raw.schema is not None
        return ",".join(node.name.value for node in raw.field_nodes)

    plain_name: str = "x"


def test_strawberry_keeps_graphql_cores_schema_resolve_info_and_its_field_definition() -> None:
    schema = strawberry.Schema(query=Query)
    core = graphql_schema(schema)
    assert isinstance(core, GraphQLSchema)
    field = core.get_type("Query").fields["plainName"]  # type: ignore[union-attr]  # Query is an object type
    assert DEFINITION in field.extensions and python_name(field) == "plain_name"
    assert schema.execute_sync("{ seen }").data == {"seen": "seen"}


def test_aiokafka_metadata_requests_take_the_auto_creation_flag_we_turn_off() -> None:
    assert "allow_auto_topic_creation" in inspect.signature(MetadataRequest.__init__).parameters
    never_ask_to_create_topics()
    never_ask_to_create_topics()  # idempotent: one patch however often the module is loaded
    request = MetadataRequest(["t"])
    assert request._allow_auto_topic_creation is False  # what build() sends to brokers of API version 4 and on


async def test_aiokafka_clients_hold_the_client_and_coordinator_we_reach_into() -> None:
    consumer = AIOKafkaConsumer(bootstrap_servers="127.0.0.1:1")
    admin = AIOKafkaAdminClient(bootstrap_servers="127.0.0.1:1")
    assert callable(consumer._client.force_metadata_update) and hasattr(consumer._client, "_sync_task")
    assert callable(admin._client.cluster.brokers)
    assert {"_heartbeat_task", "_coordination_task", "_commit_refresh_task"} == set(COORDINATOR_TASKS)
    await admin.close()
