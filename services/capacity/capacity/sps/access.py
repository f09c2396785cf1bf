"""Who may do what with SPS grant applications (deny by default). Pure.

Staff or a nation's officials file for their nation (an Ally as the NATO country, a partner as the partner
country); a partner reads its own country's applications; staff review and decide; Allies and systems read all.
"""

from __future__ import annotations

from shared.auth import Role, rule

READ_SPS = rule("read SPS applications", Role.STAFF, Role.ALLY, Role.SYSTEM, Role.PARTNER, own=(Role.PARTNER,))
FILE_SPS = rule(
    "file SPS applications for one's nation", Role.STAFF, Role.ALLY, Role.PARTNER, own=(Role.ALLY, Role.PARTNER)
)
DECIDE_SPS = rule("review and decide SPS applications, follow their grants", Role.STAFF)

SCHEMA_RULES = {
    "Query.spsApplication": READ_SPS,
    "Query.spsApplications": READ_SPS,
    "SpsApplication": READ_SPS,
    "Partner.spsApplications": READ_SPS,
    "Mutation.submitSpsApplication": FILE_SPS,
    **{
        f"Mutation.{name}": DECIDE_SPS
        for name in (
            "startSpsReview",
            "approveSpsApplication",
            "rejectSpsApplication",
            "activateSpsGrant",
            "completeSpsGrant",
            "reportSpsProgress",
        )
    },
}
