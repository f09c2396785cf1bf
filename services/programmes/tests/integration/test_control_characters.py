"""No argument of any root field lets a control character through to the database, nor answers it with an
internal error: every one is refused as BAD_USER_INPUT (schema-driven, so new fields are probed too)."""

from __future__ import annotations

from shared.testing.harness import ServiceHarness
from shared.testing.probes import control_character_failures


async def test_every_control_character_in_every_text_argument_is_bad_input(programmes: ServiceHarness) -> None:
    assert await control_character_failures(programmes) == []
