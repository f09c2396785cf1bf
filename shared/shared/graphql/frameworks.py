"""Framework's GraphQL meaning, registered once before any schema is built (shared.graphql.schema imports
this module), so the pure enum in shared.frameworks stays free of strawberry."""

from shared.frameworks import Framework as Framework  # re-exported, registered
from shared.graphql.enums import described_enum

described_enum(
    Framework,
    "Partnership framework a partner belongs to",
    {
        "PFP": "Partnership for Peace: the Euro-Atlantic partners (EAPC)",
        "MD": "Mediterranean Dialogue",
        "ICI": "Istanbul Cooperation Initiative: partners in the Gulf region",
        "PATG": "Partners across the globe",
    },
)
