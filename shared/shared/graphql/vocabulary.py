"""The GraphQL meaning of the vocabularies every service speaks (Framework, Priority, WpsMarker), registered
once: schema modules import the enums from here, so that strawberry meets them described before any type
names them, while shared.frameworks, shared.priority and shared.wps stay pure for the rules that use them."""

from shared.frameworks import Framework as Framework  # re-exported, registered
from shared.graphql.enums import described_enum
from shared.priority import Priority as Priority  # re-exported, registered
from shared.wps import WpsMarker as WpsMarker  # re-exported, registered

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

described_enum(
    Priority,
    "How much it matters: HIGH, MEDIUM or LOW",
    {"HIGH": "Matters most", "MEDIUM": "Matters", "LOW": "Matters least"},
)

described_enum(
    WpsMarker,
    "How much it serves the Women, Peace and Security agenda (UNSCR 1325), as gender markers grade it",
    {
        "PRINCIPAL": "WPS is its main purpose",
        "SIGNIFICANT": "WPS is an important, deliberate part of it, not its main purpose",
        "NOT_TARGETED": "It does not set out to serve WPS",
    },
)
