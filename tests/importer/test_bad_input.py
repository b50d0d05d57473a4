"""Files the importer cannot understand: a line-numbered problem list, and in a real import
nothing is written."""

import codecs

import pytest

from kansli.importer.services import import_files, import_read

from .helpers import FILES
from .snapshot import row_counts

NOTICE = (FILES / "kallelse_kommunstyrelsen.txt").read_text(encoding="utf-8")


def _errors(name: str, data: bytes) -> list[tuple[int | None, str]]:
    result = import_read([(name, data)])
    return [(p.line, p.message) for p in result.problems if p.is_error]


def _cut_after(marker: str, occurrence: int = 1) -> str:
    position = -1
    for _ in range(occurrence):
        position = NOTICE.index(marker, position + 1)
    return NOTICE[: position + len(marker)] + "\n"


def _line_of(text: str, marker: str) -> int:
    return text[: text.index(marker)].count("\n") + 1


def test_empty_file():
    assert _errors("tom.txt", b"") == [(1, "Filen är tom: den innehåller ingen text att läsa in.")]
    assert _errors("blank.txt", b"  \n\n \t\n")[0][0] == 1


def test_binary_file():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01"
    ((line, message),) = _errors("bild.png", png)
    assert line == 3 and "binär" in message  # the line of the first NUL byte
    ((line, message),) = _errors("kallelse.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    assert "PDF" in message and "exportera" in message


def test_control_characters_name_their_line():
    ((line, message),) = _errors("k.txt", "Kallelse\n\nRad två\n\x07\n".encode())
    assert line == 4 and "styrtecken" in message


def test_latin1_names_the_line_and_how_to_mend_it():
    data = NOTICE.encode("latin-1", errors="replace")
    ((line, message),) = _errors("latin1.txt", data)
    first_non_ascii = next(n for n, raw in enumerate(data.split(b"\n"), 1) if not raw.isascii())
    assert line == first_non_ascii
    assert "inte UTF-8" in message and "--encoding latin-1" in message
    # Named explicitly, the same bytes read.
    result = import_read([("latin1.txt", data)], encoding="latin-1")
    assert not result.has_errors and result.files[0].meetings[0].organization == "Kommunstyrelsen"


@pytest.mark.parametrize("bom", [True, False])
def test_utf16_is_refused_unless_named(bom):
    data = (codecs.BOM_UTF16_LE if bom else b"") + NOTICE.encode("utf-16-le")
    ((line, message),) = _errors("utf16.txt", data)
    assert line == 1 and "UTF-16" in message
    assert not import_read([("utf16.txt", data)], encoding="utf-16").has_errors


def test_notice_cut_off_after_the_formula():
    text = _cut_after("Kommunstyrelsen föreslår kommunfullmäktige besluta")
    errors = _errors("avklippt.txt", text.encode())
    assert any("avklippt mitt i ärendet" in message for _, message in errors), errors


def test_notice_cut_off_after_an_item_heading():
    heading = "Ärende 4 "
    end = NOTICE.index("\n", NOTICE.index(heading))
    text = NOTICE[:end] + "\n"
    ((line, message),) = _errors("avklippt.txt", text.encode())
    assert line == _line_of(text, heading) and "bara en rubrik" in message


def test_notice_cut_off_mid_sentence():
    marker = "att godkänna årsredovisningen"
    text = NOTICE[: NOTICE.index(marker) + len(marker)] + " och\n"
    errors = _errors("avklippt.txt", text.encode())
    assert any("mitt i en mening" in message for _, message in errors), errors


def test_two_items_with_one_number():
    second = NOTICE.index("Ärende 3")
    text = NOTICE[:second] + "Ärende 2" + NOTICE[second + len("Ärende 3") :]
    errors = _errors("dubbel.txt", text.encode())
    assert errors == [
        (
            _line_of(text[second - 1 :], "Ärende 2") + text[:second].count("\n"),
            f"Ärende 2 finns redan på rad {_line_of(text, 'Ärende 2')}: två ärenden kan inte "
            "ha samma nummer.",
        )
    ]


def test_case_number_in_no_known_format():
    text = NOTICE.replace("Dnr KS 2018/124", "Dnr KS-2018-124x", 1)
    ((line, message),) = _errors("dnr.txt", text.encode())
    assert line == _line_of(text, "Dnr KS-2018-124x")
    assert message.startswith("”KS-2018-124x” är inget diarienummer i ett känt format")


def test_a_file_that_is_no_notice_memo_or_minutes():
    ((line, message),) = _errors("brev.txt", "Hej!\n\nTack för senast.\n".encode())
    assert line == 1 and "liknar varken en kallelse" in message


def test_minutes_without_organ_date_or_paragraphs():
    text = "PROTOKOLL\n\nBeslutande\nAnna Ek (S), ordförande\n\n§ 1 Val av justerare\n"
    errors = [message for _, message in _errors("p.txt", text.encode())]
    assert any("saknar organ" in m for m in errors)
    assert any("saknar sammanträdesdatum" in m for m in errors)


BAD = {
    "tom.txt": b"",
    "binar.bin": b"\x00\x01\x02\x03" * 50,
    "latin1.txt": NOTICE.encode("latin-1", errors="replace"),
    "avklippt.txt": _cut_after("Kommunstyrelsen föreslår kommunfullmäktige besluta").encode(),
    "dnr.txt": NOTICE.replace("Dnr KS 2018/124", "Dnr 12-34-56", 1).encode(),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_real_import_of_a_bad_file_writes_nothing(name, body):
    good = (FILES / "kallelse_fullmaktige.txt").read_bytes()
    before = row_counts()
    result = import_files(actor=None, body=body, files=[("bra.txt", good), (name, BAD[name])])
    assert result.has_errors and not result.written
    assert all(problem.file == name for problem in result.problems if problem.is_error)
    assert row_counts() == before
