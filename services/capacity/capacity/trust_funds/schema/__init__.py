"""The GraphQL schema of Trust Fund projects: types, inputs, query, mutation."""
