"""capacity's copy of programmes' partners: the read model every concern asks, and its per-request loader."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.dataloader import DataLoader

from capacity.partners.models import KnownPartner
from shared.auth import Actor
from shared.readmodel import PartnerReadModel


def known_partners(session: AsyncSession) -> PartnerReadModel:
    """capacity's copy of programmes' partners."""
    return PartnerReadModel(session, KnownPartner)


class PartnersLoaders:
    """Whether capacity knows a country as a partner (an Ally it does not), for every country asked at once."""

    def __init__(self, session: AsyncSession, caller: Actor) -> None:
        self.known_partner = DataLoader(load_fn=_are_known(known_partners(session)))


def _are_known(partners: PartnerReadModel) -> Callable[[list[str]], Awaitable[list[bool]]]:
    async def load(isos: list[str]) -> list[bool]:
        unknown = set(await partners.unknown(isos))
        return [iso not in unknown for iso in isos]

    return load
