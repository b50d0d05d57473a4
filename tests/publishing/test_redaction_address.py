"""Swedish postal addresses: street and number, box, postcode and town."""

import pytest

from kansli.publishing.redaction import Kind
from kansli.publishing.redaction.address import find_addresses


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Drottninggatan 5B", ["Drottninggatan 5B"]),
        ("Storgatan 12 lgh 1102", ["Storgatan 12 lgh 1102"]),
        ("Adress: Storgatan 12, 702 10 Örebro", ["Storgatan 12, 702 10 Örebro"]),
        ("Exempelvägen 3 A, 123 45 Exempelby", ["Exempelvägen 3 A, 123 45 Exempelby"]),
        ("bor på Lingonstigen 4 i Kumla", ["Lingonstigen 4"]),
        ("Lilla Torggränd 7", ["Lilla Torggränd 7"]),
        ("Stortorget 1", ["Stortorget 1"]),
        ("Norra Allén 3", ["Norra Allén 3"]),
        ("Kvarnbacken 12-14", ["Kvarnbacken 12-14"]),
        ("Hamnplan 2", ["Hamnplan 2"]),
        ("Älvleden 9", ["Älvleden 9"]),
        ("Parkstråket 6", ["Parkstråket 6"]),
        ("Järntorgsplatsen 1", ["Järntorgsplatsen 1"]),
        ("Skolväg 4", ["Skolväg 4"]),
        ("Björkgata 8", ["Björkgata 8"]),
        ("S:t Persgatan 5", ["S:t Persgatan 5"]),
        ("Olof Palmes gata 3", ["Olof Palmes gata 3"]),
        ("Exempel Perssons väg 11", ["Exempel Perssons väg 11"]),
        ("STORGATAN 12", ["STORGATAN 12"]),
        ("Box 1613, 701 16 Örebro", ["Box 1613, 701 16 Örebro"]),
        ("Box 1613\n701 16 Örebro", ["Box 1613", "701 16 Örebro"]),
        ("Storgatan 12  \n702 10 Örebro\n", ["Storgatan 12", "702 10 Örebro"]),
        ("**Ekvägen 49 c**\n\n**711 30 LINDESBERG**", ["Ekvägen 49 c", "711 30 LINDESBERG"]),
        ("Exempelhyttan 612, 702 92, Örebro", ["Exempelhyttan 612, 702 92, Örebro"]),
        ("Storgatan 12, SE-702 10 Örebro", ["Storgatan 12, SE-702 10 Örebro"]),
    ],
)
def test_found(text, found):
    findings = find_addresses(text)
    longest = [
        f
        for f in findings
        if not any(o != f and o.start <= f.start and f.end <= o.end for o in findings)
    ]
    assert [f.text for f in longest] == found
    assert all(text[f.start : f.end] == f.text and f.kind is Kind.ADDRESS for f in findings)


@pytest.mark.parametrize(
    "text",
    [
        "vägen framåt 2024",
        "Vägen framåt 2024",
        "storgatan 12",  # a street name is capitalised
        "Storgatan är avstängd",
        "Storgatan 2020-08-26",
        "Handlingsplan 2",
        "Verksamhetsplan 2021",
        "Internkontrollplan 30",
        "Internkontrollplan\t30",
        "Detaljplan 12",
        "Riksväg 50",
        "Länsväg 205",
        "Bilaga 3",
        "702 10 Örebro",  # a postcode alone, not after an address line
        "Region Örebro län 2020",
        "Regionstyrelsen 2020-08-26",
        "Diarienummer: 20RS6617",
        "Storgatan 12,5 procent",
    ],
)
def test_not_found(text):
    assert find_addresses(text) == []
