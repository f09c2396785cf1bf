"""Checks of free text every service applies to its inputs."""

from __future__ import annotations

from shared.errors import BadUserInput


def text_field(value: str | None, field_name: str, *, max_length: int, required: bool = True) -> str | None:
    """Trimmed text, or BadUserInput naming the field when empty (if required) or too long."""
    if value is None or not value.strip():
        if required:
            raise BadUserInput(f"{field_name} must not be empty", field=field_name)
        return None
    value = value.strip()
    if len(value) > max_length:
        raise BadUserInput(f"{field_name} is longer than {max_length} characters", field=field_name)
    return value
