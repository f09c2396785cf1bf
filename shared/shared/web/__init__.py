"""The HTTP edge every service shares: app factory, health, metrics, serving."""
