"""Settings every service reads: its own prefixed variables plus the common Kafka ones."""

from __future__ import annotations

from typing import Literal
from urllib.parse import urlsplit

from pydantic import AliasChoices, Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEV_ISSUER = "http://127.0.0.1:4444"
DEV_GATEWAY_SECRET = "dev-gateway-secret"
DEV_REALM = "/realms/partnership-hub-dev"


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
        default=25, validation_alias=AliasChoices("KAFKA_FETCH_MAX_WAIT_MS", "kafka_fetch_max_wait_ms")
    )
    # How clients reach the cluster: PLAINTEXT (the embedded broker), SSL, SASL_PLAINTEXT or SASL_SSL;
    # SASL by PLAIN or SCRAM with a username and password; TLS with a CA file (and a client certificate
    # and key for mutual TLS).
    kafka_security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = Field(
        default="PLAINTEXT", validation_alias=AliasChoices("KAFKA_SECURITY_PROTOCOL", "kafka_security_protocol")
    )
    kafka_sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] = Field(
        default="SCRAM-SHA-512", validation_alias=AliasChoices("KAFKA_SASL_MECHANISM", "kafka_sasl_mechanism")
    )
    kafka_sasl_username: str = Field(
        default="", validation_alias=AliasChoices("KAFKA_SASL_USERNAME", "kafka_sasl_username")
    )
    kafka_sasl_password: SecretStr = Field(
        default=SecretStr(""), validation_alias=AliasChoices("KAFKA_SASL_PASSWORD", "kafka_sasl_password")
    )
    kafka_ssl_cafile: str = Field(default="", validation_alias=AliasChoices("KAFKA_SSL_CAFILE", "kafka_ssl_cafile"))
    kafka_ssl_certfile: str = Field(
        default="", validation_alias=AliasChoices("KAFKA_SSL_CERTFILE", "kafka_ssl_certfile")
    )
    kafka_ssl_keyfile: str = Field(default="", validation_alias=AliasChoices("KAFKA_SSL_KEYFILE", "kafka_ssl_keyfile"))
    # Sign-in: any OpenID Connect issuer (discovery and JWKS), the audience our tokens carry, and where in
    # them the roles are (`roles`; Keycloak: `realm_access.roles`).
    oidc_issuer_url: str = Field(
        default=DEV_ISSUER, validation_alias=AliasChoices("OIDC_ISSUER_URL", "oidc_issuer_url")
    )
    oidc_audience: str = Field(
        default="partnership-hub", validation_alias=AliasChoices("OIDC_AUDIENCE", "oidc_audience")
    )
    oidc_roles_claim: str = Field(
        default="roles", validation_alias=AliasChoices("OIDC_ROLES_CLAIM", "oidc_roles_claim")
    )
    # Subgraphs answer only the gateway, which sends one of these in X-Hub-Gateway-Secret (two during a
    # rotation: the new one is added everywhere, the gateway switches, the old one is removed).
    gateway_secrets: str = Field(
        default=DEV_GATEWAY_SECRET, validation_alias=AliasChoices("HUB_GATEWAY_SECRETS", "gateway_secrets")
    )
    # `production` turns introspection and GraphiQL off and refuses development settings.
    profile: str = Field(default="development", validation_alias=AliasChoices("HUB_PROFILE", "profile"))
    # Topic names get this prefix, so tests can give each run its own topics.
    topic_prefix: str = ""
    outbox_sweep_seconds: float = 2.0
    outbox_batch_size: int = 500
    # Sent events are kept a while for inspection, processed-event ids as long as the topics keep
    # events (a redelivery older than that cannot happen).
    outbox_retention_days: int = 7
    processed_retention_days: int = 30
    consumer_max_attempts: int = 3
    # A consumer with lag that applies nothing this long (or whose loop is stuck in a call) is restarted.
    consumer_stall_seconds: float = Field(
        default=60.0, validation_alias=AliasChoices("CONSUMER_STALL_SECONDS", "consumer_stall_seconds")
    )
    run_background_workers: bool = True
    graphiql: bool = True
    # Prometheus metrics on a port of their own (0: on the service's port, as on a laptop), so a
    # NetworkPolicy can admit the monitoring namespace to them alone.
    metrics_port: int = 0
    log_level: str = "INFO"
    log_format: Literal["json", "text"] = "json"  # JSON lines for collectors; text for a person reading

    @model_validator(mode="after")
    def _kafka_security_is_whole(self) -> ServiceSettings:
        if self.kafka_security_protocol.startswith("SASL_") and not (
            self.kafka_sasl_username and self.kafka_sasl_password.get_secret_value()
        ):
            raise ValueError(
                f"KAFKA_SECURITY_PROTOCOL={self.kafka_security_protocol} needs KAFKA_SASL_USERNAME "
                "and KAFKA_SASL_PASSWORD"
            )
        if bool(self.kafka_ssl_certfile) != bool(self.kafka_ssl_keyfile):
            raise ValueError("KAFKA_SSL_CERTFILE and KAFKA_SSL_KEYFILE go together (mutual TLS)")
        return self

    def topic(self, name: str) -> str:
        return f"{self.topic_prefix}{name}"

    @property
    def accepted_gateway_secrets(self) -> frozenset[str]:
        return frozenset(s.strip() for s in self.gateway_secrets.split(",") if s.strip())

    @property
    def production(self) -> bool:
        return self.profile == "production"

    def check_production(self) -> None:
        """The production profile refuses what only development may use."""
        if not self.production:
            return
        problems = []
        if DEV_GATEWAY_SECRET in self.accepted_gateway_secrets or not self.accepted_gateway_secrets:
            problems.append("HUB_GATEWAY_SECRETS is empty or the development secret")
        host = urlsplit(self.oidc_issuer_url).hostname or ""
        if self.oidc_issuer_url.rstrip("/") == DEV_ISSUER or host in ("127.0.0.1", "localhost", "::1"):
            problems.append("OIDC_ISSUER_URL is the development identity provider")
        if DEV_REALM in self.oidc_issuer_url:
            problems.append("OIDC_ISSUER_URL names the development realm")
        if problems:
            raise RuntimeError("the production profile refuses to start: " + "; ".join(problems))


def service_config(prefix: str) -> SettingsConfigDict:
    return SettingsConfigDict(env_prefix=prefix, extra="ignore")
