"""Who may follow what menu changes do to partners' commitments (deny by default). Pure."""

from __future__ import annotations

from shared.auth import Role, Rule, rule

# What menu changes do to a partner's plans, measures and nominations: the partner's own, the Alliance's all.
FOLLOW_PLAN_IMPACTS = rule(
    "follow what menu changes do to a partner's commitments",
    Role.STAFF,
    Role.ALLY,
    Role.SYSTEM,
    Role.PARTNER,
    own=(Role.PARTNER,),
)

# Every root field and every field with a rule of its own, as the authorization matrix checks them.
SCHEMA_RULES: dict[str, Rule] = {
    "Subscription.planImpacts": FOLLOW_PLAN_IMPACTS,
}
