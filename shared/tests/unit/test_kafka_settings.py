"""Kafka's TLS and SASL settings reach every client; a half-given setting is refused at start.

Checked here: the options each client is built with, and that aiokafka accepts them. Not checked: a
handshake with a broker that requires TLS or SASL (the embedded broker offers neither)."""

from __future__ import annotations

import ssl
from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient
from pydantic import ValidationError

from shared.events.kafka import connection_options, refusals
from shared.settings import ServiceSettings


def test_plaintext_by_default() -> None:
    assert connection_options(ServiceSettings()) == {
        "bootstrap_servers": "127.0.0.1:9092",
        "security_protocol": "PLAINTEXT",
    }


async def test_sasl_over_tls_reaches_every_client(monkeypatch: pytest.MonkeyPatch) -> None:
    ca = Path(ssl.get_default_verify_paths().cafile or "")
    monkeypatch.setenv("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
    monkeypatch.setenv("KAFKA_SASL_MECHANISM", "SCRAM-SHA-256")
    monkeypatch.setenv("KAFKA_SASL_USERNAME", "partnership-hub-menu")
    monkeypatch.setenv("KAFKA_SASL_PASSWORD", "s3cret")
    if ca.is_file():
        monkeypatch.setenv("KAFKA_SSL_CAFILE", str(ca))
    settings = ServiceSettings()
    options = connection_options(settings)
    assert options["security_protocol"] == "SASL_SSL" and options["sasl_mechanism"] == "SCRAM-SHA-256"
    assert options["sasl_plain_username"] == "partnership-hub-menu" and options["sasl_plain_password"] == "s3cret"
    assert isinstance(options["ssl_context"], ssl.SSLContext)
    assert "s3cret" not in repr(settings)  # the password never shows in a log of the settings
    producer, consumer = AIOKafkaProducer(**options), AIOKafkaConsumer(**options)  # it connects only on start
    AIOKafkaAdminClient(**options)
    assert producer.client._security_protocol == "SASL_SSL" and consumer._client._sasl_mechanism == "SCRAM-SHA-256"


@pytest.mark.parametrize(
    "env",
    [
        {"KAFKA_SECURITY_PROTOCOL": "SASL_PLAINTEXT"},
        {"KAFKA_SECURITY_PROTOCOL": "SASL_SSL", "KAFKA_SASL_USERNAME": "menu"},
        {"KAFKA_SSL_CERTFILE": "/tls/client.crt"},
        {"KAFKA_SECURITY_PROTOCOL": "KERBEROS"},
    ],
)
def test_a_half_given_setting_is_refused(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ValidationError):
        ServiceSettings()


def test_a_create_topics_answer_is_read_for_refusals_which_it_does_not_raise() -> None:
    # (topic, error code[, message]) per topic: 0 made, 36 made by another creator first, others refused.
    answer = [
        ("made", 0, None),
        ("raced", 36, "exists"),
        ("denied", 29, "Authorization failed"),
        ("too-many-replicas", 38),
        ("bad config", 40, ""),
    ]
    assert refusals(answer) == [
        "denied: Authorization failed",
        "too-many-replicas: InvalidReplicationFactorError",
        "bad config: InvalidConfigurationError",
    ]
