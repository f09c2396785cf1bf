"""The GraphQL schema of requests for disaster assistance: types, inputs, query, mutation, subscription."""
