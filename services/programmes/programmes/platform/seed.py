"""Deterministic Interoperability Platform: its 24 members (a plausible list: the reference data does not say
which partners take part), meetings since 2015 and the common actions they set, tracked to completion, all
through the use cases."""

from __future__ import annotations

import random
from datetime import date, timedelta

from programmes.partners.repository import PartnerRepository
from programmes.platform import use_cases as platform
from programmes.platform.rules import ActionDetails, AssignmentStatus, MeetingDetails, MeetingFormat
from shared.db import UnitOfWork
from shared.definition import SeedStage
from shared.runtime import ServiceRuntime

SEED = 2014
# Not sourced: partners that contributed to NATO-led operations or are Enhanced Opportunities Partners, and the
# year each joined (most at the Platform's start, at the Wales Summit).
MEMBERS = {
    "ARM": 2014,
    "AUT": 2014,
    "AZE": 2014,
    "BIH": 2014,
    "GEO": 2014,
    "IRL": 2014,
    "KAZ": 2014,
    "MDA": 2014,
    "SRB": 2014,
    "CHE": 2014,
    "UKR": 2014,
    "JOR": 2014,
    "MAR": 2014,
    "TUN": 2015,
    "ARE": 2014,
    "QAT": 2015,
    "BHR": 2016,
    "KWT": 2017,
    "AUS": 2014,
    "JPN": 2014,
    "KOR": 2014,
    "MNG": 2014,
    "NZL": 2014,
    "MLT": 2016,
}
THEMES = [
    (
        "Education, training and exercises",
        "Open more MTEP exercises to Platform members and share lessons learned",
        "Nominate officers to the exercise planning conferences and report lessons learned",
    ),
    (
        "Capabilities and standards",
        "Adopt the NATO standards members need to operate together",
        "Ratify and implement the agreed interoperability standards (STANAGs)",
    ),
    (
        "Federated Mission Networking",
        "Join the Federated Mission Networking framework",
        "Take part in the next FMN spiral and certify a national mission network",
    ),
    (
        "Countering improvised explosive devices",
        "Share counter-IED tactics and training",
        "Host or attend a counter-IED training course and share national lessons",
    ),
    (
        "Logistics support",
        "Make members' logistics work with NATO's",
        "Sign the logistics support arrangements for multinational operations",
    ),
    (
        "Women, Peace and Security",
        "Integrate gender perspectives in members' forces",
        "Appoint gender advisers to deployable headquarters and report their training",
    ),
]
PLACES = ["Brussels", "Mons", "Norfolk", "Naples", "Brunssum"]


async def seed_platform(runtime: ServiceRuntime, today: date | None = None) -> int:
    today = today or date.today()
    changes = 0
    async with runtime.sessionmaker() as session:
        uow = runtime.unit_of_work(session)
        members = []
        for partner in await PartnerRepository(session).get_many(list(MEMBERS)):
            members.append(partner.iso)
            if not partner.interoperability_platform and not partner.suspended:
                joined = date(2014, 9, 5) if MEMBERS[partner.iso] == 2014 else date(MEMBERS[partner.iso], 3, 1)
                await platform.join_platform(uow, partner.iso, joined, today=today)
                changes += 1
        members.sort()
        for year in range(2015, today.year + 2):
            for month, meeting_format in ((3, MeetingFormat.THEMATIC), (11, MeetingFormat.PLENARY)):
                held_on = date(year, month, 15)
                if held_on > today + timedelta(days=200):
                    break
                changes += await _meeting(
                    uow, random.Random(f"{SEED}:{held_on}"), members, held_on, meeting_format, today
                )
        await uow.commit()
    return changes


async def _meeting(
    uow: UnitOfWork, rng: random.Random, members: list[str], held_on: date, meeting_format: MeetingFormat, today: date
) -> int:
    theme, purpose, action = THEMES[(held_on.year * 2 + held_on.month) % len(THEMES)]
    joined_by = [iso for iso in members if MEMBERS[iso] <= held_on.year]
    attendees = joined_by if meeting_format is MeetingFormat.PLENARY else rng.sample(joined_by, 8)
    meeting = await platform.schedule_meeting(
        uow,
        MeetingDetails(
            title=f"Interoperability Platform {meeting_format.value.lower()} meeting: {theme}",
            format=meeting_format,
            held_on=held_on,
            location=rng.choice(PLACES),
            attendees=attendees,
        ),
    )
    if held_on > today:
        return 1
    await platform.record_meeting_held(uow, meeting.id, f"{purpose}. Members agreed common actions.", today=today)
    changes = 2
    for n in range(rng.randint(1, 3)):
        due_on = held_on + timedelta(days=rng.choice([180, 270, 365]))
        assignees = sorted(rng.sample(attendees, rng.randint(2, 6)))
        common = await platform.set_action(
            uow,
            meeting.id,
            ActionDetails(title=f"{theme}: action {n + 1}", description=action, due_on=due_on, assignees=assignees),
        )
        changes += 1
        if rng.random() < 0.05:
            await platform.drop_action(uow, common.id, "Overtaken by the Alliance's new capability targets")
            changes += 1
            continue
        for iso in assignees:
            started = held_on + timedelta(days=rng.randint(20, 90))
            if started > today:
                continue
            await platform.report_progress(
                uow, common.id, iso, AssignmentStatus.IN_PROGRESS, "Work started", today=started
            )
            changes += 1
            finished = held_on + timedelta(days=rng.randint(120, 400))
            if finished <= today:
                await platform.report_progress(
                    uow, common.id, iso, AssignmentStatus.COMPLETED, "Done and reported to the Platform", today=finished
                )
                changes += 1
    return changes


SEED_STAGES = (SeedStage("platform", seed_platform, marks="programmes.platform_meeting.v1"),)
