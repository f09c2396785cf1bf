"""Programmes test fixtures: the service in-process with the reference partners, and menu's activity
events published as the menu would."""

from __future__ import annotations

import itertools
import random
import string
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest

from programmes.app import SERVICE
from programmes.partners.repository import PartnerRepository
from programmes.partners.rules import PartnerDetails
from programmes.partners.seed import seed_partners
from programmes.partners.use_cases import register_partner
from programmes.programmes.rules import ProgrammeType, two_years_from
from shared.events.envelope import DomainEvent
from shared.frameworks import Framework
from shared.testing.harness import ServiceHarness, eventually, service_under_test
from shared.testing.kafka import publish_as

_refs = itertools.count(1)
PROGRAMME_FIELDS = "id type status revision version periodStart periodEnd title"


@pytest.fixture(scope="session")
async def programmes(postgres, broker, topic_prefix, identity) -> AsyncIterator[ServiceHarness]:  # type: ignore[no-untyped-def]
    async with service_under_test(
        SERVICE, postgres, broker.bootstrap_servers, topic_prefix, identity.issuer
    ) as harness:
        await seed_partners(harness.runtime)
        yield harness


PublishActivity = Callable[..., Awaitable[dict[str, Any]]]


@pytest.fixture
def menu_activity(programmes: ServiceHarness) -> PublishActivity:
    """Publishes a menu.activity.* event as the menu does, and waits until programmes has applied it."""

    async def publish(
        activity_id: str | None = None,
        *,
        status: str = "PUBLISHED",
        version: int = 2,
        frameworks: list[str] | None = None,
        eligible: list[str] | None = None,
        verb: str = "published",
        reason: str | None = None,
        wait: bool = True,
        wps_marker: str = "NOT_TARGETED",
    ) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": activity_id or str(uuid.uuid4()),
            "pcmRef": f"TST.{next(_refs)}",
            "title": "Crisis Course",
            "description": "d",
            "areaCode": "CRM",
            "kind": "COURSE",
            "providerKind": "NATO_BODY",
            "providerName": "NSO",
            "level": "BASIC",
            "languages": ["en"],
            "feeEur": None,
            "contactName": None,
            "contactEmail": None,
            "frameworks": frameworks if frameworks is not None else ["PFP"],
            "eligiblePartners": eligible or [],
            "tags": [],
            "wpsMarker": wps_marker,
            "status": status,
            "withdrawalReason": reason,
            "version": version,
            "updatedAt": datetime.now(UTC).isoformat(),
        }
        await publish_as(
            programmes.settings.kafka_bootstrap_servers,
            programmes.settings.topic("menu.activity.v1"),
            DomainEvent("menu.activity.v1", f"menu.activity.{verb}", data["id"], data),
            "/partnership-hub/menu",
        )
        if wait:
            await eventually(lambda: _known(programmes, data["id"], version))
        return data

    return publish


async def _known(programmes: ServiceHarness, activity_id: str, version: int) -> bool:
    from sqlalchemy import text

    async with programmes.runtime.sessionmaker() as session:
        found = await session.scalar(text("SELECT version FROM known_activity WHERE id = :id"), {"id": activity_id})
    return found is not None and found >= version


ALL_TOOLS = ("IPCP", "ITPP", "IPAP", "PARP", "OCC", "DEEP", "PDP", "PAP_DIB", "BI", "PAP_T")


@pytest.fixture
def partner(programmes: ServiceHarness) -> Callable[..., Awaitable[str]]:
    """A partner of its own for a test (registered through the use case), taking part in every tool unless
    told otherwise: tests that prepare programmes do not meet each other's editions."""

    async def register(framework: str = "PFP", tools: tuple[str, ...] = ALL_TOOLS, suspended: bool = False) -> str:
        async with programmes.runtime.sessionmaker() as session:
            while True:
                iso = "".join(random.choice(string.ascii_uppercase) for _ in range(3))
                if await PartnerRepository(session).get(iso) is None:
                    break
            uow = programmes.runtime.unit_of_work(session)
            await register_partner(
                uow,
                PartnerDetails(
                    iso=iso,
                    name=f"Testland {iso}",
                    framework=Framework(framework),
                    suspended=suspended,
                    tools=[ProgrammeType(t) for t in tools],
                ),
            )
            await uow.commit()
        return iso

    return register


@pytest.fixture
def create_programme(programmes: ServiceHarness) -> Callable[..., Awaitable[dict[str, Any]]]:
    async def create(
        partner: str, type: str = "IPCP", start: date = date(2027, 1, 1), end: date | None = None, **extra: Any
    ) -> dict[str, Any]:
        end = end or two_years_from(start)
        result = await programmes.graphql(
            f"mutation($i: ProgrammeInput!) {{ createProgramme(input: $i) {{ {PROGRAMME_FIELDS} }} }}",
            {
                "i": {
                    "partnerIso": partner,
                    "type": type,
                    "title": f"{partner} {type}",
                    "periodStart": start.isoformat(),
                    "periodEnd": end.isoformat(),
                    **extra,
                }
            },
        )
        return result.ok()["createProgramme"]

    return create


STEPS = {
    "SUBMITTED": "submitProgramme",
    "IN_NEGOTIATION": "startProgrammeNegotiation",
    "APPROVED": "approveProgramme",
    "IMPLEMENTING": "startProgrammeImplementation",
    "COMPLETED": "completeProgramme",
}


@pytest.fixture
def advance(programmes: ServiceHarness) -> Callable[..., Awaitable[dict[str, Any]]]:
    """Walks a programme forward through the lifecycle to `status`."""

    async def walk(programme: dict[str, Any], status: str) -> dict[str, Any]:
        order = list(STEPS)
        current = programme
        begin = order.index(current["status"]) + 1 if current["status"] in order else 0
        for step in order[begin : order.index(status) + 1]:
            name = STEPS[step]
            result = await programmes.graphql(
                f"mutation($id: ID!) {{ {name}(id: $id) {{ {PROGRAMME_FIELDS} }} }}", {"id": current["id"]}
            )
            current = result.ok()[name]
        return current

    return walk
