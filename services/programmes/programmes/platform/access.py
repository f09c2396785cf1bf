"""Who may do what with the Interoperability Platform (deny by default). Pure.

Staff run it; a partner reads the meetings it attended and the actions assigned to it (its own part of each);
Allies and systems read everything.
"""

from __future__ import annotations

from shared.auth import Role, rule

READ_PLATFORM = rule(
    "read the Interoperability Platform's meetings and actions",
    Role.STAFF,
    Role.ALLY,
    Role.SYSTEM,
    Role.PARTNER,
    own=(Role.PARTNER,),
)
RUN_PLATFORM = rule("run the Interoperability Platform: membership, meetings, actions", Role.STAFF)
REPORT_ACTIONS = rule("report progress on common actions", Role.STAFF, Role.PARTNER, own=(Role.PARTNER,))

SCHEMA_RULES = {
    "Mutation.joinInteroperabilityPlatform": RUN_PLATFORM,
    "Mutation.leaveInteroperabilityPlatform": RUN_PLATFORM,
    "Query.platformMeeting": READ_PLATFORM,
    "Query.platformMeetings": READ_PLATFORM,
    "PlatformMeeting": READ_PLATFORM,
    "Query.commonAction": READ_PLATFORM,
    "Query.commonActions": READ_PLATFORM,
    "CommonAction": READ_PLATFORM,
    "Partner.commonActions": READ_PLATFORM,
    "Mutation.schedulePlatformMeeting": RUN_PLATFORM,
    "Mutation.recordPlatformMeetingHeld": RUN_PLATFORM,
    "Mutation.cancelPlatformMeeting": RUN_PLATFORM,
    "Mutation.setCommonAction": RUN_PLATFORM,
    "Mutation.dropCommonAction": RUN_PLATFORM,
    "Mutation.reportCommonActionProgress": REPORT_ACTIONS,
}
