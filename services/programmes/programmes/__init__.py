"""programmes: the partners and the programmes they agree with the Alliance.

One package per concern, each with the same module names (rules, models, repository, use_cases, events, access,
schema, seed; a module a concern does not need is absent):

- partners/    the partner countries: framework, flags and tools, suspension (the reference list is its seed).
- programmes/  a partner's programmes: lifecycle, objectives, planned menu activities, PARP goals, OCC evaluations,
               the WPS summary; and programmes' copies of menu's activities and attendance, which only they use.
- platform/    the Interoperability Platform: membership, its meetings and the common actions they set.
- operations/  partners' contributions to NATO-led operations.

The root wires them and holds no logic: app.py (runtime, catalogue, snapshots, loaders, seeds), schema.py (the
root types and SCHEMA_RULES merged from the concerns), base.py (the one declarative Base), types.py (the GraphQL
types the concerns reference one another by: Partner lists programmes, contributions and actions, which name
their partner back, so those types must sit in one module).

Why the cut is here: each concern is an aggregate (or two: a meeting and its actions) with its own topic,
lifecycle, access rules and reasons to change, and the code already kept them apart (platform_rules.py,
operations.py, contributions.py, platform_repository.py, their own schema modules); only partners and
programmes shared modules. Dependencies run one way, towards partners: the others belong to a partner and use
its repository, its events and `sees_partner`; partners.rules uses programmes' ProgrammeType alone (a partner's
tools are the programme types it takes part in). Platform membership changes the partner (it travels on
programmes.partner.v1) but is the Platform's: its date rules, its access rule (RUN_PLATFORM) and its seed are.
Menu's event handlers (a withdrawal flags plans, attendance makes them done) are use cases of programmes/ and sit
in its use_cases.py: they share its helpers, and use_cases.py imports events.py's builders, so in events.py they
would close an import circle. The toolbox seed draws one random stream per partner, programmes then
contributions, so programmes' seed stage calls operations' seed to keep the data as it was.
"""
