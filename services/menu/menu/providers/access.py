"""Who may do what with providers (deny by default). Pure.

Everyone who reads the menu reads them; staff register them and change their standing and identity; a
provider keeps its own contact details.
"""

from __future__ import annotations

from menu.activities.access import READ_MENU
from menu.providers.rules import IDENTITY_FIELDS
from shared.auth import Actor, Role, Rule, rule
from shared.errors import Forbidden

MANAGE_PROVIDERS = rule("register providers and change their standing", Role.STAFF)
EDIT_PROVIDER = rule("change a provider's details", Role.STAFF, Role.PROVIDER, own=(Role.PROVIDER,))

# Every root field and every field with a rule of its own, as the authorization matrix checks them.
SCHEMA_RULES: dict[str, Rule] = {
    "Query.provider": READ_MENU,
    "Query.providers": READ_MENU,
    "Provider": READ_MENU,
    "Mutation.registerProvider": MANAGE_PROVIDERS,
    "Mutation.suspendProvider": MANAGE_PROVIDERS,
    "Mutation.reinstateProvider": MANAGE_PROVIDERS,
    "Mutation.closeProvider": MANAGE_PROVIDERS,
    "Mutation.updateProvider": EDIT_PROVIDER,
}


def check_edits_provider(caller: Actor, code: str, changes: set[str]) -> None:
    """Staff change any provider; a provider its own contact details only, never who it is."""
    EDIT_PROVIDER.require(caller)
    if caller.is_(Role.PROVIDER):
        if caller.provider != code:
            raise Forbidden(f"a provider changes its own details ({caller.provider}), not {code}'s")
        if changes & IDENTITY_FIELDS:
            raise Forbidden("a provider's name, kind, country and accreditation are changed by staff")
