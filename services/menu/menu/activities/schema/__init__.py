"""The activities' GraphQL: their own types and enums, inputs, and their parts of Query, Mutation and Subscription."""
