"""GraphQL conventions shared by every subgraph: context, errors, pagination, loaders, schema."""
