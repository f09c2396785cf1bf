"""The domain's enums, registered with strawberry once, before any type or input uses them."""

from menu.domain import ActivityKind, ActivityLevel, ActivityStatus, OccurrenceStatus, ProviderKind
from menu.mtep import ExerciseStatus, ExerciseType, ParticipationKind, ParticipationStatus
from menu.provider_repository import ProviderOrder
from menu.provider_rules import ProviderStatus
from menu.repository import ActivityOrder
from shared.graphql.enums import described_enum
from shared.ordering import Direction

described_enum(
    ActivityKind,
    "What kind of event an activity is",
    {
        "COURSE": "A taught course",
        "SEMINAR": "A seminar",
        "WORKSHOP": "A practical workshop",
        "CONFERENCE": "A conference",
        "EXERCISE": "An exercise (command post, computer-assisted or live)",
        "EXPERT_VISIT": "Experts visit the partner",
        "STAFF_TALKS": "Talks between staffs",
        "STUDY_PERIOD": "A period of study at an institution",
        "SPEAKER_TOUR": "A speaker's tour of the partner's institutions",
        "OTHER": "Anything else",
    },
)
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
described_enum(
    ActivityLevel,
    "The level an activity is pitched at",
    {
        "BASIC": "Newcomers to the subject",
        "INTERMEDIATE": "Practitioners",
        "ADVANCED": "Specialists",
        "EXECUTIVE": "Senior leaders",
    },
)
described_enum(
    ActivityStatus,
    "Where an activity is in its lifecycle: DRAFT -> PUBLISHED -> WITHDRAWN; a DRAFT or WITHDRAWN one may be ARCHIVED",
    {
        "DRAFT": "Being prepared: seen by staff and its own provider only",
        "PUBLISHED": "On the menu, open to the partners of its frameworks and those it names",
        "WITHDRAWN": "Taken off the menu (with a reason); its occurrences still to come were cancelled",
        "ARCHIVED": "Kept for the record only",
    },
)
described_enum(
    OccurrenceStatus,
    "Where an occurrence is in its lifecycle: PLANNED -> OPEN -> CLOSED -> HELD, or CANCELLED before it is held",
    {
        "PLANNED": "Dated; registration not open yet",
        "OPEN": "Taking nominations",
        "CLOSED": "Registration closed",
        "HELD": "It took place: attendance can be recorded",
        "CANCELLED": "It will not take place (with a reason)",
    },
)
described_enum(
    ActivityOrder,
    "What a list of activities is ordered by",
    {
        "TITLE": "Title",
        "START_DATE": "Start of the next occurrence still to come (those with none last)",
        "PCM_REF": "Menu reference",
    },
    name="ActivityOrderField",
)

described_enum(
    ExerciseType,
    "What kind of exercise",
    {
        "COMMAND_POST": "A command post exercise (CPX): headquarters and staffs, without troops",
        "COMPUTER_ASSISTED": "A computer-assisted exercise (CAX): forces simulated",
        "LIVE": "A live exercise (LIVEX): forces in the field, at sea or in the air",
        "CRISIS_MANAGEMENT": "A North Atlantic Council crisis-management exercise (CMX): partners by invitation only",
        "TABLETOP": "A tabletop exercise (TTX): a discussion of a scenario",
    },
)
described_enum(
    ExerciseStatus,
    "Where an exercise is in its lifecycle: PLANNED -> CONFIRMED -> CONDUCTED, or CANCELLED before",
    {
        "PLANNED": "On the five-year plan; dates may not be set yet",
        "CONFIRMED": "Its dates are set and it will take place",
        "CONDUCTED": "It took place",
        "CANCELLED": "It will not take place (with a reason)",
    },
)
described_enum(
    ParticipationKind,
    "What a partner sends to an exercise",
    {
        "OBSERVERS": "Observers",
        "STAFF_OFFICERS": "Officers in the exercise's staffs",
        "UNITS": "Units that take part (personnel counts their people)",
    },
)
described_enum(
    ParticipationStatus,
    "Where a request to take part is: REQUESTED -> APPROVED or DECLINED; the partner may withdraw it, approved or not",
    {
        "REQUESTED": "Awaiting the decision of staff or the leading provider",
        "APPROVED": "The partner takes part",
        "DECLINED": "Refused (with a reason), or the exercise was cancelled",
        "WITHDRAWN": "The partner withdrew it",
    },
)

__all__ = [
    "ActivityKind",
    "ActivityLevel",
    "ActivityOrder",
    "ActivityStatus",
    "Direction",
    "ExerciseStatus",
    "ExerciseType",
    "OccurrenceStatus",
    "ParticipationKind",
    "ParticipationStatus",
    "ProviderKind",
    "ProviderOrder",
    "ProviderStatus",
]
