"""Personnummer and samordningsnummer: checksum, date, and what is not one."""

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kansli.publishing.redaction import Kind, find_personal_data, redact
from kansli.publishing.redaction.personnummer import find_personal_numbers, luhn_valid


def check_digit(nine: str) -> str:
    """The Luhn check digit, computed here independently of the code under test."""
    total = 0
    for index, char in enumerate(nine):
        product = int(char) * (2 - index % 2)
        total += product // 10 + product % 10
    return str((10 - total % 10) % 10)


@pytest.mark.parametrize(
    "number",
    [
        "811218-9876",
        "811218+9876",  # 100 years or older
        "19811218-9876",
        "198112189876",
        "8112189876",
        "811218 9876",
        "19811218 9876",
        "121212-1212",
        "19121212-1212",
        "701063-2391",  # samordningsnummer: day 3 + 60
        "000229-1235",  # 29 February 2000
        "20000229-1235",
        "811218–9876",  # an en dash, as word processors write it
    ],
)
def test_found(number):
    text = f"Sökande: Anna Andersson, {number}, Örebro."
    [finding] = find_personal_numbers(text)
    assert finding.text == number
    assert text[finding.start : finding.end] == number
    assert finding.kind is Kind.PERSONAL_NUMBER


@pytest.mark.parametrize(
    "text",
    [
        "811218-9877",  # wrong check digit
        "8112189875",
        "19811218-9875",
        "811318-9876",  # month 13 (the check digit is right for it)
        "811232-9871",  # day 32
        "811292-9873",  # samordningsnummer day 92 - 60 = 32
        "010229-1234",  # 29 February 2001 does not exist
        "19000229-1233",  # nor 1900-02-29
        "Diarienummer RS 2020-00123",
        "20RS5432",
        "KS 2018/124",
        "Sammanträdesdatum 2020-08-26",
        "Redovisningsperiod 190101-191231",
        "2019-01-01 - 2019-12-31",
        "1 394 999,76 kr",
        "Belopp 1394999760",
        "lagen (2003:1210)",
        "organisationsnummer 212000-1967",  # month 20: a legal person, not a private one
        "8112189876543",  # more digits
        "X8112189876",
        "19811218-9876-12",
    ],
)
def test_not_found(text):
    assert find_personal_numbers(text) == []


def test_luhn():
    assert luhn_valid("8112189876")
    assert not luhn_valid("8112189877")
    assert check_digit("811218987") == "6"


_WORDS = st.sampled_from(
    [
        "att",
        "och",
        "i",
        "ärendet",
        "beslut",
        "nämnden",
        "sökande",
        "har",
        "inkommit",
        "med",
        "en",
        "begäran",
        "om",
        "bistånd",
        "den",
        "12",
        "maj",
        "2020",
        "kr",
        "kl.",
        "10.00",
        "RS",
        "2020-00123",
        "§",
        "5",
        "Örebro",
        "län",
        "överklagande,",
        "(S)",
        "-",
        ":",
        ";",
        "Å",
        "Ä",
        "Ö",
        "ansökan",
        "tillstyrks",
        "avslås",
    ]
)


@st.composite
def personnummer(draw, *, valid: bool = True) -> str:
    born = draw(st.dates(datetime.date(1890, 1, 1), datetime.date(2024, 12, 31)))
    day = born.day + (60 if draw(st.booleans()) else 0)  # samordningsnummer
    serial = f"{draw(st.integers(0, 999)):03d}"
    nine = f"{born:%y%m}{day:02d}{serial}"
    check = check_digit(nine)
    if not valid:
        check = str((int(check) + draw(st.integers(1, 9))) % 10)
    date = f"{born:%Y%m}{day:02d}" if draw(st.booleans()) else nine[:6]
    separator = draw(st.sampled_from(["-", "", " ", "+"] if len(date) == 6 else ["-", "", " "]))
    return f"{date}{separator}{serial}{check}"


@settings(max_examples=300, deadline=None)
@given(
    before=st.lists(_WORDS, max_size=12),
    after=st.lists(_WORDS, max_size=12),
    number=personnummer(),
    closing=st.sampled_from(["", ".", ",", ")", ":"]),
)
def test_any_valid_number_in_text_is_found_and_masked(before, after, number, closing):
    text = " ".join([*before, number + closing, *after])
    found = [f for f in find_personal_data(text) if f.kind is Kind.PERSONAL_NUMBER]
    assert [f.text for f in found] == [number]
    masked = redact(text).text
    assert number not in masked
    assert "[personnummer]" in masked


@settings(max_examples=300, deadline=None)
@given(before=st.lists(_WORDS, max_size=12), number=personnummer(valid=False))
def test_wrong_check_digit_is_not_found(before, number):
    text = " ".join([*before, number, "har inkommit."])
    assert [f for f in find_personal_data(text) if f.kind is Kind.PERSONAL_NUMBER] == []
