"""A header row to column positions: Swedish and English labels, any case, spacing, dash,
unit or diacritics; missing and duplicate columns named by their Swedish labels."""

import pytest

from kansli.core.tabular.headers import (
    Column,
    check_columns,
    expected_header,
    header_key,
    map_header,
    unknown_problem,
)

COLUMNS = (
    Column("federation", ("förbund", "federation", "samordningsförbund")),
    Column("year", ("år", "year"), pattern=r"(19|20)\d\d"),
    Column("granted", ("beviljat", "granted")),
    Column("email", ("e-post", "email"), required=False),
)


@pytest.mark.parametrize(
    "cells",
    [
        ["förbund", "år", "beviljat", "e-post"],
        ["Federation", "YEAR", "Granted", "Email"],
        ['  "Förbund" ', "År", "Beviljat (kr)", "E–post"],  # quotes, a unit, an en dash
        ["FORBUND", "ar", "beviljat", "e - post"],  # no Swedish keyboard
        ["Samordningsförbund", "2023", "beviljat"],  # SCB writes the year as the header
    ],
)
def test_headers_as_people_and_programs_write_them(cells):
    header = map_header(cells, 1, COLUMNS)
    assert header.problems == [], header.problems
    assert header.positions["federation"] == 0
    assert header.positions["year"] == 1
    assert header.positions["granted"] == 2


def test_columns_in_any_order_and_unknown_ones_noted():
    header = map_header(["Kommentar", "beviljat", "år", "", "förbund", ""], 4, COLUMNS)
    assert header.positions == {"granted": 1, "year": 2, "federation": 4}
    assert header.unknown == ["Kommentar"]
    assert header.cells == ["Kommentar", "beviljat", "år", "", "förbund"]
    assert header.width == 6
    problem = unknown_problem(header, COLUMNS)
    assert str(problem) == (
        "Rad 4: Okänd kolumn: ”Kommentar”. Kolumnerna som kan finnas: förbund, år, beviljat, "
        "e-post."
    )


def test_missing_columns_are_named_in_swedish():
    header = map_header(["federation", "kommentar"], 1, COLUMNS, delimiter=",")
    assert [str(p) for p in header.problems] == [
        "Rad 1: Kolumnerna år och beviljat saknas. Första raden ska vara förbund;år;beviljat "
        "(och e-post om du vill); nu är den ”federation,kommentar”."
    ]
    one = map_header(["förbund", "år"], 2, COLUMNS)
    assert one.problems[0].message.startswith("Kolumnen beviljat saknas.")


def test_a_column_twice_is_named():
    header = map_header(["förbund", "år", "Federation", "beviljat"], 1, COLUMNS)
    assert [str(p) for p in header.problems] == ["Rad 1: Kolumnen förbund finns två gånger."]


def test_the_expected_header():
    assert expected_header(COLUMNS) == "förbund;år;beviljat (och e-post om du vill)"


def test_header_keys():
    assert header_key('  "Förbund  Namn" ') == "forbund namn"
    assert header_key("E—POST") == "e-post"


def test_columns_that_share_a_label_are_a_programming_error():
    with pytest.raises(ValueError, match="names both"):
        check_columns([Column("a", ("år",)), Column("b", ("ar",))])
    with pytest.raises(ValueError, match="one key"):
        check_columns([Column("a", ("x",)), Column("a", ("y",))])
