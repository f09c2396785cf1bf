"""The Interoperability Platform's GraphQL schema: its types, inputs, queries and mutations."""
