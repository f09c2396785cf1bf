"""capacity: Defence Capacity Building (DCB) requests, from submission to completion, and the partnership
toolboxes of disaster assistance, Trust Funds and Science for Peace and Security.

One package per concern, each with the same module names (rules, models, repository, use_cases, events,
access, schema, seed; only those it needs):

- requests/     DCB requests for support: submission, assessment, lifecycle, holds, and the package of measures
                linked to menu activities, nations' contributions and progress reports; with capacity's copies
                of the menu's activities and attendance, which only measures use.
- assistance/   EADRCC: a stricken country's requests for disaster assistance, nations' offers, situation reports.
- trust_funds/  NATO Trust Fund projects in partner countries: phases, pledges and payments, progress reports.
- sps/          Science for Peace and Security grant applications: filing, review, decision, the grant's reports.
- partners/     capacity's copy of programmes' partners, the rule that support goes only to a partner it knows
                and cooperates with, and whom an Ally's or a partner's account acts for.

Why the cut is here: it follows the aggregates. Each concern owns one aggregate (its tables, its topic, its
lifecycle, its access rules), and no use case of one changes another's. A request's package, measures,
contributions and reports stay in requests because they are inside the request's aggregate: one version, one
lock, one event with everything in it. The read models follow their users: the menu's activities and attendance
serve measures only, so they live in requests; the partners' copy is read by all four (a request's partner, a
project's beneficiary, an application's partner country, a stricken country that is a partner), so it is a
concern of its own, with the checks of who a country is and who acts for it, which the toolboxes share.
programmes' partner events are consumed in requests (requests.events.on_partner_changed): the copy it keeps is
partners', but what a suspension does (hold the partner's open requests) is requests' business.

Between concerns, imports go one way: any concern may use partners; trust_funds and sps use requests' rule of
reporting periods (requests.rules.check_report); nothing uses a toolbox.

The root only wires: app (runtime, loaders, catalogue, snapshots, seeds), schema (the merged Query, Mutation,
Subscription and SCHEMA_RULES), base (the declarative Base of every table) and types: the Partner entity lists
each concern's aggregates and each aggregate points back to its Partner, so those five GraphQL types reference
one another and must share a module; everything inside an aggregate stays in its concern.
"""
