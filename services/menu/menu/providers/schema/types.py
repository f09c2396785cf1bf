"""The providers' own GraphQL: their enums, registered with strawberry once, before any type or input uses them;
what a provider's fields mean; a provider's own fields; the ProviderTransition type. Provider itself is in
menu.types, since activities and exercises reach it and it reaches activities."""

from __future__ import annotations

from datetime import datetime

import strawberry

from menu.providers.repository import ProviderOrder
from menu.providers.rules import ProviderKind, ProviderStatus
from shared.graphql.enums import described_enum

described_enum(
    ProviderKind,
    "Who offers an activity",
    {
        "NATO_BODY": "A NATO body, school or command",
        "ALLIED_NATION": "An Allied nation",
        "PARTNER": "A partner country",
        "PTEC": "A Partnership Training and Education Centre",
        "COE": "A NATO-accredited Centre of Excellence",
    },
)

described_enum(
    ProviderStatus,
    "Where a provider is in its lifecycle: ACTIVE <-> SUSPENDED, either -> CLOSED",
    {
        "ACTIVE": "Offers activities: new ones may be created under its code",
        "SUSPENDED": "Takes no new activities for now (with a reason); those it has stay",
        "CLOSED": "Offers no more activities; kept for the record",
    },
)

described_enum(
    ProviderOrder, "What a list of providers is ordered by", {"CODE": "Code", "NAME": "Name"}, name="ProviderOrderField"
)

# What the fields mean, once for the type, its input and its changes (shared.graphql.descriptions).
PROVIDER = {
    "code": "Its code, the prefix of its activities' pcmRefs and what a provider's account is bound to, e.g. NSO",
    "name": "Its name, e.g. NATO School Oberammergau, at most 200 characters",
    "kind": "What kind of body it is",
    "country": "The country it is in, or the nation itself (ISO 3166 alpha-3)",
    "city": "The city it is in; null when not given",
    "accredited_since": "The year NATO accredited it as a PTEC or a COE; null for others",
    "website": "Its https:// address; null when not given",
    "contact_name": "Its partnership point of contact; null when not given",
    "contact_email": "The point of contact's email address; null when not given",
    "status": "Where it is in its lifecycle",
    "created_at": "When it was registered",
    "updated_at": "When it last changed",
    "version": "Optimistic-concurrency version: pass it as expectedVersion to change it",
}


@strawberry.type(description="One step of a provider's lifecycle: who took it, when and why")
class ProviderTransition:
    from_status: ProviderStatus | None = strawberry.field(description="The status before; null on registration")
    to_status: ProviderStatus = strawberry.field(description="The status after")
    actor: str = strawberry.field(description="Who took the step (token subject and role)")
    reason: str | None = strawberry.field(description="Why; null on registration")
    at: datetime = strawberry.field(description="When")


# A provider's own fields, first in the type; menu.types.Provider adds those reaching other concerns' types.
@strawberry.type
class ProviderFields:
    code: str
    name: str
    kind: ProviderKind
    country: str
    city: str | None
    accredited_since: int | None
    website: str | None
    contact_name: str | None
    contact_email: str | None
    status: ProviderStatus
    created_at: datetime
    updated_at: datetime
    version: int


__all__ = ["PROVIDER", "ProviderFields", "ProviderKind", "ProviderOrder", "ProviderStatus", "ProviderTransition"]
