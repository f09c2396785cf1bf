"""The GraphQL schema of requests for support: types, inputs, query, mutation, subscription."""
