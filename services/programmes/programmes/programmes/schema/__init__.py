"""Programmes' GraphQL schema: its own types, inputs, queries, mutations and subscription."""
