"""Swedish telephone numbers, and the numbers in documents that are not telephone numbers."""

import pytest

from kansli.publishing.redaction import Kind
from kansli.publishing.redaction.phone import find_phone_numbers


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Växel: 019-602 10 00.", "019-602 10 00"),
        ("Ring 019-60 21 000", "019-60 21 000"),
        ("mobil 070-123 45 67", "070-123 45 67"),
        ("mobil 070 123 45 67", "070 123 45 67"),
        ("mobil 0701234567", "0701234567"),
        ("Stockholm 08-123 456 78", "08-123 456 78"),
        ("08-12 34 56", "08-12 34 56"),
        ("+46 70 123 45 67", "+46 70 123 45 67"),
        ("Tel:+46701234567", "+46701234567"),
        ("+46 (0)19 602 10 00", "+46 (0)19 602 10 00"),
        ("0046 19 6021000", "0046 19 6021000"),
        ("+46-70-123 45 67", "+46-70-123 45 67"),
        ("tfn 019 – 602 10 00", "019 – 602 10 00"),
        ("Telefonnummer: 073 - 123 45 67", "073 - 123 45 67"),
        ("Handläggare: 010-123 4567", "010-123 4567"),
        ("(019) 602 10 00", "(019) 602 10 00"),
        ("0589-123 45", "0589-123 45"),
        ("0771-123 123", "0771-123 123"),
        ("**Ring 070-123 45 67**", "070-123 45 67"),
        ("070-123 45 67 2020", "070-123 45 67"),  # the year after it is not part of it
        ("070-123 45 67, 070-765 43 21", "070-123 45 67"),
    ],
)
def test_found(text, number):
    found = find_phone_numbers(text)
    assert found[0].text == number
    assert text[found[0].start : found[0].end] == number
    assert found[0].kind is Kind.PHONE


def test_two_numbers():
    text = "070-123 45 67, 070-765 43 21 eller 08-123 456 78"
    assert [f.text for f in find_phone_numbers(text)] == [
        "070-123 45 67",
        "070-765 43 21",
        "08-123 456 78",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Sammanträdesdatum: 2020-08-26",
        "den 26.08.2020",
        "för tiden 2020-08-26 – 2022-12-31",
        "2020-06-15 – 2020-06-21",
        "19-01-01 - 19-12-31",
        "190101-191231",
        "2019–2022",
        "1 250 000 kr",
        "5 689,5 tkr",
        "-0,24",
        "Diarienummer: RS 2020-00123",
        "20RS5432",
        "KS 2018/124",
        "Diariern 02971-2020",
        "S2020/03317/FS",
        "Tid: kl. 09:30-12:00",
        "kl. 08.30-12.00",
        "sidan 012",
        "Sida 1 (2)",
        "702 10 Örebro",
        "lagen (2003:1210)",
        "070-12 3",  # too short
        "0701234567890",  # too long
        "1177.se",
        "3740 Öres- och kronutjämning -0,24",
        "8400 Räntekostnader -189,00",
    ],
)
def test_not_found(text):
    assert find_phone_numbers(text) == []
