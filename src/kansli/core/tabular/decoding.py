"""Bytes of an uploaded CSV file to text, by one policy for every reader:

1. UTF-8, with or without a byte order mark (Excel's "CSV UTF-8");
2. UTF-16 when the file starts with its byte order mark (Excel's "Unicode-text");
3. otherwise Windows-1252 (Excel's "CSV" on a Swedish Windows, SCB's downloads) when every
   byte is a character in it, which also covers Latin-1 text;
4. otherwise a Swedish refusal that says what was found and what to do.

A file with NUL bytes or other control characters is binary, not text, and is refused. What
was read says which encoding it was read as, for the page to tell the user."""

import codecs
import re
from dataclasses import dataclass

from .problem import Problem

SAVE_AS = "Spara filen som ”CSV UTF-8” (i Excel: Spara som → CSV UTF-8) och läs in den igen."

# C0 control characters but tab, line feed, form feed and carriage return; and DEL.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Encoding:
    name: str  # as code and logs name it: "utf-8", "utf-16", "windows-1252"
    codec: str  # Python's codec
    label: str  # Swedish, as the page shows it


UTF8 = Encoding("utf-8", "utf-8", "UTF-8")
UTF8_BOM = Encoding("utf-8", "utf-8-sig", "UTF-8 (med BOM)")
UTF16 = Encoding("utf-16", "utf-16", "UTF-16 (Unicode-text)")
WINDOWS_1252 = Encoding("windows-1252", "cp1252", "Windows-1252 (ANSI)")


@dataclass(frozen=True)
class Decoded:
    text: str  # line breaks made "\n", without a byte order mark
    encoding: Encoding

    @property
    def notice(self) -> str:
        """ "Filen lästes som Windows-1252 (ANSI).\""""
        return f"Filen lästes som {self.encoding.label}."


def line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode(data: bytes) -> Decoded | Problem:
    """The text of the bytes and the encoding they were read as, or why they cannot be read."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data, UTF8_BOM)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, UTF16)
    if b"\x00" in data:
        if looks_utf16(data):
            return Problem(
                None,
                "Filen ser ut att vara UTF-16 men saknar byteordningsmärke (BOM), så den kan "
                f"inte läsas säkert. {SAVE_AS}",
            )
        return Problem(
            line_of(data, data.index(b"\x00")),
            "Filen är binär, inte text (den innehåller nolltecken). Välj en CSV-fil eller en "
            "Excel-arbetsbok (.xlsx).",
        )
    offset = 0
    for encoding in (UTF8, WINDOWS_1252):
        try:
            text = data.decode(encoding.codec)
        except UnicodeDecodeError as error:
            offset = error.start
            continue
        return _checked(text, encoding)
    byte = data[offset]
    return Problem(
        line_of(data, offset),
        f"Filen är varken UTF-8 eller Windows-1252: byten 0x{byte:02X} är inget tecken i "
        f"någon av dem. {SAVE_AS}",
    )


def _strict(data: bytes, encoding: Encoding) -> Decoded | Problem:
    """A file whose byte order mark names its encoding must be that encoding throughout."""
    skip = len(codecs.BOM_UTF8) if encoding is UTF8_BOM else 0
    try:
        # without the mark: the utf-8-sig codec counts an error's offset after it
        text = data[skip:].decode("utf-8") if skip else data.decode(encoding.codec)
    except UnicodeDecodeError as error:
        byte = data[skip + error.start]
        line = line_of(data, skip + error.start) if skip else None
        return Problem(
            line,
            f"Filen börjar som {encoding.label.split(' ')[0]} men byten 0x{byte:02X} går inte "
            f"att läsa som det; filen verkar blanda teckenkodningar. {SAVE_AS}",
        )
    return _checked(text, encoding)


def _checked(text: str, encoding: Encoding) -> Decoded | Problem:
    checked = check_text(text)
    return checked if isinstance(checked, Problem) else Decoded(checked, encoding)


def check_text(text: str) -> str | Problem:
    """Decoded or pasted text without a byte order mark and with plain line breaks, or a
    problem when it holds control characters (a binary file read as text)."""
    text = text.removeprefix("\ufeff")
    control = _CONTROL.search(text)
    if control is not None:
        line = text.count("\n", 0, control.start()) + 1
        return Problem(
            line,
            f"Raden innehåller styrtecken (0x{ord(control.group()):02X}): det ser ut att vara "
            "en binär fil, inte text.",
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def looks_utf16(data: bytes) -> bool:
    """UTF-16 without a byte order mark: every other byte of Latin text is zero (binary files
    have zeros in both byte lanes)."""
    head = data[:400]
    if len(head) < 8:
        return False
    lanes = sorted((head[0::2].count(0), head[1::2].count(0)))
    return lanes[1] > len(head) // 4 and lanes[0] < len(head) // 16
