"""Menu test fixtures: the service in-process on its own migrated database and the session broker."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import date, timedelta
from typing import Any

import pytest

from menu.app import SERVICE
from menu.partners.repository import known_partners
from menu.providers.rules import ProviderDetails, ProviderKind
from menu.providers.seed import seed_providers
from menu.providers.use_cases import register_provider
from shared.runtime import ServiceRuntime
from shared.testing.harness import ServiceHarness, eventually, service_under_test
from shared.testing.kafka import publish_partner

_numbers = itertools.count(1)

ACTIVITY_FIELDS = "id pcmRef title status version frameworks eligiblePartners languages area { code name }"
OCCURRENCE_FIELDS = (
    "id status version startDate endDate seats { total } quotaPerPartner registrationDeadline cancellationReason"
)


# The partners tests name, as programmes would have published them (the menu keeps a copy).
PARTNERS = {"GEO": "PFP", "UKR": "PFP", "JOR": "MD", "AUS": "PATG", "QAT": "ICI"}


@pytest.fixture(scope="session")
async def menu(postgres, broker, topic_prefix, identity) -> AsyncIterator[ServiceHarness]:  # type: ignore[no-untyped-def]
    async with service_under_test(
        SERVICE, postgres, broker.bootstrap_servers, topic_prefix, identity.issuer
    ) as harness:
        for iso, framework in PARTNERS.items():
            await publish_partner(
                broker.bootstrap_servers, harness.settings.topic("programmes.partner.v1"), iso, framework=framework
            )

        async def all_known() -> bool:
            async with harness.runtime.sessionmaker() as session:
                return not await known_partners(session).unknown(list(PARTNERS))

        await eventually(all_known)
        await register_test_providers(harness.runtime)
        yield harness


async def register_test_providers(runtime: ServiceRuntime) -> None:
    """The seed's providers, and TST: the provider of the tests' own activities (`activity_input`)."""
    await seed_providers(runtime)
    async with runtime.sessionmaker() as session:
        uow = runtime.unit_of_work(session)
        await register_provider(
            uow, "TST", ProviderDetails(name="NATO School Oberammergau", kind=ProviderKind.NATO_BODY, country="DEU")
        )
        await uow.commit()


def activity_input(**overrides: Any) -> dict[str, Any]:
    """A valid createActivity input with a pcmRef no other test uses."""
    unique = f"{next(_numbers)}{uuid.uuid4().int % 10_000:04d}"
    values = {
        "pcmRef": f"TST.{unique[:6]}",
        "title": f"Cyber Defence Fundamentals Course {unique}",
        "description": "Incident handling and threat intelligence for partner staff.",
        "areaCode": "CYB",
        "kind": "COURSE",
        "providerKind": "NATO_BODY",
        "providerName": "NATO School Oberammergau",
        "level": "BASIC",
        "languages": ["en"],
        "frameworks": ["PFP"],
        "eligiblePartners": [],
        "tags": ["cyber"],
    }
    values.update(overrides)
    return values


def occurrence_input(days_ahead: int = 60, length: int = 5, **overrides: Any) -> dict[str, Any]:
    start = date.today() + timedelta(days=days_ahead)
    values = {
        "startDate": start.isoformat(),
        "endDate": (start + timedelta(days=length - 1)).isoformat(),
        "location": "Oberammergau",
        "host": "NATO School Oberammergau",
        "seats": 24,
        "registrationDeadline": (start - timedelta(days=14)).isoformat(),
    }
    values.update(overrides)
    return values


CreateActivity = Callable[..., Awaitable[dict[str, Any]]]


@pytest.fixture
def create_activity(menu: ServiceHarness) -> CreateActivity:
    async def create(publish: bool = False, **overrides: Any) -> dict[str, Any]:
        result = await menu.graphql(
            f"mutation($input: ActivityInput!) {{ createActivity(input: $input) {{ {ACTIVITY_FIELDS} }} }}",
            {"input": activity_input(**overrides)},
        )
        activity = result.ok()["createActivity"]
        if publish:
            result = await menu.graphql(
                f"mutation($id: ID!) {{ publishActivity(id: $id) {{ {ACTIVITY_FIELDS} }} }}", {"id": activity["id"]}
            )
            activity = result.ok()["publishActivity"]
        return activity

    return create


@pytest.fixture
def schedule(menu: ServiceHarness) -> Callable[..., Awaitable[dict[str, Any]]]:
    async def schedule_one(activity_id: str, **overrides: Any) -> dict[str, Any]:
        result = await menu.graphql(
            f"mutation($a: ID!, $input: OccurrenceInput!) {{ scheduleOccurrence(activityId: $a, input: $input) "
            f"{{ {OCCURRENCE_FIELDS} }} }}",
            {"a": activity_id, "input": occurrence_input(**overrides)},
        )
        return result.ok()["scheduleOccurrence"]

    return schedule_one


@pytest.fixture
def fields() -> dict[str, str]:
    return {"activity": ACTIVITY_FIELDS, "occurrence": OCCURRENCE_FIELDS}


@pytest.fixture
def make_input() -> Callable[..., dict[str, Any]]:
    return activity_input


@pytest.fixture
def make_occurrence_input() -> Callable[..., dict[str, Any]]:
    return occurrence_input
