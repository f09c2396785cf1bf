"""The domain's enums, registered with strawberry once, before any type or input uses them."""

from capacity.domain import ContributionKind, RagStatus, Recommendation, RequestStatus, SupportArea
from capacity.repository import RequestOrder
from shared.graphql.enums import described_enum

described_enum(
    SupportArea,
    "An area of Defence Capacity Building support",
    {
        "STRATEGIC_ADVICE": "Strategic advice on defence and security sector reform",
        "DEFENCE_INSTITUTION_BUILDING": "Building defence institutions",
        "LOGISTICS": "Logistics",
        "DDR": "Disarmament, demobilisation and reintegration",
        "CIVIL_EMERGENCY_PLANNING": "Civil emergency planning and preparedness",
        "CYBER_DEFENCE": "Cyber defence",
        "EDUCATION_AND_TRAINING": "Military education and training",
        "COUNTER_IED": "Countering improvised explosive devices",
        "MARITIME_SECURITY": "Maritime security",
        "OTHER": "Another area than those listed",
    },
)
described_enum(
    RequestStatus,
    "Where a request is in its lifecycle: SUBMITTED -> UNDER_ASSESSMENT -> "
    "PACKAGE_PROPOSED -> APPROVED -> IMPLEMENTING -> COMPLETED; DECLINED (from "
    "UNDER_ASSESSMENT or PACKAGE_PROPOSED) or WITHDRAWN (before APPROVED) end it",
    {
        "SUBMITTED": "Submitted by the partner (or staff for it); it can still change",
        "UNDER_ASSESSMENT": "NATO staff are assessing it; it can still change",
        "PACKAGE_PROPOSED": "A package of support is proposed and staff shape its measures",
        "APPROVED": "The North Atlantic Council approved the package; it can no longer be declined or withdrawn",
        "IMPLEMENTING": "The package is being carried out, with progress reports",
        "COMPLETED": "The support was delivered; final",
        "DECLINED": "Declined by staff during assessment or with a package proposed (with a reason); final",
        "WITHDRAWN": "Withdrawn by the partner (or staff for it) before approval (with a reason); final",
    },
    name="CapacityRequestStatus",
)
described_enum(
    Recommendation,
    "What an assessment recommends",
    {
        "SUPPORT": "Support the request as it is",
        "SUPPORT_WITH_CHANGES": "Support it once changed",
        "DO_NOT_SUPPORT": "Do not support it",
    },
    name="RequestRecommendation",
)
described_enum(
    ContributionKind,
    "What a nation gives to a measure",
    {
        "ADVISERS": "Advisers (a number of people)",
        "TRAINERS": "Trainers (a number of people)",
        "FUNDS": "Funds (an amount in a currency)",
        "IN_KIND": "Equipment or services in kind (described)",
    },
)
described_enum(
    RagStatus,
    "How a package is going in a reported period: GREEN on track, AMBER at risk, RED off track",
    {
        "GREEN": "On track",
        "AMBER": "At risk",
        "RED": "Off track",
    },
    name="ProgressStatus",
)
described_enum(
    RequestOrder,
    "What requests are sorted by",
    {
        "CREATED_AT": "When it was submitted (createdAt)",
        "UPDATED_AT": "When it last changed (updatedAt)",
    },
    name="CapacityRequestOrderField",
)

__all__ = ["ContributionKind", "RequestOrder", "RagStatus", "Recommendation", "RequestStatus", "SupportArea"]
