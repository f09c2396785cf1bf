"""Provider use cases: register, change, suspend, reinstate, close. They never commit.

A provider's name and kind are copied onto its activities (their reads and events need no join), so a
change of either is copied again in the same transaction and each activity publishes its new state.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from menu.activities.events import activity_event
from menu.activities.repository import ActivityRepository
from menu.providers.access import MANAGE_PROVIDERS, check_edits_provider
from menu.providers.events import provider_event
from menu.providers.models import Provider, ProviderTransition
from menu.providers.repository import ProviderRepository
from menu.providers.rules import ProviderDetails, ProviderStatus, check_code, check_provider, provider_code_of
from shared.db import UnitOfWork
from shared.domain_text import text_field
from shared.errors import BadUserInput, Conflict

STEPS = {"suspended": ProviderStatus.SUSPENDED, "reinstated": ProviderStatus.ACTIVE, "closed": ProviderStatus.CLOSED}


async def register_provider(
    uow: UnitOfWork, code: str, details: ProviderDetails, today: date | None = None
) -> Provider:
    MANAGE_PROVIDERS.require(uow.caller)
    code = check_code(code)
    details = check_provider(details, (today or date.today()).year)
    providers = ProviderRepository(uow.session)
    if await providers.get(code) is not None:
        raise Conflict(f"a provider {code} is already registered", field="code")
    provider = Provider(code=code, status=ProviderStatus.ACTIVE, **asdict(details))
    providers.add(provider)
    providers.add(
        ProviderTransition(
            provider_code=code, from_status=None, to_status=ProviderStatus.ACTIVE, actor=uow.actor, reason=None
        )
    )
    uow.publish(provider_event("registered", provider))
    return provider


async def update_provider(
    uow: UnitOfWork, code: str, changes: dict[str, Any], expected_version: int | None, today: date | None = None
) -> Provider:
    check_edits_provider(uow.caller, code, set(changes))
    provider = await _provider(uow, code, expected_version)
    if provider.status is ProviderStatus.CLOSED:
        raise Conflict(f"provider {provider.code} is closed", currentStatus=provider.status.value)
    current = ProviderDetails(**{name: getattr(provider, name) for name in ProviderDetails.__dataclass_fields__})
    details = check_provider(ProviderDetails(**{**asdict(current), **changes}), (today or date.today()).year)
    for name, value in asdict(details).items():
        setattr(provider, name, value)
    provider.bump()
    uow.publish(provider_event("updated", provider))
    if (details.name, details.kind) != (current.name, current.kind):
        for activity in await ActivityRepository(uow.session).of_provider_for_change(provider.code):
            activity.provider_name, activity.provider_kind = details.name, details.kind
            activity.bump()
            uow.publish(activity_event("updated", activity))
    return provider


async def advance_provider(
    uow: UnitOfWork, code: str, verb: str, reason: str, expected_version: int | None = None
) -> Provider:
    """Suspend, reinstate or close, with a reason kept in its transitions. A suspended or closed provider takes
    no new activities; those it has stay as they are."""
    MANAGE_PROVIDERS.require(uow.caller)
    reason = text_field(reason, "reason", max_length=1000) or ""
    provider = await _provider(uow, code, expected_version)
    previous = provider.move_to(STEPS[verb])
    ProviderRepository(uow.session).add(
        ProviderTransition(
            provider_code=provider.code, from_status=previous, to_status=provider.status, actor=uow.actor, reason=reason
        )
    )
    uow.publish(provider_event(verb, provider))
    return provider


async def provider_taking_activities(uow: UnitOfWork, pcm_ref: str) -> Provider:
    """The provider a new activity's pcmRef names, if it takes new activities."""
    code = provider_code_of(pcm_ref)
    provider = await ProviderRepository(uow.session).get(code)
    if provider is None:
        raise BadUserInput(
            f"there is no provider {code}: staff register a provider before its activities", field="pcmRef"
        )
    if provider.status is not ProviderStatus.ACTIVE:
        raise Conflict(
            f"provider {code} is {provider.status.value.lower()}: it takes no new activities",
            field="pcmRef",
            currentStatus=provider.status.value,
        )
    return provider


async def _provider(uow: UnitOfWork, code: str, expected_version: int | None) -> Provider:
    return await ProviderRepository(uow.session).for_change(code.strip().upper(), expected_version)
