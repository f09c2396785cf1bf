"""The GraphQL schema of SPS grant applications: types, inputs, query, mutation."""
