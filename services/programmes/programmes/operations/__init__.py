"""Partners' contributions to NATO-led operations."""
