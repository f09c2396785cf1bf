"""The domain's enums, registered with strawberry once, before any type or input uses them."""

import strawberry

from capacity.domain import ContributionKind, RagStatus, Recommendation, RequestStatus, SupportArea
from capacity.repository import RequestOrder

strawberry.enum(SupportArea, description="An area of Defence Capacity Building support")
strawberry.enum(RequestStatus, name="CapacityRequestStatus",
                description="SUBMITTED -> UNDER_ASSESSMENT -> PACKAGE_PROPOSED -> APPROVED -> IMPLEMENTING -> "
                            "COMPLETED; DECLINED; WITHDRAWN")
strawberry.enum(Recommendation, name="RequestRecommendation")
strawberry.enum(ContributionKind)
strawberry.enum(RagStatus, name="ProgressStatus", description="GREEN on track, AMBER at risk, RED off track")
strawberry.enum(RequestOrder, name="CapacityRequestOrderField", description="What requests are sorted by")

__all__ = ["ContributionKind", "RequestOrder", "RagStatus", "Recommendation", "RequestStatus", "SupportArea"]
