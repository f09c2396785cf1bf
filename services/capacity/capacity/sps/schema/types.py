"""GraphQL types inside an SPS application (its reports and steps), and the SPS enums, registered with strawberry
once."""

from __future__ import annotations

from datetime import datetime

import strawberry

from capacity.sps.rules import KeyPriority as KeyPriority
from capacity.sps.rules import SpsKind as SpsKind
from capacity.sps.rules import SpsStatus as SpsStatus
from shared.graphql.enums import described_enum

# The concern's enums, registered once, here: every other schema module imports them from this module (hence the
# `X as X` re-exports above), so no strawberry type meets one unregistered, which would give it a second,
# undescribed definition.
described_enum(
    SpsKind,
    "What an SPS grant funds",
    {
        "MULTI_YEAR_PROJECT": "A multi-year research and development project",
        "ADVANCED_RESEARCH_WORKSHOP": "An advanced research workshop",
        "ADVANCED_TRAINING_COURSE": "An advanced training course",
        "ADVANCED_STUDY_INSTITUTE": "An advanced study institute",
    },
)
described_enum(
    KeyPriority,
    "The SPS key priority an application answers",
    {
        "COUNTER_TERRORISM": "Counter-terrorism",
        "ENERGY_SECURITY": "Energy security",
        "CYBER_DEFENCE": "Cyber defence",
        "CBRN_DEFENCE": "Defence against CBRN agents",
        "ENVIRONMENTAL_SECURITY": "Environmental security",
        "EMERGING_TECHNOLOGIES": "Advanced and emerging technologies",
        "BORDER_SECURITY": "Border and port security",
        "HUMAN_AND_SOCIAL_ASPECTS": "Human and social aspects of security",
    },
)
described_enum(
    SpsStatus,
    "SUBMITTED -> UNDER_REVIEW -> APPROVED or REJECTED; APPROVED -> ACTIVE -> COMPLETED",
    {
        "SUBMITTED": "Filed",
        "UNDER_REVIEW": "Before the review panel",
        "APPROVED": "Granted (with the panel's outcome and the grant)",
        "REJECTED": "Not granted (with the panel's outcome)",
        "ACTIVE": "The grant runs",
        "COMPLETED": "Done",
    },
)


@strawberry.type(description="A report on an active SPS grant")
class SpsReport:
    period: str = strawberry.field(description="The period: 2026, 2026-H1 or 2026-Q3")
    narrative: str = strawberry.field(description="What was done")


@strawberry.type(description="One step of an application: who, when, and the panel's outcome at a decision")
class SpsStep:
    from_status: str | None = strawberry.field(description="The status before")
    to_status: str = strawberry.field(description="The status after")
    actor: str = strawberry.field(description="Who took it")
    reason: str | None = strawberry.field(description="The panel's outcome, at a decision")
    at: datetime = strawberry.field(description="When")
