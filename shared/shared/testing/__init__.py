"""Test support every service uses: embedded PostgreSQL and broker fixtures, harnesses, helpers."""
