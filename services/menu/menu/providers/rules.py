"""Activity providers: what a provider is, its lifecycle and the checks on what people write about it. Pure.

A provider is known by its code, the prefix of its activities' pcmRefs (NSO for NSO.396) and the code the
`provider` role is bound to. Only an ACTIVE provider takes new activities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from shared.domain_text import plain, text_field
from shared.errors import BadUserInput
from shared.iso_codes import check_country
from shared.lifecycle import Lifecycle

CODE = re.compile(r"^[A-Z][A-Z0-9]{1,9}$")
WEBSITE = re.compile(r"^https://[^\s/$.?#][^\s]*$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class ProviderKind(str, Enum):
    NATO_BODY = "NATO_BODY"
    ALLIED_NATION = "ALLIED_NATION"
    PARTNER = "PARTNER"
    PTEC = "PTEC"  # Partnership Training and Education Centre
    COE = "COE"  # NATO-accredited Centre of Excellence


# NATO began accrediting Partnership Training and Education Centres in 1999 and Centres of Excellence in 2005.
FIRST_ACCREDITATION = 1999
ACCREDITED_KINDS = frozenset({ProviderKind.PTEC, ProviderKind.COE})


class ProviderStatus(str, Enum):
    ACTIVE = "ACTIVE"
    SUSPENDED = "SUSPENDED"
    CLOSED = "CLOSED"


PROVIDER_LIFECYCLE = Lifecycle(
    "Provider",
    {
        ProviderStatus.ACTIVE: {ProviderStatus.SUSPENDED, ProviderStatus.CLOSED},
        ProviderStatus.SUSPENDED: {ProviderStatus.ACTIVE, ProviderStatus.CLOSED},
    },
)

# Who the provider is: staff alone change these; the provider itself keeps its contact details.
IDENTITY_FIELDS = frozenset({"name", "kind", "country", "accredited_since"})


@dataclass
class ProviderDetails:
    name: str
    kind: ProviderKind
    country: str
    city: str | None = None
    accredited_since: int | None = None
    website: str | None = None
    contact_name: str | None = None
    contact_email: str | None = None


def check_code(code: str) -> str:
    code = code.strip().upper()
    if not CODE.match(code):
        raise BadUserInput(
            "a provider code is 2 to 10 capital letters and digits, starting with a letter, e.g. NSO", field="code"
        )
    return code


def check_provider(details: ProviderDetails, this_year: int) -> ProviderDetails:
    """Normalise and check; raises BadUserInput naming the field at fault."""
    details.name = text_field(details.name, "name", max_length=200) or ""
    details.country = check_country(details.country, "country")
    details.city = text_field(details.city, "city", max_length=100, required=False)
    details.contact_name = text_field(details.contact_name, "contactName", max_length=200, required=False)
    details.contact_email = check_email(details.contact_email, "contactEmail")
    if details.website is not None:
        details.website = plain(details.website.strip(), "website") or None
        if details.website and (len(details.website) > 500 or not WEBSITE.match(details.website)):
            raise BadUserInput("website is an https:// address", field="website")
    if details.accredited_since is not None:
        if details.kind not in ACCREDITED_KINDS:
            raise BadUserInput("only a PTEC or a COE is accredited by NATO", field="accreditedSince")
        if not FIRST_ACCREDITATION <= details.accredited_since <= this_year:
            raise BadUserInput(
                f"accreditedSince is a year from {FIRST_ACCREDITATION} to {this_year}", field="accreditedSince"
            )
    return details


def provider_code_of(pcm_ref: str) -> str:
    """The provider an activity belongs to: its pcmRef's prefix (NSO.396 is the NATO School Oberammergau's)."""
    return pcm_ref.split(".", 1)[0]


def check_email(value: str | None, field: str) -> str | None:
    """An email address, trimmed; None (or blank) stays None. Activities check their contact's the same way."""
    if value is None:
        return None
    value = plain(value.strip(), field) or None
    if value and (len(value) > 254 or not EMAIL.match(value)):
        raise BadUserInput(f"{field} is not an email address", field=field)
    return value
