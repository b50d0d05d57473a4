"""Reading members and substitutes from CSV: what people write is understood, and every bad
file is refused with a Swedish message that says what is wrong and where."""

import codecs
import io
import zipfile

import pytest

from kansli.people.models import MembershipRole
from kansli.people.seat_csv import MAX_ROWS, parse_role, read_bytes, read_text, split_name

GOOD = (
    "namn;parti;roll;ordning;e-post\n"
    "Anna Exempelsson;S;Ordförande;;anna.exempelsson@example.se\n"
    "Berg, Bertil;M;1:e vice ordförande;;\n"
    "Cecilia Prov;kd;2:e vice ordförande;;\n"
    "David Test;S;LEDAMOT;;\n"
    "Eva Fiktiv;S;ersättare;2;\n"
    "Filip Påhitt;S;Ersättare;1;\n"
)


def _read(text, parties):
    return read_text(text, parties.values())


def _messages(sheet):
    return [str(p) for p in sheet.problems]


def test_a_good_file(parties):
    sheet = _read(GOOD, parties)
    assert sheet.ok, _messages(sheet)
    rows = [(r.line, r.first_name, r.last_name, r.party_code, r.role, r.order) for r in sheet.rows]
    assert rows == [
        (2, "Anna", "Exempelsson", "S", MembershipRole.CHAIR, None),
        (3, "Bertil", "Berg", "M", MembershipRole.FIRST_VICE_CHAIR, None),
        (4, "Cecilia", "Prov", "KD", MembershipRole.SECOND_VICE_CHAIR, None),
        (5, "David", "Test", "S", MembershipRole.MEMBER, None),
        (6, "Eva", "Fiktiv", "S", MembershipRole.SUBSTITUTE, 2),
        (7, "Filip", "Påhitt", "S", MembershipRole.SUBSTITUTE, 1),
    ]
    assert sheet.rows[0].email == "anna.exempelsson@example.se"


@pytest.mark.parametrize(
    "text",
    [
        # English headers, comma, columns in another order, no e-mail column, a quoted
        # "Last, First" name
        'role,name,party,order\nChair,"Exempelsson, Anna",S,\nsubstitute,Eva Fiktiv,S,1\n',
        # tab-separated, as pasted from a spreadsheet, with a byte order mark and CRLF
        "\ufeffNamn\tParti\tRoll\tOrdning\r\nAnna Exempelsson\tS\tordf.\t\r\n"
        "Eva Fiktiv\tS\tErs.\t1\r\n",
        # blank lines around
        "\n\nnamn;parti;roll;ordning\n\nAnna Exempelsson;s;ORDFÖRANDE;\n\n"
        "Eva Fiktiv;S;ersättare;1\n",
    ],
)
def test_other_ways_of_writing_the_same_file(parties, text):
    sheet = _read(text, parties)
    assert sheet.ok, _messages(sheet)
    assert [(r.name, r.party_code, r.role) for r in sheet.rows] == [
        ("Anna Exempelsson", "S", MembershipRole.CHAIR),
        ("Eva Fiktiv", "S", MembershipRole.SUBSTITUTE),
    ]


@pytest.mark.parametrize(
    ("written", "role"),
    [
        ("Ordförande", MembershipRole.CHAIR),
        ("ordf.", MembershipRole.CHAIR),
        ("Vice ordförande", MembershipRole.FIRST_VICE_CHAIR),
        ("1:e vice ordförande", MembershipRole.FIRST_VICE_CHAIR),
        ("1:a vice ordförande", MembershipRole.FIRST_VICE_CHAIR),
        ("Förste vice ordförande", MembershipRole.FIRST_VICE_CHAIR),
        ("1:e vice ordf.", MembershipRole.FIRST_VICE_CHAIR),
        ("2:e vice ordförande", MembershipRole.SECOND_VICE_CHAIR),
        ("2:a vice ordförande", MembershipRole.SECOND_VICE_CHAIR),
        ("Andre vice ordförande", MembershipRole.SECOND_VICE_CHAIR),
        ("2e vice ordförande", MembershipRole.SECOND_VICE_CHAIR),
        ("  LEDAMOT ", MembershipRole.MEMBER),
        ("Ordinarie ledamot", MembershipRole.MEMBER),
        ("Ersättare", MembershipRole.SUBSTITUTE),
        ("suppleant", MembershipRole.SUBSTITUTE),
        ("ordförandeklubba", None),
        ("3:e vice ordförande", None),
        ("", None),
    ],
)
def test_roles_as_people_write_them(written, role):
    assert parse_role(written) == role


@pytest.mark.parametrize(
    ("written", "split"),
    [
        ("Anna Exempelsson", ("Anna", "Exempelsson")),
        ("Yvonne Nilsson Hirsch", ("Yvonne", "Nilsson Hirsch")),
        ("Exempelsson, Anna Karin", ("Anna Karin", "Exempelsson")),
        ("  Berg ,  Bertil ", ("Bertil", "Berg")),
        ("Anna", None),
        ("Berg,", None),
        (", Bertil", None),
    ],
)
def test_names_either_way(written, split):
    assert split_name(written) == split


def test_unknown_parties_say_which_on_which_lines_and_how_to_add_them(parties):
    text = (
        "namn;parti;roll;ordning\nAnna Exempelsson;XP;ledamot;\nBertil Berg;S;ledamot;\n"
        "Cecilia Prov;XP;ledamot;\nDavid Test;Y;ledamot;\n"
    )
    sheet = _read(text, parties)
    assert sheet.rows == []
    assert _messages(sheet) == [
        "Partiet ”XP” finns inte i Kansli (rad 2, 4). Lägg till det under Partier (förkortning "
        "och namn) och läs in filen igen, eller rätta förkortningen i filen.",
        "Partiet ”Y” finns inte i Kansli (rad 5). Lägg till det under Partier (förkortning och "
        "namn) och läs in filen igen, eller rätta förkortningen i filen.",
    ]


def test_a_party_by_its_name_and_a_person_without_party(parties):
    text = "namn;parti;roll;ordning\nAnna Exempelsson;Moderaterna;ledamot;\nBo Vilde;-;ledamot;\n"
    sheet = _read(text, parties)
    assert sheet.ok, _messages(sheet)
    assert [r.party_code for r in sheet.rows] == ["M", None]


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("namn;roll;ordning", "Kolumnen parti saknas."),
        ("namn;roll", "Kolumnerna parti och ordning saknas."),
        ("name;parit;roll;ordning", "Kolumnen parti saknas."),
        ("Anna Exempelsson;S;ledamot;", "Kolumnerna namn och parti och roll och ordning saknas."),
        ("namn;namn;parti;roll;ordning", "Kolumnen namn finns två gånger."),
    ],
)
def test_missing_columns_say_which(parties, header, message):
    sheet = _read(f"{header}\nBertil Berg;S;ledamot;\n", parties)
    assert sheet.rows == []
    assert any(message in m for m in _messages(sheet)), _messages(sheet)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("Anna Exempelsson;S;ordförandeklubba;", "Rad 2: Okänd roll ”ordförandeklubba”. Skriv"),
        ("Anna Exempelsson;S;;", "Rad 2: Rollen saknas."),
        ("Anna;S;ledamot;", "Rad 2: ”Anna” är inte ett helt namn."),
        (";S;ledamot;", "Rad 2: Namnet saknas."),
        ("Anna Exempelsson;;ledamot;", "Rad 2: Partiet saknas."),
        ("Anna Exempelsson;S;ledamot;1", "Rad 2: Ordning anges bara för ersättare"),
        ("Anna Exempelsson;S;ersättare;första", "Rad 2: Ordningen ”första” ska vara ett heltal"),
        ("Anna Exempelsson;S;ersättare;0", "Rad 2: Ordningen ”0” ska vara ett heltal"),
        ("Anna Exempelsson;S;ledamot;;anna@", "Rad 2: ”anna@” är ingen giltig e-postadress."),
        ("Anna Exempelsson;S;ledamot;;;extra", "Rad 2: Raden har 6 värden men rubrikraden 5."),
    ],
)
def test_bad_lines_are_refused_with_their_line(parties, line, message):
    sheet = _read(f"namn;parti;roll;ordning;e-post\n{line}\nBertil Berg;S;ledamot;;\n", parties)
    assert sheet.rows == []
    assert any(m.startswith(message) for m in _messages(sheet)), _messages(sheet)


def test_an_unquoted_last_first_name_in_a_comma_file_gets_a_hint(parties):
    sheet = _read("namn,parti,roll,ordning\nBerg, Bertil,S,ledamot,\n", parties)
    assert "måste stå inom citattecken" in _messages(sheet)[0]


def test_duplicate_rows_and_two_chairs_are_refused(parties):
    text = (
        "namn;parti;roll;ordning\n"
        "Anna Exempelsson;S;ordförande;\n"
        "Bertil Berg;M;ordförande;\n"
        "anna  exempelsson;s;ledamot;\n"
        "Exempelsson, Anna;M;ledamot;\n"  # another party: another person
    )
    assert _messages(_read(text, parties)) == [
        "Rad 3: Ordförande står redan på rad 2 (Anna Exempelsson); ett organ har en ordförande "
        "åt gången.",
        "Rad 4: anna exempelsson (S) står redan på rad 2.",
    ]


def test_substitute_orders_on_some_lines_but_not_others(parties):
    text = (
        "namn;parti;roll;ordning\n"
        "Anna Ett;S;ersättare;1\nBo Två;S;ersättare;\nCe Tre;M;ersättare;\n"
    )
    assert _messages(_read(text, parties)) == [
        "Ersättarna för S: ange ordning på alla rader eller på ingen (rad 3 saknar ordning)."
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "Filen är tom."),
        (b"  \n\n ", "Filen är tom."),
        # UTF-16 without its byte order mark cannot be told safely from other bytes
        ("namn;parti;roll;ordning\nÅsa Öberg;S;ledamot;\n".encode("utf-16-le"), "UTF-16"),
        # neither UTF-8 nor Windows-1252 (0x81 is no character in Windows-1252)
        (b"namn;parti;roll;ordning\n\x81sa \xd6berg;S;ledamot;\n", "varken UTF-8 eller Windows"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF"),
        (b"\x00\x01\x02\x03binary\xff\xfe\x00", "binär"),
        (b"namn;parti;roll;ordning\nAnna\x07 Test;S;ledamot;\n", "styrtecken"),
    ],
)
def test_bad_files_are_refused_saying_what_they_appear_to_be(parties, data, message):
    sheet = read_bytes(data, parties.values())
    assert sheet.rows == [] and len(sheet.problems) == 1
    assert message in str(sheet.problems[0])


@pytest.mark.parametrize(
    ("data", "notice"),
    [
        # Excel's "CSV" on a Swedish Windows and SCB's downloads: once refused, now read
        ("namn;parti;roll;ordning\nÅsa Öberg;S;ledamot;\n".encode("cp1252"), "Windows-1252"),
        ("namn;parti;roll;ordning\nÅsa Öberg;S;ledamot;\n".encode("latin-1"), "Windows-1252"),
        ("namn;parti;roll;ordning\nÅsa – Öberg;S;ledamot;\n".encode("cp1252"), "Windows-1252"),
        # Excel's "Unicode text": UTF-16 with its byte order mark, tab-separated
        ("namn\tparti\troll\tordning\nÅsa Öberg\tS\tledamot\t\n".encode("utf-16"), "UTF-16"),
        ("namn;parti;roll;ordning\nÅsa Öberg;S;ledamot;\n".encode(), "UTF-8"),
    ],
)
def test_files_in_other_encodings_are_read_and_say_which(parties, data, notice):
    sheet = read_bytes(data, parties.values())
    assert sheet.ok, _messages(sheet)
    assert sheet.rows[0].first_name == "Åsa" and sheet.rows[0].last_name.endswith("Öberg")
    assert sheet.notice.startswith(f"Filen lästes som {notice}")


def test_an_excel_workbook_is_told_to_be_saved_as_csv(parties):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    message = str(read_bytes(buffer.getvalue(), parties.values()).problems[0])
    assert "Excel" in message and "CSV UTF-8" in message


def test_utf8_with_a_byte_order_mark_is_read(parties):
    sheet = read_bytes(codecs.BOM_UTF8 + GOOD.encode(), parties.values())
    assert sheet.ok, _messages(sheet)


def test_too_many_rows_are_refused(parties):
    rows = "".join(f"Person Nummer{n};S;ledamot;\n" for n in range(10_000))
    sheet = _read("namn;parti;roll;ordning\n" + rows, parties)
    assert sheet.rows == []
    assert _messages(sheet) == [
        f"Filen har 10000 rader; högst {MAX_ROWS} rader åt gången. Dela upp den per organ."
    ]
    at_limit = "".join(f"Person Nummer{n};S;ledamot;\n" for n in range(MAX_ROWS))
    assert len(_read("namn;parti;roll;ordning\n" + at_limit, parties).rows) == MAX_ROWS


def test_too_large_a_file_is_refused(parties):
    data = b"namn;parti;roll;ordning\n" + b"x" * 1_000_001
    message = str(read_bytes(data, parties.values()).problems[0])
    assert message.startswith("Filen är för stor (1,0 MB); högst 1 MB.")
    assert "för stor" in str(_read(data.decode(), parties).problems[0])


def test_a_header_only_file_has_no_rows(parties):
    assert _messages(_read("namn;parti;roll;ordning\n", parties)) == [
        "Filen har inga rader under rubrikraden."
    ]
