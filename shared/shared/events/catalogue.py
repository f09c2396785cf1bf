"""The event catalogue: topics, event types and their data schemas, declared once per service.

The builders services use to make events and the JSON Schemas and AsyncAPI document
published for subscribers come from the same declaration, so they cannot drift.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from shared.events.envelope import REQUESTED, RESTATEMENT_VERBS, DomainEvent
from shared.events.heal import StateRequest, requests_topic

COMPONENT_REF = "#/components/schemas/{model}"


@dataclass
class TopicSpec:
    service: str
    name: str
    aggregate: str
    data: type[BaseModel]
    verbs: tuple[str, ...]
    description: str
    # Data fields (camelCase) that are personal: kept out of the aggregate's history (shared.events.history).
    private: tuple[str, ...] = ()

    def event_type(self, verb: str) -> str:
        if verb not in self.verbs:
            raise ValueError(f"{verb!r} is not an event of {self.name}")
        return f"{self.service}.{self.aggregate}.{verb}"

    @property
    def event_types(self) -> list[str]:
        return [self.event_type(verb) for verb in self.verbs]

    def event(self, verb: str, state: BaseModel, key: object) -> DomainEvent:
        return DomainEvent(
            topic=self.name, type=self.event_type(verb), key=str(key), data=state.model_dump(mode="json", by_alias=True)
        )

    def json_schema(self) -> dict[str, Any]:
        """The data's schema, whole: its definitions under its own `$defs`."""
        return self.data.model_json_schema(by_alias=True, mode="serialization")

    def component_schemas(self) -> dict[str, Any]:
        """The data's schema and each definition it uses, as AsyncAPI components referring to each other
        (`#/components/schemas/X`), since a document's `$defs` mean nothing once placed under components."""
        schema = self.data.model_json_schema(by_alias=True, mode="serialization", ref_template=COMPONENT_REF)
        definitions = schema.pop("$defs", {})
        return {self.data.__name__: schema, **definitions}


@dataclass
class EventCatalogue:
    service: str
    topics: dict[str, TopicSpec] = field(default_factory=dict)

    @property
    def source(self) -> str:
        return f"/partnership-hub/{self.service}"

    def topic(
        self,
        name: str,
        aggregate: str,
        data: type[BaseModel],
        verbs: list[str],
        description: str,
        private: tuple[str, ...] = (),
    ) -> TopicSpec:
        # Every topic can be told again from the owner's state: a snapshot (shared.events.republish), and an
        # authoritative state, the owner's answer to a copy that missed versions (shared.events.heal).
        spec = TopicSpec(self.service, name, aggregate, data, (*verbs, *RESTATEMENT_VERBS), description, private)
        unknown = set(private) - set(spec.json_schema()["properties"])
        if unknown:
            raise ValueError(f"{name} marks as private fields its data does not have: {sorted(unknown)}")
        self.topics[name] = spec
        return spec

    def private_fields(self) -> dict[str, tuple[str, ...]]:
        return {name: spec.private for name, spec in self.topics.items() if spec.private}

    def schema_for(self, event_type: str) -> dict[str, Any]:
        for spec in self.topics.values():
            if event_type in spec.event_types:
                return spec.json_schema()
        raise KeyError(event_type)


def asyncapi_document(catalogues: list[EventCatalogue]) -> dict[str, Any]:
    """AsyncAPI 3.0: one channel per topic, one message per event type, CloudEvents headers."""
    headers_schema = {
        "type": "object",
        "required": ["ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time", "content-type"],
        "properties": {
            "ce_specversion": {"type": "string", "const": "1.0"},
            "ce_id": {"type": "string", "format": "uuid"},
            "ce_source": {"type": "string"},
            "ce_type": {"type": "string"},
            "ce_time": {"type": "string", "format": "date-time"},
            "content-type": {"type": "string", "const": "application/json"},
            "ce_actor": {"type": "string", "description": "who caused the change"},
            "ce_traceparent": {"type": "string", "description": "W3C trace context"},
            "ce_ownerepoch": {
                "type": "string",
                "pattern": "^[0-9]+$",
                "description": "the owner's epoch (CloudEvents extension `ownerepoch`): 1 until the "
                "owner is restored from a backup, which starts a new one; order an "
                "aggregate's states by (epoch, version)",
            },
        },
    }
    channels: dict[str, Any] = {}
    operations: dict[str, Any] = {}
    schemas: dict[str, Any] = {}
    for catalogue in catalogues:
        for spec in catalogue.topics.values():
            schema_name = spec.data.__name__
            for name, schema in spec.component_schemas().items():
                if schemas.setdefault(name, schema) != schema:
                    raise ValueError(f"two event schemas define {name} differently: rename one")
            messages = {
                event_type.replace(".", "_"): {
                    "name": event_type,
                    "title": event_type,
                    "contentType": "application/json",
                    "headers": headers_schema,
                    "payload": {"$ref": f"#/components/schemas/{schema_name}"},
                    "bindings": {"kafka": {"key": {"type": "string", "description": "aggregate id"}}},
                }
                for event_type in spec.event_types
            }
            channels[spec.name] = {"address": spec.name, "description": spec.description, "messages": messages}
            operations[f"publish_{spec.name}"] = {
                "action": "send",
                "channel": {"$ref": f"#/channels/{spec.name}"},
                "summary": f"{catalogue.service} publishes every change of a {spec.aggregate}",
            }
        if catalogue.topics:
            requests, request_type = requests_topic(catalogue.service), f"{catalogue.service}.{REQUESTED}"
            schemas.setdefault(StateRequest.__name__, StateRequest.model_json_schema(by_alias=True))
            channels[requests] = {
                "address": requests,
                "description": f"Requests for the state of {catalogue.service}'s aggregates, from a copy that "
                f"skipped versions; {catalogue.service} answers on the aggregate's topic with its "
                "`<aggregate>.state` event",
                "messages": {
                    request_type.replace(".", "_"): {
                        "name": request_type,
                        "title": request_type,
                        "contentType": "application/json",
                        "headers": headers_schema,
                        "payload": {"$ref": f"#/components/schemas/{StateRequest.__name__}"},
                        "bindings": {"kafka": {"key": {"type": "string", "description": "aggregate id"}}},
                    }
                },
            }
            operations[f"answer_{requests}"] = {
                "action": "receive",
                "channel": {"$ref": f"#/channels/{requests}"},
                "summary": f"{catalogue.service} tells the asked aggregate's current state again",
            }
    return {
        "asyncapi": "3.0.0",
        "info": {
            "title": "Partnership Hub events",
            "version": "1.0.0",
            "description": "CloudEvents 1.0 in Kafka binary content mode; key = aggregate id; "
            "data = the aggregate's full new state and its version. Delivery is at least "
            "once: the same event may come twice (after a broker fault), so drop one whose "
            "ce_id you have seen. Versions only grow within an owner epoch, except that an "
            "`<aggregate>.state` event (the owner's authoritative answer to a copy that "
            "skipped versions) states the owner's truth whatever version you hold: take it, "
            "even if it goes back. `<aggregate>.snapshot` restates a state (republish): "
            "nothing changed.",
        },
        "channels": channels,
        "operations": operations,
        "components": {"schemas": schemas},
    }
