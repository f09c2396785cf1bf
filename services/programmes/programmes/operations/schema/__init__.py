"""The GraphQL schema of contributions to operations: its types, inputs, queries and mutations."""
