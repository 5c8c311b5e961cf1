"""A unit the resident names is matched with the registry's unit however the estate writes mainland flats."""

from __future__ import annotations

import pytest

from bot.domain.residents import Unit


@pytest.mark.parametrize(
    ("registry", "building", "said", "expected"),
    [
        (("3", "502"), "3", "502", True),
        (("3", "12B"), None, "12b", True),
        (("3", "502"), "4", "502", False),  # another building's flat
        # Registry with entrances: the flat alone or with its entrance.
        (("2", "3-501"), "2", "3-501", True),
        (("2", "3-501"), "2", "501", True),
        (("2", "3-501"), None, "501", True),
        (("2", "3-501"), "2", "2-501", False),  # the same flat number behind another entrance
        # Registry without entrances: the resident may still say one.
        (("2", "501"), "2", "3-501", True),
        (("2", "501"), "2", "3-502", False),
        # Singapore-style floor-flat is no entrance-flat: "05-02" is not flat "02".
        (("3", "05-02"), "3", "02", False),
        (("3", "05-02"), "3", "05-02", True),
    ],
)
def test_named_by(registry: tuple[str, str], building: str | None, said: str, expected: bool) -> None:
    assert Unit(1, registry[0], registry[1]).named_by(building, said) is expected
