"""The declarative base of every concern's tables: one metadata for the whole service (runtime and migrations)."""

from __future__ import annotations

from sqlalchemy.orm import DeclarativeBase

from shared.db import service_metadata


class Base(DeclarativeBase):
    metadata = service_metadata()
