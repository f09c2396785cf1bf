"""EADRCC use cases: a stricken country's request for assistance, nations' offers, acceptance, delivery,
situation reports, closing. They never commit; every change publishes the whole request."""

from __future__ import annotations

import uuid
from decimal import Decimal

from capacity.assistance.access import OFFER_ASSISTANCE, REQUEST_ASSISTANCE
from capacity.assistance.events import assistance_event
from capacity.assistance.models import (
    AssistanceNeed,
    AssistanceOffer,
    AssistanceRequest,
    AssistanceTransition,
    SituationReport,
)
from capacity.assistance.repository import AssistanceRepository
from capacity.assistance.rules import (
    MAX_NEEDS,
    AssistanceDetails,
    AssistanceStatus,
    AssistanceUpdate,
    NeedDetails,
    OfferStatus,
    check_acceptable,
    check_need,
    check_open,
    check_quantity,
    check_request,
    check_update,
    covered,
)
from capacity.partners.access import acts_as, check_acts_as, nation_of
from shared.db import UnitOfWork
from shared.domain_text import text_field
from shared.errors import BadUserInput, Conflict, NotFound
from shared.iso_codes import check_country


async def request_assistance(uow: UnitOfWork, details: AssistanceDetails) -> AssistanceRequest:
    """The stricken country (or staff for it) asks for assistance: OPEN, with its needs."""
    REQUEST_ASSISTANCE.require(uow.caller)
    details = check_request(details)
    check_acts_as(uow.caller, details.stricken_country, "asks for assistance")
    request = AssistanceRequest(
        stricken_country=details.stricken_country,
        disaster_type=details.disaster_type,
        title=details.title,
        situation=details.situation,
        status=AssistanceStatus.OPEN,
    )
    repository = AssistanceRepository(uow.session)
    repository.add(request)
    await uow.flush()  # no relationship orders the inserts: the request first, for its children's key
    for n in details.needs:
        repository.add(AssistanceNeed(request_id=request.id, item=n.item, quantity=n.quantity, unit=n.unit))
    repository.add(AssistanceTransition(request_id=request.id, to_status=AssistanceStatus.OPEN.value, actor=uow.actor))
    return await _changed(uow, request, "requested", bump=False)


async def update_request(
    uow: UnitOfWork, request_id: uuid.UUID, update: AssistanceUpdate, expected_version: int | None = None
) -> AssistanceRequest:
    """The stricken country (or staff) corrects what struck it, the title or the situation of an open request."""
    REQUEST_ASSISTANCE.require(uow.caller)
    update = check_update(update)
    request = await _own_request(uow, request_id, expected_version)
    for name in ("disaster_type", "title", "situation"):
        if (value := getattr(update, name)) is not None:
            setattr(request, name, value)
    return await _changed(uow, request, "updated")


async def add_need(
    uow: UnitOfWork, request_id: uuid.UUID, need: NeedDetails, expected_version: int | None = None
) -> AssistanceRequest:
    REQUEST_ASSISTANCE.require(uow.caller)
    need = check_need(need, "need")
    request = await _own_request(uow, request_id, expected_version)
    if len(await AssistanceRepository(uow.session).needs_of([request.id])) >= MAX_NEEDS:
        raise Conflict(f"a request names at most {MAX_NEEDS} needs", field="need")
    AssistanceRepository(uow.session).add(
        AssistanceNeed(request_id=request.id, item=need.item, quantity=need.quantity, unit=need.unit)
    )
    return await _changed(uow, request, "need_added")


async def offer(
    uow: UnitOfWork, need_id: uuid.UUID, nation: str | None, quantity: Decimal, note: str | None
) -> AssistanceRequest:
    """A nation offers a quantity against a need of an open request: OFFERED."""
    OFFER_ASSISTANCE.require(uow.caller)
    country = check_country(nation or nation_of(uow.caller) or "", "nation")
    check_acts_as(uow.caller, country, "offers assistance")
    quantity = check_quantity(quantity, "quantity")
    note = text_field(note, "note", max_length=2000, required=False)
    repository = AssistanceRepository(uow.session)
    need: AssistanceNeed | None = await repository.child(AssistanceNeed, need_id)
    if need is None:
        raise BadUserInput(f"there is no need {need_id}", field="needId")
    request = await repository.for_change(need.request_id)
    check_open(request.status)
    if country == request.stricken_country:
        raise BadUserInput("the stricken country does not offer to itself", field="nation")
    made = AssistanceOffer(
        request_id=request.id, need_id=need.id, nation=country, quantity=quantity, note=note, status=OfferStatus.OFFERED
    )
    repository.add(made)
    await uow.flush()
    repository.add(
        AssistanceTransition(
            request_id=request.id, offer_id=made.id, to_status=OfferStatus.OFFERED.value, actor=uow.actor
        )
    )
    return await _changed(uow, request, "offered")


async def decide_offer(
    uow: UnitOfWork, offer_id: uuid.UUID, accept: bool, reason: str | None, expected_version: int | None = None
) -> AssistanceRequest:
    """The stricken country (or staff) accepts an offer (within what the need still lacks) or declines it."""
    REQUEST_ASSISTANCE.require(uow.caller)
    reason = text_field(reason, "reason", max_length=1000, required=not accept)
    repository = AssistanceRepository(uow.session)
    made = await repository.offer_for_change(offer_id)
    if made is None:
        raise NotFound("AssistanceOffer", offer_id)
    request = await _own_request(uow, made.request_id, expected_version, missing=NotFound("AssistanceOffer", offer_id))
    if accept:
        contents = await repository.contents(request)
        need = next(n for n in contents.needs if n.id == made.need_id)
        check_acceptable(
            need.quantity,
            covered((o.quantity, o.status) for o in contents.offers if o.need_id == need.id),
            made.quantity,
        )
    target = OfferStatus.ACCEPTED if accept else OfferStatus.DECLINED
    _step(uow, request, made, target, reason)
    return await _changed(uow, request, "offer_accepted" if accept else "offer_declined")


async def offering_step(
    uow: UnitOfWork, offer_id: uuid.UUID, delivered: bool, note: str | None, expected_version: int | None = None
) -> AssistanceRequest:
    """The offering nation (or staff) records its accepted offer DELIVERED, or withdraws it before delivery."""
    OFFER_ASSISTANCE.require(uow.caller)
    note = text_field(note, "note", max_length=1000, required=False)
    repository = AssistanceRepository(uow.session)
    made = await repository.offer_for_change(offer_id)
    if made is None or not acts_as(uow.caller, made.nation):
        raise NotFound("AssistanceOffer", offer_id)  # another nation's offer is not the caller's to change
    request = await repository.for_change(made.request_id, expected_version)
    check_open(request.status)
    _step(uow, request, made, OfferStatus.DELIVERED if delivered else OfferStatus.WITHDRAWN, note)
    return await _changed(uow, request, "delivered" if delivered else "offer_withdrawn")


async def report_situation(
    uow: UnitOfWork, request_id: uuid.UUID, text: str, expected_version: int | None = None
) -> AssistanceRequest:
    request = await _own_request(uow, request_id, expected_version)
    text = text_field(text, "text", max_length=10_000) or ""
    number = len(await AssistanceRepository(uow.session).reports_of([request.id])) + 1
    AssistanceRepository(uow.session).add(SituationReport(request_id=request.id, number=number, text=text))
    return await _changed(uow, request, "situation_reported")


async def close_request(
    uow: UnitOfWork, request_id: uuid.UUID, note: str, expected_version: int | None = None
) -> AssistanceRequest:
    request = await _own_request(uow, request_id, expected_version)
    note = text_field(note, "reason", max_length=2000) or ""
    previous = request.move_to(AssistanceStatus.CLOSED)
    request.closing_note = note
    AssistanceRepository(uow.session).add(
        AssistanceTransition(
            request_id=request.id,
            from_status=previous.value,
            to_status=AssistanceStatus.CLOSED.value,
            actor=uow.actor,
            reason=note,
        )
    )
    return await _changed(uow, request, "closed", bump=False)


def _step(
    uow: UnitOfWork, request: AssistanceRequest, made: AssistanceOffer, target: OfferStatus, reason: str | None
) -> None:
    previous = made.move_to(target)
    AssistanceRepository(uow.session).add(
        AssistanceTransition(
            request_id=request.id,
            offer_id=made.id,
            from_status=previous.value,
            to_status=target.value,
            actor=uow.actor,
            reason=reason,
        )
    )


async def _own_request(
    uow: UnitOfWork, request_id: uuid.UUID, expected_version: int | None, missing: Exception | None = None
) -> AssistanceRequest:
    """The open request, locked, if the caller is its stricken country (or staff). Reached through an offer
    (`missing`), another country's request is that offer missing: the offers to it are not the caller's to see."""
    REQUEST_ASSISTANCE.require(uow.caller)
    repository = AssistanceRepository(uow.session)
    if missing is not None:
        request = await repository.for_change(
            request_id, missing=missing, visible=lambda r: acts_as(uow.caller, r.stricken_country)
        )
    else:
        request = await repository.for_change(request_id)
        check_acts_as(uow.caller, request.stricken_country, "follows a request for assistance")
    request.check_version(expected_version)
    check_open(request.status)
    return request


async def _changed(uow: UnitOfWork, request: AssistanceRequest, verb: str, bump: bool = True) -> AssistanceRequest:
    if bump:
        request.bump()
    await uow.flush()
    uow.publish(assistance_event(verb, request, await AssistanceRepository(uow.session).contents(request)))
    return request
