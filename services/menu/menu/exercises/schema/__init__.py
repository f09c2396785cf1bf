"""The exercise programme's GraphQL: its own types and enums, inputs, and its parts of Query and Mutation."""
