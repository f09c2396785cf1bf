"""Checks of free text every service applies to its inputs."""

from __future__ import annotations

import re

from shared.errors import BadUserInput

# Control characters other than tab and line breaks: PostgreSQL refuses NUL, and none belongs in text.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def plain(value: str, field_name: str) -> str:
    """The value, unless it holds control characters."""
    if CONTROL.search(value):
        raise BadUserInput(f"{field_name} contains control characters", field=field_name)
    return value


def text_field(value: str | None, field_name: str, *, max_length: int, required: bool = True) -> str | None:
    """Trimmed text, or BadUserInput naming the field when empty (if required), too long or not plain."""
    if value is None or not value.strip():
        if required:
            raise BadUserInput(f"{field_name} must not be empty", field=field_name)
        return None
    value = plain(value.strip(), field_name)
    if len(value) > max_length:
        raise BadUserInput(f"{field_name} is longer than {max_length} characters", field=field_name)
    return value
