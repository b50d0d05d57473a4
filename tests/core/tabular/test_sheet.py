"""read_sheet: a file to records with their lines, before any header is looked for."""

from kansli.core.tabular import read_sheet, read_sheet_text


def test_scb_title_lines_do_not_decide_the_separator():
    data = '"Folkmängd efter region, år"\n\n"region";"2025"\n"1885 Lindesberg";23710\n'
    sheet = read_sheet(data.encode("cp1252"), max_bytes=1_000)
    assert sheet.ok and sheet.delimiter == ";"
    assert sheet.encoding == "windows-1252"
    assert sheet.notice == "Filen lästes som Windows-1252 (ANSI)."
    assert sheet.records == [
        (1, ["Folkmängd efter region, år"]),
        (3, ["region", "2025"]),
        (4, ["1885 Lindesberg", "23710"]),
    ]


def test_an_excel_separator_line_is_obeyed_and_counted():
    sheet = read_sheet(b"sep=,\na;b,c\n", max_bytes=1_000)
    assert sheet.delimiter == "," and sheet.records == [(2, ["a;b", "c"])]


def test_the_empty_message_and_the_size_advice_are_the_readers():
    sheet = read_sheet(b"\n", max_bytes=1_000, empty="Första raden ska vara kommun,invånare.")
    assert [str(p) for p in sheet.problems] == [
        "Rad 1: Filen är tom. Första raden ska vara kommun,invånare."
    ]
    sheet = read_sheet(b"x" * 2_000, max_bytes=1_000, advice="Dela upp den.")
    assert [str(p) for p in sheet.problems] == [
        "Filen är för stor (2,0 kB); högst 1 kB. Dela upp den."
    ]


def test_pasted_text_has_no_encoding():
    sheet = read_sheet_text("a\tb\r\n1\t2", max_bytes=1_000)
    assert sheet.ok and sheet.encoding == "" and sheet.notice == ""
    assert sheet.delimiter == "\t" and sheet.records == [(1, ["a", "b"]), (2, ["1", "2"])]
