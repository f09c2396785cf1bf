"""The declarative base every concern's tables derive from: one metadata for the menu's database."""

from __future__ import annotations

from sqlalchemy.orm import DeclarativeBase

from shared.db import service_metadata


class Base(DeclarativeBase):
    metadata = service_metadata()
