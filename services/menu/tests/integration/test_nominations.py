"""Nominations: seats and quotas, the waitlist in arrival order, confirmation, attendance, feedback, and who
may see a participant's personal data."""

from __future__ import annotations

import asyncio
import json
import uuid
from typing import Any

from sqlalchemy import select

from shared.testing.harness import ServiceHarness, count_statements

NOMINATION = "id status statusReason arrival partnerIso participantId version"
NOMINATE = (
    "mutation($o: ID!, $p: ParticipantInput!, $iso: ID) { nominateParticipant(occurrenceId: $o, "
    f"participant: $p, partnerIso: $iso) {{ {NOMINATION} }} }}"
)
SEATS = "query($id: ID!) { occurrence(id: $id) { seats { total taken waitlisted remaining } } }"


def person(name: str | None = None) -> dict[str, Any]:
    name = name or f"Nino {uuid.uuid4().hex[:8]}"
    return {
        "name": name,
        "email": f"{name.replace(' ', '.').lower()}@mod-geo.example",
        "rankOrFunction": "Major",
        "organisation": "Ministry of Defence",
        "languages": ["en", "ka"],
    }


async def open_occurrence(menu: ServiceHarness, create_activity, schedule, **overrides: Any) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    activity = await create_activity(
        publish=True, pcmRef=overrides.pop("pcmRef", None) or f"NSO.{uuid.uuid4().int % 1_000_000}"
    )
    occurrence = await schedule(activity["id"], **overrides)
    opened = await menu.graphql(
        "mutation($id: ID!) { openOccurrenceRegistration(id: $id) { id status } }", {"id": occurrence["id"]}
    )
    assert opened.ok()["openOccurrenceRegistration"]["status"] == "OPEN"
    return {**occurrence, "activityId": activity["id"]}


async def nominate(
    menu: ServiceHarness,
    occurrence_id: str,
    as_: str = "partner-geo",
    iso: str | None = None,
    who: dict[str, Any] | None = None,
) -> dict[str, Any]:
    result = await menu.graphql(NOMINATE, {"o": occurrence_id, "p": who or person(), "iso": iso}, as_=as_)
    return result.ok()["nominateParticipant"]


async def step(menu: ServiceHarness, mutation: str, nomination_id: str, as_: str = "staff", **arguments: Any) -> Any:
    extra = "".join(f", {name}: {json.dumps(value)}" for name, value in arguments.items())
    return await menu.graphql(
        f"mutation($id: ID!) {{ {mutation}(id: $id{extra}) {{ {NOMINATION} }} }}", {"id": nomination_id}, as_=as_
    )


async def test_seats_go_first_come_and_a_freed_seat_goes_to_the_waitlist(
    menu: ServiceHarness, create_activity, schedule
) -> None:
    occurrence = await open_occurrence(menu, create_activity, schedule, seats=2)
    first, second, third = [await nominate(menu, occurrence["id"]) for _ in range(3)]
    assert [n["status"] for n in (first, second, third)] == ["NOMINATED", "NOMINATED", "WAITLISTED"]
    assert first["arrival"] < second["arrival"] < third["arrival"]
    seats = (await menu.graphql(SEATS, {"id": occurrence["id"]})).ok()["occurrence"]["seats"]
    assert seats == {"total": 2, "taken": 2, "waitlisted": 1, "remaining": 0}

    declined = (
        await step(menu, "declineNomination", first["id"], as_="provider-nso", reason="Prerequisites not met")
    ).ok()["declineNomination"]
    assert declined["status"] == "DECLINED" and declined["statusReason"] == "Prerequisites not met"
    promoted = (
        await menu.graphql(
            "query($id: ID!) { nomination(id: $id) { status transitions { fromStatus toStatus reason actor } } }",
            {"id": third["id"]},
        )
    ).ok()["nomination"]
    assert promoted["status"] == "NOMINATED"
    assert [(h["fromStatus"], h["toStatus"], h["reason"]) for h in promoted["transitions"]] == [
        (None, "WAITLISTED", None),
        ("WAITLISTED", "NOMINATED", "a seat was freed"),
    ]
    assert promoted["transitions"][1]["actor"].endswith("(provider)")  # the decline that freed the seat


async def test_a_partners_quota_waitlists_it_while_others_still_get_seats(
    menu: ServiceHarness, create_activity, schedule
) -> None:
    occurrence = await open_occurrence(menu, create_activity, schedule, seats=3, quotaPerPartner=1)
    geo = [await nominate(menu, occurrence["id"]) for _ in range(2)]
    ukr = await nominate(menu, occurrence["id"], as_="partner-ukr")
    assert [n["status"] for n in geo] + [ukr["status"]] == ["NOMINATED", "WAITLISTED", "NOMINATED"]
    withdrawn = (await step(menu, "withdrawNomination", geo[0]["id"], as_="partner-geo")).ok()["withdrawNomination"]
    assert withdrawn["status"] == "WITHDRAWN"
    again = (await menu.graphql("query($id: ID!) { nomination(id: $id) { status } }", {"id": geo[1]["id"]})).ok()
    assert again["nomination"]["status"] == "NOMINATED"  # GEO's quota has room again


async def test_the_last_seat_is_never_given_twice(menu: ServiceHarness, create_activity, schedule) -> None:
    occurrence = await open_occurrence(menu, create_activity, schedule, seats=10)
    results = await asyncio.gather(
        *(
            menu.graphql(NOMINATE, {"o": occurrence["id"], "p": person(f"Racer {n}")}, as_="partner-geo")
            for n in range(50)
        )
    )
    made = sorted((r.ok()["nominateParticipant"] for r in results), key=lambda n: n["arrival"])
    assert [n["status"] for n in made] == ["NOMINATED"] * 10 + ["WAITLISTED"] * 40  # in arrival order
    seats = (await menu.graphql(SEATS, {"id": occurrence["id"]})).ok()["occurrence"]["seats"]
    assert seats == {"total": 10, "taken": 10, "waitlisted": 40, "remaining": 0}
    listed = (
        await menu.graphql(
            "query($id: ID!) { occurrence(id: $id) { nominations(first: 100, filter: "
            "{statuses: [WAITLISTED]}) { totalCount edges { node { id } } } } }",
            {"id": occurrence["id"]},
        )
    ).ok()["occurrence"]["nominations"]
    assert listed["totalCount"] == 40
    assert [e["node"]["id"] for e in listed["edges"]] == [n["id"] for n in made[10:]]


async def test_attendance_is_recorded_once_held_and_feedback_once_attended(
    menu: ServiceHarness, create_activity, schedule
) -> None:
    occurrence = await open_occurrence(menu, create_activity, schedule, seats=5)
    came, stayed_home = [await nominate(menu, occurrence["id"]) for _ in range(2)]
    for nomination in (came, stayed_home):
        assert (await step(menu, "confirmNomination", nomination["id"], as_="provider-nso")).ok()
    early = await step(menu, "recordAttendance", came["id"], attended=True)
    assert early.codes == ["CONFLICT"]
    for name in ("closeOccurrenceRegistration", "markOccurrenceHeld"):
        (await menu.graphql(f"mutation($id: ID!) {{ {name}(id: $id) {{ id }} }}", {"id": occurrence["id"]})).ok()
    attended = (await step(menu, "recordAttendance", came["id"], as_="provider-nso", attended=True)).ok()
    assert attended["recordAttendance"]["status"] == "ATTENDED"
    missed = (await step(menu, "recordAttendance", stayed_home["id"], as_="provider-nso", attended=False)).ok()
    assert missed["recordAttendance"]["status"] == "NO_SHOW"

    feedback = (
        "mutation($id: ID!, $f: FeedbackInput!) { recordFeedback(id: $id, feedback: $f) { id "
        "feedback { content delivery relevance comment } } }"
    )
    given = {"content": 5, "delivery": 4, "relevance": 3, "comment": "Useful for our staff college"}
    report = (await menu.graphql(feedback, {"id": came["id"], "f": given}, as_="partner-geo")).ok()
    assert report["recordFeedback"]["feedback"] == given
    twice = await menu.graphql(feedback, {"id": came["id"], "f": given}, as_="partner-geo")
    no_show = await menu.graphql(feedback, {"id": stayed_home["id"], "f": given}, as_="partner-geo")
    out_of_range = await menu.graphql(feedback, {"id": came["id"], "f": {**given, "delivery": 6}}, as_="partner-geo")
    assert (twice.codes, no_show.codes, out_of_range.codes) == (["CONFLICT"], ["CONFLICT"], ["BAD_USER_INPUT"])
    assert out_of_range.fields == ["delivery"]
    averages = (
        await menu.graphql(
            "query($id: ID!) { occurrence(id: $id) { feedback { reports content delivery relevance } } }",
            {"id": occurrence["id"]},
            as_="ally-nor",
        )
    ).ok()
    assert averages["occurrence"]["feedback"] == {"reports": 1, "content": 5.0, "delivery": 4.0, "relevance": 3.0}


async def test_personal_data_is_seen_only_by_the_partner_the_provider_and_staff(
    menu: ServiceHarness, create_activity, schedule
) -> None:
    occurrence = await open_occurrence(menu, create_activity, schedule)
    someone = person("Levan Beridze")
    nomination = await nominate(menu, occurrence["id"], who=someone)
    query = (
        "query($id: ID!) { nomination(id: $id) { id participantId participant { name email } feedback { comment } } }"
    )
    for account in ("partner-geo", "provider-nso", "staff"):
        seen = (await menu.graphql(query, {"id": nomination["id"]}, as_=account)).ok()["nomination"]
        assert seen["participant"] == {"name": "Levan Beridze", "email": someone["email"]}, account
    for account in ("ally-nor", "system"):
        seen = (await menu.graphql(query, {"id": nomination["id"]}, as_=account)).ok()["nomination"]
        assert seen["participantId"] == nomination["participantId"] and seen["participant"] is None, account
        told = (
            await menu.graphql(
                "query($id: ID!) { nomination(id: $id) { statusReason transitions { reason actor } "
                "history { edges { node { actor type } } } } }",
                {"id": nomination["id"]},
                as_=account,
            )
        ).ok()["nomination"]
        assert told == {
            "statusReason": None,
            "transitions": [{"reason": None, "actor": None}],
            "history": {"edges": [{"node": {"actor": None, "type": "menu.nomination.nominated"}}]},
        }, account
    other = await menu.graphql(query, {"id": nomination["id"]}, as_="partner-ukr")
    assert other.ok()["nomination"] is None  # another partner's nomination does not exist for it
    listed = await menu.graphql(
        "query($id: ID!) { occurrence(id: $id) { seats { taken } nominations { totalCount } } }",
        {"id": occurrence["id"]},
        as_="partner-ukr",
    )
    assert listed.ok()["occurrence"] == {"seats": {"taken": 1}, "nominations": {"totalCount": 0}}
    refused = await step(menu, "withdrawNomination", nomination["id"], as_="partner-ukr")
    stale = await step(menu, "withdrawNomination", nomination["id"], as_="partner-ukr", expectedVersion=99)
    assert refused.codes == stale.codes == ["NOT_FOUND"]  # not even a stale version says it exists

    async with menu.runtime.sessionmaker() as session:
        outbox = menu.runtime.metadata.tables["outbox"]
        payloads = (
            (await session.execute(select(outbox.c.data).where(outbox.c.key == nomination["id"]))).scalars().all()
        )
    assert payloads and all("Beridze" not in json.dumps(p) and "@" not in json.dumps(p) for p in payloads)


async def test_a_participants_personal_data_is_erased_on_request(
    menu: ServiceHarness, create_activity, schedule
) -> None:
    occurrence = await open_occurrence(menu, create_activity, schedule)
    nomination = await nominate(menu, occurrence["id"], who=person("Ana Kovalenko"))
    (await step(menu, "withdrawNomination", nomination["id"], as_="partner-geo", reason="Ana Kovalenko is ill")).ok()
    erase = "mutation($id: ID!) { eraseParticipant(id: $id) { name email languages erasedAt } }"
    assert (await menu.graphql(erase, {"id": nomination["participantId"]}, as_="partner-ukr")).codes == ["NOT_FOUND"]
    erased = (await menu.graphql(erase, {"id": nomination["participantId"]}, as_="partner-geo")).ok()
    assert erased["eraseParticipant"]["name"] is None and erased["eraseParticipant"]["languages"] == []
    assert erased["eraseParticipant"]["erasedAt"] is not None
    kept = (
        await menu.graphql(
            "query($id: ID!) { nomination(id: $id) { status statusReason participant { name "
            "email } transitions { toStatus reason } } }",
            {"id": nomination["id"]},
        )
    ).ok()["nomination"]
    assert kept["status"] == "WITHDRAWN" and kept["participant"] == {"name": None, "email": None}
    assert [h["toStatus"] for h in kept["transitions"]] == ["NOMINATED", "WITHDRAWN"]  # the record stays
    assert "Kovalenko" not in json.dumps(kept)  # the free text about the person went with the rest


async def test_nominations_are_refused_with_a_clear_error(menu: ServiceHarness, create_activity, schedule) -> None:
    activity = await create_activity(publish=True)
    planned = await schedule(activity["id"])
    not_open = await menu.graphql(NOMINATE, {"o": planned["id"], "p": person()}, as_="partner-geo")
    assert not_open.codes == ["CONFLICT"]
    occurrence = await open_occurrence(menu, create_activity, schedule)
    who = person()
    await nominate(menu, occurrence["id"], who=who)
    again = await menu.graphql(NOMINATE, {"o": occurrence["id"], "p": who}, as_="partner-geo")
    assert again.codes == ["CONFLICT"] and again.fields == ["participant.email"]
    closed_to_jordan = await menu.graphql(NOMINATE, {"o": occurrence["id"], "p": person()}, as_="partner-jor")
    assert closed_to_jordan.codes == ["BAD_USER_INPUT"] and closed_to_jordan.fields == ["occurrenceId"]
    for_another = await menu.graphql(NOMINATE, {"o": occurrence["id"], "p": person(), "iso": "UKR"}, as_="partner-geo")
    assert for_another.codes == ["BAD_USER_INPUT"] and for_another.fields == ["partnerIso"]
    staff_without_partner = await menu.graphql(NOMINATE, {"o": occurrence["id"], "p": person()})
    assert staff_without_partner.fields == ["partnerIso"]
    bad_email = await menu.graphql(
        NOMINATE, {"o": occurrence["id"], "p": {**person(), "email": "nope"}}, as_="partner-geo"
    )
    assert bad_email.codes == ["BAD_USER_INPUT"] and bad_email.fields == ["participant.email"]
    by_ally = await menu.graphql(NOMINATE, {"o": occurrence["id"], "p": person(), "iso": "GEO"}, as_="ally-nor")
    assert by_ally.codes == ["FORBIDDEN"]
    pending = await nominate(menu, occurrence["id"])
    (
        await menu.graphql(
            'mutation($id: ID!) { cancelOccurrence(id: $id, reason: "No venue") { id } }', {"id": occurrence["id"]}
        )
    ).ok()
    too_late = await step(menu, "confirmNomination", pending["id"])
    assert too_late.codes == ["CONFLICT"]


async def test_a_partner_follows_its_own_nominations_live(menu: ServiceHarness, create_activity, schedule) -> None:
    occurrence = await open_occurrence(menu, create_activity, schedule, seats=2)
    stream = await menu.subscribe(
        "subscription { nominationChanged { id status partnerIso participant { name } } }", as_="partner-geo"
    )
    seen: list[dict[str, Any]] = []

    async def collect() -> None:
        try:
            async for result in stream:
                assert not result.errors, result.errors
                seen.append(result.data["nominationChanged"])
                if seen[-1]["status"] == "NOMINATED" and seen[-1]["participant"]["name"] == "Nino Second":
                    return  # promoted once the first withdrew
        finally:
            await stream.aclose()  # type: ignore[attr-defined]  # a subscription is an async generator

    collector = asyncio.create_task(collect())
    await asyncio.wait_for(menu.runtime.live.listening.wait(), 10)
    await nominate(menu, occurrence["id"], as_="partner-ukr")  # another partner's: never shown to GEO
    first = await nominate(menu, occurrence["id"], who=person("Nino First"))
    second = await nominate(menu, occurrence["id"], who=person("Nino Second"))
    await step(menu, "withdrawNomination", first["id"], as_="partner-geo")
    await asyncio.wait_for(collector, 20)
    assert {change["partnerIso"] for change in seen} == {"GEO"}
    assert (seen[-1]["id"], seen[-1]["participant"]["name"]) == (second["id"], "Nino Second")


async def test_occurrences_seats_feedback_and_nominations_of_many_activities_cost_constant_statements(
    menu: ServiceHarness, create_activity, schedule
) -> None:
    occurrences = [await open_occurrence(menu, create_activity, schedule, seats=3) for _ in range(4)]
    for occurrence in occurrences:
        for _ in range(2):
            await nominate(menu, occurrence["id"])
    fields = (
        "occurrences { edges { node { seats { taken waitlisted } feedback { reports } "
        "nominations(first: 5) { totalCount edges { node { status participant { name } } } } } } }"
    )
    query = (
        "query { "
        + " ".join(f'a{n}: activity(id: "{o["activityId"]}") {{ {fields} }}' for n, o in enumerate(occurrences))
        + " }"
    )
    with count_statements(menu.runtime.engine) as sql:
        result = (await menu.graphql(query)).ok()
    assert all(r["occurrences"]["edges"][0]["node"]["seats"] == {"taken": 2, "waitlisted": 0} for r in result.values())
    # activities, occurrence pages, seats, feedback, nomination pages, their counts, participants
    assert sql.count == 7
