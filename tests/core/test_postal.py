"""What a letter needs: a street or box line and a postnummer with the town (or, abroad, a
postal code line and the country last)."""

import pytest

from kansli.core.postal import address_lines, is_postal_address


@pytest.mark.parametrize(
    "address",
    [
        "Box 1613, 701 16 Örebro",
        "Box 1613, 70116 Örebro",
        "Box 1613\n701 16 Örebro",
        "Regionstyrelsen\nRegion Örebro län\nBox 1613\n701 16 ÖREBRO",
        "Staben, Region Örebro län, Box 1613, 701 16 Örebro",
        "Exempelgatan 4, 702 10 Örebro",
        "Exempelgatan 4 B\r\n702 10 Stora Mellösa",
        "Södra Grev Rosengatan 7, SE-701 16 Örebro",
        "Exempelgatan 4, 702 10 Örebro, Sverige",
        "  Exempelgatan 4 ,\n\n 702 10   Örebro  ",
        "Storgata 1, 0155 Oslo, Norge",
        "Musterstraße 1\n10115 Berlin\nTyskland",
        "10 Downing Street\nLondon\nSW1A 2AA\nUnited Kingdom",
        "Rue de Rivoli 1, 75001 Paris, Frankrike",
    ],
)
def test_addresses_a_letter_can_go_to(address):
    assert is_postal_address(address)


@pytest.mark.parametrize(
    "address",
    [
        "",
        "   ",
        "Staben",
        "Staben Ekonomi",
        "Region Örebro län",
        "Regionstyrelsen, Staben",
        "701 16 Örebro",  # no street or box
        "Staben, 701 16 Örebro",  # a unit is not a street
        "Box 1613",  # no postnummer
        "Exempelgatan 4, Örebro",  # no postnummer
        "Exempelgatan 4, 7011 Örebro",  # four digits is no Swedish postnummer
        "Exempelgatan 4, 701 16",  # no town
        "Exempelgatan 4, Örebro, Sverige",
        "Exempelgatan 4 702 10 Örebro",  # one line without a separator
        "kansliet@example.se",
        "Staben, 0155 Oslo, Norge",  # abroad too: a street line
        "Exempelgatan 4, Rum 3, Oslo",  # "Rum 3" is no postal code, "Oslo" no country
    ],
)
def test_names_units_and_half_addresses_are_not(address):
    assert not is_postal_address(address)


def test_lines_are_split_on_line_breaks_and_commas():
    assert address_lines("Box 1613,\n701 16  Örebro, ") == ["Box 1613", "701 16 Örebro"]
