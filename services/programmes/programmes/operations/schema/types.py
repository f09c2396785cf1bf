"""The GraphQL types of contributions to operations that only they use (the contribution itself, which names its
partner, is in programmes.types), and their enums registered with strawberry, every value described."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import strawberry

# Registered below, and taken from here by every other schema module (strawberry would register a plain
# enum on its own if an input named it first).
from programmes.operations.rules import OPERATIONS
from programmes.operations.rules import ContributionKind as ContributionKind
from programmes.operations.rules import ContributionStatus as ContributionStatus
from programmes.operations.rules import Operation as Operation
from shared.graphql.enums import described_enum

described_enum(
    Operation,
    "A NATO-led operation partners contributed to",
    {
        "IFOR": "Implementation Force, Bosnia and Herzegovina (1995-1996)",
        "SFOR": "Stabilisation Force, Bosnia and Herzegovina (1996-2004)",
        "KFOR": "Kosovo Force (since 1999)",
        "ISAF": "International Security Assistance Force, Afghanistan (2003-2014)",
        "RSM": "Resolute Support Mission, Afghanistan (2015-2021)",
        "OAE": "Operation Active Endeavour, Mediterranean (2001-2016)",
        "OOS": "Operation Ocean Shield, Gulf of Aden and Horn of Africa (2009-2016)",
        "OUP": "Operation Unified Protector, Libya (2011)",
        "OSG": "Operation Sea Guardian, Mediterranean (since 2016)",
        "NMI": "NATO Mission Iraq (since 2018)",
    },
    name="OperationCode",
)
described_enum(
    ContributionKind,
    "What a partner contributes to an operation (size counts personnel, unless said otherwise)",
    {
        "TROOPS": "Troops (personnel)",
        "STAFF_OFFICERS": "Officers in the operation's headquarters (personnel)",
        "TRAINERS": "Trainers and advisers (personnel)",
        "MEDICAL": "Medical teams (personnel)",
        "ENGINEERS": "Engineers (personnel)",
        "SHIPS": "Ships (ships)",
        "AIRCRAFT": "Aircraft (aircraft)",
        "FUNDING": "Funds, e.g. to a trust fund (thousand euros)",
    },
    name="OperationalContributionKind",
)
described_enum(
    ContributionStatus,
    "Where a contribution is: OFFERED -> ACCEPTED -> DEPLOYED -> ENDED; DECLINED "
    "by staff, or WITHDRAWN by the partner before it deploys",
    {
        "OFFERED": "Offered by the partner",
        "ACCEPTED": "Accepted into the operation's force",
        "DEPLOYED": "In the operation",
        "ENDED": "It ended (its period's end is set)",
        "DECLINED": "Not taken (with a reason)",
        "WITHDRAWN": "The partner withdrew it",
    },
    name="OperationalContributionStatus",
)


@strawberry.type(description="A NATO-led operation")
class OperationInfo:
    code: Operation = strawberry.field(description="Its code")
    name: str = strawberry.field(description="Its name")
    region: str = strawberry.field(description="Where it is conducted")
    began_on: date = strawberry.field(description="The day it began")
    ended_on: date | None = strawberry.field(description="The day it ended; null while it goes on")


def operation_info(code: Any) -> OperationInfo:
    facts = OPERATIONS[code]
    return OperationInfo(code=code, name=facts.name, region=facts.region, began_on=facts.began, ended_on=facts.ended)


@strawberry.type(description="One step of a contribution's lifecycle: who, when, why")
class OperationalContributionStep:
    from_status: ContributionStatus | None = strawberry.field(description="The status before; null on the offer")
    to_status: ContributionStatus = strawberry.field(description="The status after")
    actor: str = strawberry.field(description="Who took the step (token subject and role)")
    note: str | None = strawberry.field(description="Why, when one was given")
    at: datetime = strawberry.field(description="When")
