"""The domain's enums, registered with strawberry once, before any type or input uses them."""

import strawberry

from capacity.domain import RequestStatus, SupportArea

strawberry.enum(SupportArea, description="An area of Defence Capacity Building support")
strawberry.enum(RequestStatus, name="CapacityRequestStatus",
                description="SUBMITTED -> UNDER_ASSESSMENT -> PACKAGE_PROPOSED -> APPROVED -> IMPLEMENTING -> "
                            "COMPLETED; DECLINED; WITHDRAWN")

__all__ = ["RequestStatus", "SupportArea"]
