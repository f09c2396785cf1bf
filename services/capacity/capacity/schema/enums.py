"""The domain's enums, registered with strawberry once, before any type or input uses them."""

import strawberry

from capacity.domain import ContributionKind, Priority, RagStatus, Recommendation, RequestStatus, SupportArea

strawberry.enum(SupportArea, description="An area of Defence Capacity Building support")
strawberry.enum(RequestStatus, name="CapacityRequestStatus",
                description="SUBMITTED -> UNDER_ASSESSMENT -> PACKAGE_PROPOSED -> APPROVED -> IMPLEMENTING -> "
                            "COMPLETED; DECLINED; WITHDRAWN")
strawberry.enum(Priority, name="RequestPriority")
strawberry.enum(Recommendation, name="RequestRecommendation")
strawberry.enum(ContributionKind)
strawberry.enum(RagStatus, name="ProgressStatus", description="GREEN on track, AMBER at risk, RED off track")

__all__ = ["ContributionKind", "Priority", "RagStatus", "Recommendation", "RequestStatus", "SupportArea"]
