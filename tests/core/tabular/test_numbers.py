"""Swedish numbers: thousands with spaces, a decimal comma, the minus sign, "kr" and "%"."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kansli.core.formatting import format_number
from kansli.core.tabular.numbers import NumberError, parse_decimal, parse_integer


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1234", 1234),
        ("1 234", 1234),
        ("1\u00a0234", 1234),  # a no-break space, as Excel and Kansli write it
        ("1\u2009234", 1234),  # a thin space
        ("1\u202f234\u202f567", 1234567),  # a narrow no-break space
        ("-12", -12),
        ("−12", -12),  # the minus sign U+2212
        ("– 12", -12),  # an en dash, as a word processor makes it
        ("+7", 7),
        ("  42  ", 42),
        ("1 250 000 kr", 1250000),
        ("1250000kr", 1250000),
        ("12 %", 12),
        ("1 234,00", 1234),
        ("007", 7),
        ("0", 0),
    ],
)
def test_integers(text, value):
    assert parse_integer(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1234,50", Decimal("1234.50")),
        ("1 234,5", Decimal("1234.5")),
        ("−0,25", Decimal("-0.25")),
        ("2.75", Decimal("2.75")),  # a decimal point, where it cannot be a thousands separator
        ("1,234", Decimal("1.234")),  # Swedish: a decimal comma
        ("12,5 %", Decimal("12.5")),
        ("1 305 500,75 kr", Decimal("1305500.75")),
        ("17", Decimal("17")),
    ],
)
def test_decimals(text, value):
    assert parse_decimal(text) == value


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "Talet saknas."),
        ("   ", "Talet saknas."),
        ("tolv", "”tolv” är inget tal. Skriv till exempel 1 234 eller 1234,50."),
        ("12 34", "skriv tusental i grupper om tre siffror"),
        ("1 2345", "skriv tusental i grupper om tre siffror"),
        ("1.234", "kan vara både tusental och decimaler"),
        ("1.234.567", "kan vara både tusental och decimaler"),
        ("1,234,567", "har komma mellan tusentalen"),
        ("1,234.50", "har komma mellan tusentalen"),
        ("1.234,50", "är inget tal"),
        ("1,2,3", "är inget tal"),
        ("12,5", "”12,5” är inget heltal."),
        ("1e5", "är inget tal"),
        ("kr", "är inget tal"),
        ("-", "är inget tal"),
        ("12 st", "är inget tal"),
        ("9" * 40, "är för stort"),
    ],
)
def test_what_is_refused_as_an_integer(text, words):
    with pytest.raises(NumberError) as refused:
        parse_integer(text)
    assert words in refused.value.message


def test_too_many_decimals():
    assert parse_decimal("1,25", places=2) == Decimal("1.25")
    with pytest.raises(NumberError, match=r"för många decimaler \(högst 2\)"):
        parse_decimal("1,255", places=2)
    with pytest.raises(NumberError, match="inga decimaler"):
        parse_decimal("1,5", places=0)


def test_suffixes_can_be_refused():
    with pytest.raises(NumberError):
        parse_integer("12 kr", suffixes=())


def _swedish_groups(value: int, separator: str) -> str:
    return f"{value:,}".replace(",", separator).replace("-", "−")


@given(st.integers(min_value=-(10**15), max_value=10**15), st.sampled_from(" \u00a0\u2009\u202f"))
def test_any_integer_written_with_swedish_thousands_reads_back(value, separator):
    assert parse_integer(_swedish_groups(value, separator)) == value
    assert parse_integer(str(value)) == value


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=2, allow_nan=False))
def test_any_amount_kansli_shows_reads_back(value):
    assert parse_decimal(format_number(value, 2)) == value
    assert parse_decimal(format_number(value, 2) + "\u00a0kr") == value


@given(st.text(max_size=20))
def test_any_text_is_a_number_or_a_swedish_refusal(text):
    try:
        parse_decimal(text)
    except NumberError as error:
        assert error.message
