"""The first sheet of a real .xlsx, written here with openpyxl, as rows of text."""

import datetime
import io
import zipfile
from decimal import Decimal

import pytest

from kansli.core.tabular import excel
from kansli.core.tabular.excel import cell_text, read_first_sheet
from kansli.core.tabular.problem import Problem

openpyxl = pytest.importorskip("openpyxl", reason="openpyxl is not installed")


def workbook_bytes(*sheets: list[list[object]], first_empty_rows: int = 0) -> bytes:
    workbook = openpyxl.Workbook()
    for index, rows in enumerate(sheets):
        sheet = workbook.active if index == 0 else workbook.create_sheet(f"Blad{index + 1}")
        for _ in range(first_empty_rows if index == 0 else 0):
            sheet.append([])
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_the_first_sheet_with_excels_row_numbers():
    data = workbook_bytes(
        [
            ["namn", "belopp", "datum", "andel"],
            ["Åsa Öberg", 1234.5, datetime.date(2024, 1, 31), 0.25],
            [],
            ["Bo Berg", 1250000, datetime.datetime(2024, 2, 1, 13, 30), None, None],
            [None, None],
            ["rad\nbrytning", True],
        ],
        [["annat blad"]],
        first_empty_rows=2,
    )
    assert excel.available()
    assert read_first_sheet(data, max_bytes=1_000_000) == [
        (3, ["namn", "belopp", "datum", "andel"]),
        (4, ["Åsa Öberg", "1234,5", "2024-01-31", "0,25"]),
        (6, ["Bo Berg", "1250000", "2024-02-01 13:30"]),
        (8, ["rad brytning", "SANT"]),
    ]


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (12, "12"),
        (12.0, "12"),
        (0.1 + 0.2, "0,30000000000000004"),
        (1e20, "100000000000000000000"),
        (1e-7, "0,0000001"),
        (Decimal("1234.50"), "1234,50"),
        (False, "FALSKT"),
        (datetime.time(8, 30), "08:30:00"),
        ("  text ", "text"),
    ],
)
def test_cell_text(value, text):
    assert cell_text(value) == text


def test_a_broken_workbook_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    problem = read_first_sheet(buffer.getvalue(), max_bytes=1_000_000)
    assert isinstance(problem, Problem)
    assert "trasig" in problem.message and "CSV UTF-8" in problem.message


def test_a_zip_bomb_is_refused_before_it_is_parsed():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", " " * 60_000_000)
    data = buffer.getvalue()
    assert len(data) < 1_000_000
    problem = read_first_sheet(data, max_bytes=1_000_000)
    assert isinstance(problem, Problem) and "för stor uppackad (60 MB)" in problem.message


def test_too_many_columns_are_refused():
    data = workbook_bytes([["namn"], ["x"] * (excel.MAX_COLUMNS + 1)])
    problem = read_first_sheet(data, max_bytes=1_000_000)
    assert isinstance(problem, Problem) and problem.line == 2
