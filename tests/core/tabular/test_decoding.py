"""The one decoding policy: UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252;
binary and undecodable files refused with a Swedish message naming what was found."""

import codecs

import pytest

from kansli.core.tabular.decoding import (
    UTF8,
    UTF8_BOM,
    UTF16,
    WINDOWS_1252,
    Decoded,
    check_text,
    decode,
)
from kansli.core.tabular.problem import Problem

TEXT = "namn;ort\nÅsa;Älvdalen\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), UTF8),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), UTF8_BOM),
        (TEXT.encode("utf-16"), UTF16),  # with its BOM, in the machine's byte order
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), UTF16),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), UTF16),
        (TEXT.encode("cp1252"), WINDOWS_1252),
        (TEXT.encode("latin-1"), WINDOWS_1252),
        ("namn;belopp\n€ – ”citat”;1\n".encode("cp1252"), WINDOWS_1252),
        (b"namn;ort\nAsa;Alvdalen\n", UTF8),  # plain ASCII is UTF-8
    ],
)
def test_what_is_read_and_as_what(data, encoding):
    decoded = decode(data)
    assert isinstance(decoded, Decoded), decoded
    assert decoded.encoding == encoding
    assert decoded.text.splitlines()[1].split(";")[0] in ("Åsa", "€ – ”citat”", "Asa")


def test_the_notice_names_the_encoding_found():
    decoded = decode("Åsa;Älvdalen".encode("cp1252"))
    assert isinstance(decoded, Decoded)
    assert decoded.text == "Åsa;Älvdalen"
    assert decoded.notice == "Filen lästes som Windows-1252 (ANSI)."
    utf16 = decode("Åsa\tÄlvdalen".encode("utf-16"))
    assert isinstance(utf16, Decoded) and utf16.notice == "Filen lästes som UTF-16 (Unicode-text)."


def test_line_breaks_and_the_bom_are_made_plain():
    decoded = decode(codecs.BOM_UTF8 + b"a;b\r\nc;d\re;f\n")
    assert isinstance(decoded, Decoded) and decoded.text == "a;b\nc;d\ne;f\n"
    assert check_text("\ufeffa\r\nb") == "a\nb"


@pytest.mark.parametrize(
    ("data", "line", "words"),
    [
        # 0x81 is a character in neither UTF-8 (alone) nor Windows-1252
        (b"namn;ort\n\xc5sa;\x81lvdalen\n", 2, ["varken UTF-8 eller Windows-1252", "0x81"]),
        (b"\x00\x01\x02\x03binary\xff\xfe\x00", 1, ["binär", "nolltecken"]),
        (b"namn;ort\nx;y\n\x00\x00garbage", 3, ["binär"]),
        ("namn;ort\nÅsa;Älvdalen\n".encode("utf-16-le"), None, ["UTF-16", "BOM"]),
        ("namn;ort\nÅsa;Älvdalen\n".encode("utf-16-be"), None, ["UTF-16", "BOM"]),
        (b"namn;ort\nAnna\x07;x\n", 2, ["styrtecken", "0x07"]),
        (codecs.BOM_UTF8 + b"namn;ort\n\xc5sa;x\n", 2, ["börjar som UTF-8", "0xC5"]),
        (codecs.BOM_UTF16_LE + b"a\x00b", None, ["börjar som UTF-16"]),
    ],
)
def test_what_is_refused_and_why(data, line, words):
    problem = decode(data)
    assert isinstance(problem, Problem), problem
    assert problem.line == line
    for word in words:
        assert word in problem.message, problem.message
    assert "CSV UTF-8" in problem.message or "binär" in problem.message


def test_pasted_text_with_control_characters_is_refused_on_its_line():
    problem = check_text("namn;ort\nx;y\nA\x1bB;z\n")
    assert isinstance(problem, Problem) and problem.line == 3
    assert str(problem).startswith("Rad 3: Raden innehåller styrtecken (0x1B)")
