"""The domain's enums, registered with strawberry once, before any type or input uses them."""

import strawberry

from programmes.domain import (
    AssessmentRating,
    ObjectiveCategory,
    OccLevel,
    OccResult,
    PlannedActivityStatus,
    ProgrammeStatus,
    ProgrammeType,
)
from programmes.repository import ProgrammeOrder

strawberry.enum(ProgrammeType, description="The partnership tool a programme belongs to")
strawberry.enum(ProgrammeStatus, description="DRAFT -> SUBMITTED -> IN_NEGOTIATION -> APPROVED -> IMPLEMENTING -> "
                                             "COMPLETED; WITHDRAWN before approval; SUPERSEDED by a newer revision")
strawberry.enum(ObjectiveCategory, description="IPAP chapter, or ITPP strategic objective / partnership goal")
strawberry.enum(PlannedActivityStatus, description="PLANNED -> CONFIRMED -> DONE; FLAGGED when the menu withdraws it")
strawberry.enum(AssessmentRating, name="ProgrammeAssessmentRating")
strawberry.enum(OccLevel, description="OCC evaluation level: self (SEL) or NATO (NEL) evaluation, level 1 or 2")
strawberry.enum(OccResult)
strawberry.enum(ProgrammeOrder, name="ProgrammeOrderField", description="What programmes are sorted by")

__all__ = ["AssessmentRating", "ObjectiveCategory", "OccLevel", "OccResult", "PlannedActivityStatus",
           "ProgrammeOrder", "ProgrammeStatus", "ProgrammeType"]
