"""read_table, the kit's entry point, on real bytes: every encoding, separator and format it
reads, every refusal with its line, and all or nothing."""

import codecs
import io

import pytest

from kansli.core.tabular import Column, Problem, Row, read_table, read_table_text
from kansli.core.tabular import excel as excel_module

COLUMNS = (
    Column("name", ("namn", "name")),
    Column("town", ("ort", "town", "kommun")),
    Column("amount", ("belopp", "amount")),
    Column("note", ("anteckning", "note"), required=False),
)
ROWS = [
    Row(2, {"name": "Åsa", "town": "Älvdalen", "amount": "1 234,50"}),
    Row(3, {"name": "Berg, Bo", "town": "Nora", "amount": "12"}),
]


def _read(data: bytes, **options):
    options = {"max_bytes": 10_000, "max_rows": 100, **options}
    return read_table(data, columns=COLUMNS, **options)


def _messages(table):
    return [str(p) for p in table.problems]


@pytest.mark.parametrize(
    ("data", "encoding", "label", "delimiter"),
    [
        (
            'namn;ort;belopp\nÅsa;Älvdalen;1 234,50\n"Berg, Bo";Nora;12\n'.encode(),
            "utf-8",
            "UTF-8",
            ";",
        ),
        (
            codecs.BOM_UTF8
            + 'namn;ort;belopp\r\nÅsa;Älvdalen;1 234,50\r\n"Berg, Bo";Nora;12\r\n'.encode(),
            "utf-8",
            "UTF-8 (med BOM)",
            ";",
        ),
        (
            'namn;ort;belopp\nÅsa;Älvdalen;1 234,50\n"Berg, Bo";Nora;12\n'.encode("cp1252"),
            "windows-1252",
            "Windows-1252 (ANSI)",
            ";",
        ),
        (
            'Namn\tOrt\tBelopp\nÅsa\tÄlvdalen\t1 234,50\n"Berg, Bo"\tNora\t12\n'.encode("utf-16"),
            "utf-16",
            "UTF-16 (Unicode-text)",
            "\t",
        ),
        (
            'name,town,amount\nÅsa,Älvdalen,"1 234,50"\n"Berg, Bo",Nora,12\n'.encode(),
            "utf-8",
            "UTF-8",
            ",",
        ),
        (
            b"sep=,\n"
            + 'NAMN,KOMMUN,BELOPP (KR)\nÅsa,Älvdalen,"1 234,50"\n"Berg, Bo",Nora,12\n'.encode(),
            "utf-8",
            "UTF-8",
            ",",
        ),
    ],
)
def test_the_same_table_in_every_encoding_and_separator(data, encoding, label, delimiter):
    table = _read(data)
    assert table.ok, _messages(table)
    offset = 1 if data.startswith(b"sep=") else 0
    assert table.rows == [Row(r.line + offset, r.values) for r in ROWS]
    assert table.encoding == encoding and table.delimiter == delimiter
    assert table.notice == f"Filen lästes som {label}."
    assert table.present == {"name", "town", "amount"}


def test_the_cp1252_example_of_the_issue():
    table = read_table(
        "namn;ort\nÅsa;Älvdalen\n".encode("cp1252"),
        columns=COLUMNS[:2],
        max_bytes=1_000,
        max_rows=10,
    )
    assert table.ok and table.rows == [Row(2, {"name": "Åsa", "town": "Älvdalen"})]
    assert table.notice == "Filen lästes som Windows-1252 (ANSI)."


def test_blank_lines_title_lines_and_the_optional_column():
    text = "Folkmängd 2023\n\nnamn;ort;belopp;anteckning\n\nÅsa;Älvdalen;1;bra\n;;;\nBo;Nora;2;\n"
    table = _read(text.encode(), header_within=3)
    assert table.ok, _messages(table)
    assert table.header is not None and table.header.line == 3
    assert table.rows == [
        Row(5, {"name": "Åsa", "town": "Älvdalen", "amount": "1", "note": "bra"}),
        Row(7, {"name": "Bo", "town": "Nora", "amount": "2", "note": ""}),
    ]
    refused = _read(text.encode())  # the header must be the first line unless told otherwise
    assert _messages(refused)[0].startswith("Rad 1: Kolumnerna namn och ort och belopp saknas.")


def test_short_rows_have_empty_values_and_long_rows_are_refused():
    table = _read(b"namn;ort;belopp\nx;y\n")
    assert table.rows == [Row(2, {"name": "x", "town": "y", "amount": ""})]
    table = _read(b"namn,ort,belopp\nBerg, Bo,Nora,12\nx,y,z\n")
    assert table.rows == []
    assert _messages(table) == [
        "Rad 2: Raden har 4 värden men rubrikraden 3. Ett värde med komma (som ”Efternamn, "
        "Förnamn”) måste stå inom citattecken i en kommaseparerad fil; eller använd semikolon."
    ]


def test_trailing_empty_columns_from_excel_are_fine():
    table = _read(b"namn;ort;belopp;;\nx;y;1;;\n")
    assert table.ok and table.rows == [Row(2, {"name": "x", "town": "y", "amount": "1"})]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b"",
            "Rad 1: Filen är tom. Första raden ska vara namn;ort;belopp (och anteckning om du "
            "vill).",
        ),
        (b" \n\n", "Rad 1: Filen är tom."),
        (b"sep=;\n", "Rad 1: Filen är tom."),
        (b";;\n ; ;;\n", "Rad 1: Filen är tom."),
        (b"namn;ort;belopp\n", "Filen har inga rader under rubrikraden."),
        (b"namn;ort;belopp\n;;\n", "Filen har inga rader under rubrikraden."),
        (b"namn;ort\nx;y\n", "Rad 1: Kolumnen belopp saknas."),
        (b"namn;ort;belopp;Namn\nx;y;1;z\n", "Rad 1: Kolumnen namn finns två gånger."),
        (
            b'namn;ort;belopp\nx;"y;1\nz;w;2\n',
            "Rad 2: Raden kan inte läsas som CSV: ett citattecken på raden stängs aldrig",
        ),
        (
            b'namn;ort;belopp\nx;"y"z;1\n',
            "Rad 2: Raden kan inte läsas som CSV: ett värde inom citattecken",
        ),
        (b"namn;ort;belopp\nx;\x81;1\n", "Rad 2: Filen är varken UTF-8 eller Windows-1252"),
        (b"\x00\x01\x02\x03binary\xff\xfe\x00", "Rad 1: Filen är binär"),
        (b"%PDF-1.7\n1 0 obj\n", "Filen är en PDF, inte en tabell."),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "Filen är en bild"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "Filen är ett äldre Office-dokument"),
    ],
)
def test_refusals_with_their_lines(data, message):
    table = _read(data)
    assert not table.ok and table.rows == [] and len(table.problems) == 1
    assert str(table.problems[0]).startswith(message), _messages(table)


def test_a_legacy_xls_by_name():
    table = _read(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, filename="C:\\data\\lista.XLS"
    )
    assert "äldre Excel-fil (.xls)" in _messages(table)[0]
    assert "Excel-arbetsbok (.xlsx)" in _messages(table)[0]


def test_other_zip_files_are_refused():
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    assert "OpenDocument-kalkylblad (.ods)" in _messages(_read(buffer.getvalue()))[0]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("data.csv", "namn;ort;belopp\n")
    assert "zip-arkiv" in _messages(_read(buffer.getvalue()))[0]


def test_an_oversized_file():
    data = b"namn;ort;belopp\n" + b"x;y;1\n" * 2_000
    table = _read(data, max_bytes=10_000, advice="Dela upp den.")
    assert _messages(table) == ["Filen är för stor (12,0 kB); högst 10 kB. Dela upp den."]
    pasted = read_table_text(data.decode(), columns=COLUMNS, max_bytes=10_000, max_rows=10_000)
    assert _messages(pasted) == ["Filen är för stor (12,0 kB); högst 10 kB."]


def test_too_many_rows():
    data = b"namn;ort;belopp\n" + b"x;y;1\n" * 101
    assert _messages(_read(data)) == ["Filen har 101 rader; högst 100 rader åt gången."]
    assert len(_read(data, max_rows=101).rows) == 101


def test_other_columns_may_be_refused():
    data = b"namn;ort;belopp;kommentar\nx;y;1;z\n"
    assert _read(data).ok
    refused = _read(data, other_columns="refuse")
    assert _messages(refused) == [
        "Rad 1: Okänd kolumn: ”kommentar”. Kolumnerna som kan finnas: namn, ort, belopp, "
        "anteckning."
    ]
    nameless = _read(b"namn;ort;;belopp\nx;y;z;1\n", other_columns="refuse")
    assert _messages(nameless) == ["Rad 2: Värdet ”z” står i en kolumn utan rubrik."]


def test_a_readers_own_problem_empties_the_rows():
    table = _read(b"namn;ort;belopp\nx;y;1\n")
    assert table.ok and table.rows
    table.problem(2, "Ingen ort som heter y.")
    assert not table.ok and table.rows == []
    assert _messages(table) == ["Rad 2: Ingen ort som heter y."]


def test_pasted_text_reads_the_same_and_the_text_reads_again():
    data = 'namn;ort;belopp\r\n\r\nÅsa;Älvdalen;"1 234,50"\r\n'.encode("cp1252")
    table = _read(data)
    again = read_table_text(table.text, columns=COLUMNS, max_bytes=10_000, max_rows=100)
    assert (
        again.rows
        == table.rows
        == [Row(3, {"name": "Åsa", "town": "Älvdalen", "amount": "1 234,50"})]
    )
    assert again.notice == "" and table.notice == "Filen lästes som Windows-1252 (ANSI)."
    problem = read_table_text("namn;ort\n\x00", columns=COLUMNS, max_bytes=100, max_rows=1)
    assert isinstance(problem.problems[0], Problem) and problem.problems[0].line == 2


class TestExcel:
    @pytest.fixture(autouse=True)
    def _openpyxl(self):
        self.openpyxl = pytest.importorskip("openpyxl", reason="openpyxl is not installed")

    def _workbook(self, rows) -> bytes:
        workbook = self.openpyxl.Workbook()
        for row in rows:
            workbook.active.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()

    def test_a_workbook_reads_like_its_csv(self):
        data = self._workbook(
            [
                ["Namn", "Ort", "Belopp (kr)"],
                ["Åsa", "Älvdalen", 1234.5],
                [],
                ["Berg, Bo", "Nora", 12],
            ]
        )
        table = _read(data, filename="lista.csv")  # the content decides, not the name
        assert table.ok, _messages(table)
        assert table.encoding == "xlsx" and table.delimiter == ""
        assert table.rows == [
            Row(2, {"name": "Åsa", "town": "Älvdalen", "amount": "1234,5"}),
            Row(4, {"name": "Berg, Bo", "town": "Nora", "amount": "12"}),
        ]
        assert table.notice == "Filen lästes som Excel-arbetsbok (.xlsx)."
        again = read_table_text(table.text, columns=COLUMNS, max_bytes=10_000, max_rows=100)
        assert again.ok and again.rows == table.rows

    def test_a_workbook_with_problems_names_excels_rows(self):
        data = self._workbook([["namn", "ort"], ["Åsa", "Älvdalen"]])
        assert _messages(_read(data))[0].startswith("Rad 1: Kolumnen belopp saknas.")
        data = self._workbook([["namn", "ort", "belopp"], ["x", "y", 1, "över"]])
        assert _messages(_read(data)) == ["Rad 2: Raden har 4 värden men rubrikraden 3."]
        data = self._workbook([["namn", "ort", "belopp"]] + [["x", "y", 1]] * 101)
        assert _messages(_read(data)) == ["Filen har 101 rader; högst 100 rader åt gången."]
        assert _messages(_read(self._workbook([]))) == [
            "Rad 1: Filen är tom. Första raden ska vara namn;ort;belopp (och anteckning om du "
            "vill)."
        ]


def test_without_openpyxl_a_workbook_is_refused_with_advice(monkeypatch):
    monkeypatch.setattr(excel_module, "available", lambda: False)
    buffer = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    message = _messages(_read(buffer.getvalue()))[0]
    assert "kan inte läsa Excel-arbetsböcker" in message and "CSV UTF-8" in message
