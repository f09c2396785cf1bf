from __future__ import annotations

from typing import Any

import pytest

from programmes.partners.rules import PartnerDetails, check_partner
from programmes.partners.seed import partners
from shared.errors import BadUserInput
from shared.frameworks import Framework


def test_the_reference_list_has_38_partners_in_four_frameworks() -> None:
    listed = partners()
    assert len(listed) == 38
    assert {p.framework for p in listed} == set(Framework)
    assert {p.iso for p in listed if p.suspended} == {"BLR", "RUS", "AFG"}


@pytest.mark.parametrize(
    ("overrides", "field"), [({"iso": "GE"}, "iso"), ({"name": " "}, "name"), ({"ipap_since": 1066}, "ipapSince")]
)
def test_bad_partner_details_name_their_field(overrides, field) -> None:  # type: ignore[no-untyped-def]
    values: dict[str, Any] = dict(iso="geo", name="Georgia", framework=Framework.PFP)
    values.update(overrides)
    with pytest.raises(BadUserInput) as refused:
        check_partner(PartnerDetails(**values))
    assert refused.value.field == field
