"""Settings every service reads: its own prefixed variables plus the common Kafka ones."""

from __future__ import annotations

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class ServiceSettings(BaseSettings):
    """Subclass per service with `model_config = service_config("MENU_")`."""

    model_config = SettingsConfigDict(extra="ignore")

    service_name: str = "service"
    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:55432/postgres"
    host: str = "127.0.0.1"
    port: int = 8000
    # Common to all services, so read without the service prefix.
    kafka_bootstrap_servers: str = Field(
        default="127.0.0.1:9092",
        validation_alias=AliasChoices("KAFKA_BOOTSTRAP_SERVERS", "kafka_bootstrap_servers"),
    )
    # On for Apache Kafka; off for Tansu, whose InitProducerId fails from aiokafka.
    kafka_enable_idempotence: bool = Field(
        default=False,
        validation_alias=AliasChoices("KAFKA_ENABLE_IDEMPOTENCE", "kafka_enable_idempotence"),
    )
    # How long a fetch may wait for new events. Apache Kafka answers a waiting fetch as soon as an event
    # arrives; the embedded broker (Tansu) waits out the whole time, so this bounds how far a read
    # model lags behind its owner (measured: 500 ms gave ~155 ms p50, 25 ms gives ~15 ms).
    kafka_fetch_max_wait_ms: int = Field(
        default=25, validation_alias=AliasChoices("KAFKA_FETCH_MAX_WAIT_MS", "kafka_fetch_max_wait_ms"))
    # Topic names get this prefix, so tests can give each run its own topics.
    topic_prefix: str = ""
    outbox_sweep_seconds: float = 2.0
    outbox_batch_size: int = 500
    # Sent events are kept a while for inspection, processed-event ids as long as the topics keep
    # events (a redelivery older than that cannot happen).
    outbox_retention_days: int = 7
    processed_retention_days: int = 30
    consumer_max_attempts: int = 3
    run_background_workers: bool = True
    graphiql: bool = True
    log_level: str = "INFO"

    def topic(self, name: str) -> str:
        return f"{self.topic_prefix}{name}"


def service_config(prefix: str) -> SettingsConfigDict:
    return SettingsConfigDict(env_prefix=prefix, extra="ignore")
