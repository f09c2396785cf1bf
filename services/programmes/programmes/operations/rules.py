"""Partners' contributions to NATO-led operations under the Political-Military Framework. Pure: no I/O.

A partner offers a contribution (what kind, how large, for which period); staff accept or decline it; an
accepted one is DEPLOYED, then ENDED; the partner may withdraw it until it deploys.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from shared.domain_text import text_field
from shared.errors import BadUserInput
from shared.lifecycle import Lifecycle

MAX_SIZE = 100_000


class Operation(str, Enum):
    IFOR = "IFOR"
    SFOR = "SFOR"
    KFOR = "KFOR"
    ISAF = "ISAF"
    RSM = "RSM"
    OAE = "OAE"
    OOS = "OOS"
    OUP = "OUP"
    OSG = "OSG"
    NMI = "NMI"


@dataclass(frozen=True)
class OperationFacts:
    name: str
    region: str
    began: date
    ended: date | None


OPERATIONS = {
    Operation.IFOR: OperationFacts(
        "Implementation Force", "Bosnia and Herzegovina", date(1995, 12, 20), date(1996, 12, 20)
    ),
    Operation.SFOR: OperationFacts(
        "Stabilisation Force", "Bosnia and Herzegovina", date(1996, 12, 20), date(2004, 12, 2)
    ),
    Operation.KFOR: OperationFacts("Kosovo Force", "Kosovo", date(1999, 6, 12), None),
    Operation.ISAF: OperationFacts(
        "International Security Assistance Force", "Afghanistan", date(2003, 8, 11), date(2014, 12, 31)
    ),
    Operation.RSM: OperationFacts("Resolute Support Mission", "Afghanistan", date(2015, 1, 1), date(2021, 9, 1)),
    Operation.OAE: OperationFacts("Operation Active Endeavour", "Mediterranean", date(2001, 10, 26), date(2016, 11, 9)),
    Operation.OOS: OperationFacts(
        "Operation Ocean Shield", "Gulf of Aden and Horn of Africa", date(2009, 8, 17), date(2016, 12, 15)
    ),
    Operation.OUP: OperationFacts("Operation Unified Protector", "Libya", date(2011, 3, 23), date(2011, 10, 31)),
    Operation.OSG: OperationFacts("Operation Sea Guardian", "Mediterranean", date(2016, 11, 9), None),
    Operation.NMI: OperationFacts("NATO Mission Iraq", "Iraq", date(2018, 10, 1), None),
}


class ContributionKind(str, Enum):
    TROOPS = "TROOPS"
    STAFF_OFFICERS = "STAFF_OFFICERS"
    TRAINERS = "TRAINERS"
    MEDICAL = "MEDICAL"
    ENGINEERS = "ENGINEERS"
    SHIPS = "SHIPS"
    AIRCRAFT = "AIRCRAFT"
    FUNDING = "FUNDING"


class ContributionStatus(str, Enum):
    OFFERED = "OFFERED"
    ACCEPTED = "ACCEPTED"
    DEPLOYED = "DEPLOYED"
    ENDED = "ENDED"
    DECLINED = "DECLINED"
    WITHDRAWN = "WITHDRAWN"


CONTRIBUTION_LIFECYCLE = Lifecycle(
    "OperationalContribution",
    {
        ContributionStatus.OFFERED: {
            ContributionStatus.ACCEPTED,
            ContributionStatus.DECLINED,
            ContributionStatus.WITHDRAWN,
        },
        ContributionStatus.ACCEPTED: {ContributionStatus.DEPLOYED, ContributionStatus.WITHDRAWN},
        ContributionStatus.DEPLOYED: {ContributionStatus.ENDED},
    },
)
# What the size counts, by kind.
SIZE_UNITS = {
    ContributionKind.SHIPS: "ships",
    ContributionKind.AIRCRAFT: "aircraft",
    ContributionKind.FUNDING: "thousand euros",
}


@dataclass
class ContributionDetails:
    partner_iso: str
    operation: Operation
    kind: ContributionKind
    size: int
    period_start: date
    period_end: date | None = None
    description: str | None = None


def size_unit(kind: ContributionKind) -> str:
    return SIZE_UNITS.get(kind, "personnel")


def check_contribution(details: ContributionDetails) -> ContributionDetails:
    details.partner_iso = details.partner_iso.strip().upper()
    details.description = text_field(details.description, "description", max_length=2000, required=False)
    if not 1 <= details.size <= MAX_SIZE:
        raise BadUserInput(f"size is from 1 to {MAX_SIZE} {size_unit(details.kind)}", field="size")
    facts = OPERATIONS[details.operation]
    if details.period_start < facts.began:
        raise BadUserInput(f"{details.operation.value} began on {facts.began.isoformat()}", field="periodStart")
    if facts.ended is not None and details.period_start > facts.ended:
        raise BadUserInput(f"{details.operation.value} ended on {facts.ended.isoformat()}", field="periodStart")
    check_end(details.period_start, details.period_end, details.operation)
    return details


def check_end(start: date, end: date | None, operation: Operation) -> None:
    if end is None:
        return
    if end < start:
        raise BadUserInput("periodEnd is before periodStart", field="periodEnd")
    ended = OPERATIONS[operation].ended
    if ended is not None and end > ended:
        raise BadUserInput(f"{operation.value} ended on {ended.isoformat()}", field="periodEnd")
