"""menu: the Partnership Cooperation Menu — areas, activities and their dated occurrences.

One package per concern, each with the same module names (rules, models, repository, use_cases, events,
access, schema, seed; a module a concern does not need is absent):

- activities: the catalogue: areas of cooperation, activities and their dated occurrences.
- providers: who offers activities (a NATO body, a nation, a PTEC, a COE), known by the pcmRef prefix.
- participation: partners' nominations of participants to occurrences: seats, waitlists, attendance, feedback.
- exercises: the Military Training and Exercise Programme (MTEP) and partners' requests to take part.
- commitments: the menu's copy of partners' plans (programmes) and capacity measures (capacity) of its
  activities, and what menu changes do to them (the planImpacts feed).
- partners: the menu's copy of programmes' partners (the consumer of programmes' partner topic, the read model)
  and what a partner's account may act on.

Why the cut is where it is: a concern is what changes together: one family of aggregates with one lifecycle,
its own topics, its own rules of access and its own part of Query, Mutation and Subscription. Occurrences stay
with their activity (they are read and edited under the activity's rules, and keep its next start date); the
areas too (a reference list only activities read). Nominations are a concern of their own: another lifecycle
and topic, and personal data under rules of its own. Providers and the exercise programme each have their
lifecycle, topic and staff rules. The known-partner copy is read by several concerns (what a partner sees of
activities and exercises, whom it nominates and invites), so it is a concern of its own rather than any one's;
the Partner entity's fields, though, are in `types` (below). Partners' commitments are copies of two other
services' aggregates that only the planImpacts feed reads, with its own consumers: a concern of their own.

Concerns call one another in both directions (an occurrence's seats serve the waitlist; a provider's new name
is copied onto its activities), module to module, never in a circle. Around them:

- app.py wires what the concerns export: consumers, live feeds, snapshots, the loaders class, the catalogue,
  seed stages and SERVICE.
- schema.py merges each concern's Query, Mutation and Subscription parts and its SCHEMA_RULES.
- types.py holds the GraphQL types that concerns reach one another by in circles (Activity, Occurrence and
  Provider; Exercise, ExerciseParticipation and Partner): a strawberry type imports every type it names. Each
  derives from its concern's `<Type>Fields` (its own fields, in the concern's schema) and adds only the fields
  that reach other types, so a plain field is the concern's alone.
- base.py holds the declarative Base every concern's models derive from.
"""
