"""Bytes to text: UTF-8 only, unless the user names another encoding; a binary file, an empty
file or another encoding is refused with the line where it shows and what to do."""

import codecs
import re

from kansli.core.text import clean_text

from .parsed import Problem

# Largest file read, in bytes: a notice with every document is a few hundred kilobytes.
MAX_BYTES = 20 * 1024 * 1024

_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode(name: str, data: bytes, encoding: str | None = None) -> tuple[str | None, list[Problem]]:
    """The text of a file, or None and why not."""
    if len(data) > MAX_BYTES:
        return None, [
            Problem(name, None, f"Filen är för stor ({len(data) // 1_048_576} MB); högst 20 MB.")
        ]
    if not data.strip():
        return None, [Problem(name, 1, "Filen är tom: den innehåller ingen text att läsa in.")]
    if encoding is None:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _looks_utf16(data):
            return None, [
                Problem(
                    name,
                    1,
                    "Filen är kodad som UTF-16. Spara den som UTF-8, eller välj teckenkodningen "
                    "UTF-16 (på kommandoraden --encoding utf-16), och läs in den igen.",
                )
            ]
        if data.startswith(b"%PDF-"):
            return None, [
                Problem(
                    name,
                    1,
                    "Filen är en PDF. Importen läser den text som PDF-filen har exporterats "
                    "till; exportera texten först.",
                )
            ]
        if b"\x00" in data:
            return None, [_binary(name, data, data.index(b"\x00"))]
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = _line_of(data, error.start)
            byte = data[error.start]
            return None, [
                Problem(
                    name,
                    line,
                    f"Filen är inte UTF-8: rad {line} har tecknet 0x{byte:02X}, som i Latin-1 "
                    f"är ”{bytes([byte]).decode('latin-1')}”. Spara filen som UTF-8, eller välj "
                    "teckenkodningen Latin-1 (på kommandoraden --encoding latin-1), och läs in "
                    "den igen.",
                )
            ]
    else:
        try:
            text = data.decode(encoding)
        except LookupError:
            return None, [Problem(name, None, f"Teckenkodningen ”{encoding}” är okänd.")]
        except UnicodeDecodeError as error:
            line = _line_of(data, error.start)
            return None, [Problem(name, line, f"Rad {line} går inte att läsa som {encoding}.")]
        text = text.lstrip("\ufeff")
    control = _CONTROL.search(text)
    if control is not None:
        number = text.count("\n", 0, control.start()) + 1
        return None, [
            Problem(
                name,
                number,
                f"Rad {number} innehåller styrtecken: filen ser ut att vara binär, inte text.",
            )
        ]
    return clean_text(text), []


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a byte order mark: every other byte of Latin text is zero."""
    head = data[:400]
    if len(head) < 8:
        return False
    # One of the two byte lanes is mostly zero, the other hardly ever (binary files have
    # zeros in both).
    lanes = sorted((head[0::2].count(0), head[1::2].count(0)))
    return lanes[1] > len(head) // 4 and lanes[0] < len(head) // 16


def _binary(name: str, data: bytes, offset: int) -> Problem:
    line = _line_of(data, offset)
    return Problem(
        name,
        line,
        f"Filen är binär, inte text (rad {line} innehåller nolltecken). Läs in den text som "
        "PDF-filen har exporterats till.",
    )
