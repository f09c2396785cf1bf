"""The providers' GraphQL: their own types and enums, inputs, and their parts of Query and Mutation."""
