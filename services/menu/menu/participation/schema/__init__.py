"""The participation's GraphQL: its types and enums, inputs, and its parts of Query, Mutation and Subscription."""
