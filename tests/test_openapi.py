"""Each service's REST endpoints honour their own OpenAPI document (schemathesis, against the running services).

schemathesis' pytest integration does not run under pytest 9 yet, so the operations are
driven through hypothesis directly.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from .conftest import System


@pytest.mark.parametrize("service", ["menu", "programmes", "capacity"])
def test_rest_endpoints_conform_to_their_openapi_document(system: System, service: str) -> None:
    schema = schemathesis.openapi.from_url(f"{system.services[service]}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]  # Err fails the test
    assert {op.path for op in operations} >= {"/healthz", "/readyz", "/metrics"}
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=5, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def conforms(case) -> None:  # type: ignore[no-untyped-def]
            case.call_and_validate()

        conforms()
