"""The separator from the header line, quotes respected; Excel's "sep=" line."""

import pytest

from kansli.core.tabular.sniffing import separator_line, sniff_delimiter


@pytest.mark.parametrize(
    ("line", "delimiter"),
    [
        ("namn;parti;roll", ";"),
        ("namn,parti,roll", ","),
        ("namn\tparti\troll", "\t"),
        ('"Efternamn, förnamn";parti', ";"),  # the comma is inside quotes
        ('"a;b","c;d",e', ","),  # the semicolons are inside quotes
        ("namn; parti, roll", ";"),  # a tie: Excel in Swedish writes semicolons
        ("namn", ";"),  # one column
        ("", ";"),
    ],
)
def test_the_separator(line, delimiter):
    assert sniff_delimiter(line) == delimiter


@pytest.mark.parametrize(
    ("line", "delimiter"),
    [("sep=;", ";"), ("SEP=,\r", ","), ("sep=\t", "\t"), ("sep=|", None), ("namn;sep", None)],
)
def test_excel_separator_line(line, delimiter):
    assert separator_line(line) == delimiter
