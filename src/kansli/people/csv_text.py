"""Bytes of an uploaded CSV file to text: UTF-8 only. Another encoding, a binary file, an
empty or too large file is refused with a Swedish message that says what the file appears
to be and what to do."""

import codecs
import re
from dataclasses import dataclass

MAX_BYTES = 1_000_000  # a term's seats of every organization fit in a few tens of kilobytes

_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SAVE_AS = "Spara filen som ”CSV UTF-8” (i Excel: Spara som → CSV UTF-8) och läs in den igen."
# Bytes that are printable in Windows-1252 but control characters in Latin-1 (ISO 8859-1).
_CP1252_ONLY = frozenset(range(0x80, 0xA0)) - {0x81, 0x8D, 0x8F, 0x90, 0x9D}


@dataclass(frozen=True)
class Problem:
    line: int | None
    message: str  # Swedish

    def __str__(self) -> str:
        return f"Rad {self.line}: {self.message}" if self.line else self.message


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f}".replace(".", ",")


def too_large(size: int) -> Problem:
    return Problem(
        None,
        f"Filen är för stor ({_megabytes(size)} MB); högst {MAX_BYTES // 1_000_000} MB. "
        "Dela upp den per organ.",
    )


def decode(data: bytes) -> tuple[str | None, Problem | None]:
    """The text of an uploaded file, or None and the problem."""
    if len(data) > MAX_BYTES:
        return None, too_large(len(data))
    if not data.strip():
        return None, Problem(None, "Filen är tom. Första raden ska vara namn;parti;roll;ordning.")
    kind = _binary_kind(data)
    if kind:
        return None, Problem(None, kind)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _looks_utf16(data):
        return None, Problem(
            None, f"Filen ser ut att vara kodad som UTF-16, men Kansli läser UTF-8. {_SAVE_AS}"
        )
    if b"\x00" in data:
        line = _line_of(data, data.index(b"\x00"))
        return None, Problem(line, "Filen är binär, inte text (nolltecken). Välj en CSV-fil.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = _line_of(data, error.start)
        byte = data[error.start]
        encoding = (
            "Windows-1252"
            if any(b in _CP1252_ONLY for b in data)
            else "Windows-1252 eller Latin-1 (ISO 8859-1)"
        )
        shown = bytes([byte]).decode("cp1252", errors="replace")
        return None, Problem(
            line,
            f"Filen är inte UTF-8 utan ser ut att vara {encoding} (tecknet ”{shown}”, "
            f"byte 0x{byte:02X}). Kansli läser UTF-8. {_SAVE_AS}",
        )
    return checked_text(text)


def checked_text(text: str) -> tuple[str | None, Problem | None]:
    """Pasted or decoded text: not too large, without control characters, with plain line
    breaks."""
    text = text.lstrip("\ufeff")
    size = len(text.encode("utf-8", errors="replace"))
    if size > MAX_BYTES:
        return None, too_large(size)
    if not text.strip():
        return None, Problem(None, "Filen är tom. Första raden ska vara namn;parti;roll;ordning.")
    control = _CONTROL.search(text)
    if control is not None:
        line = text.count("\n", 0, control.start()) + 1
        return None, Problem(
            line, "Raden innehåller styrtecken: det ser ut att vara en binär fil, inte text."
        )
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def _binary_kind(data: bytes) -> str:
    """What a binary file is, when its first bytes tell."""
    if data.startswith(b"%PDF-"):
        return "Filen är en PDF, inte en CSV-fil. Välj CSV-filen."
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        return (
            "Filen är ett Excel- eller annat kontorsdokument, inte en CSV-fil. Öppna den och "
            + _SAVE_AS[0].lower()
            + _SAVE_AS[1:]
        )
    if data.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return "Filen är en bild, inte en CSV-fil. Välj CSV-filen."
    return ""


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a byte order mark: every other byte of Latin text is zero."""
    head = data[:400]
    if len(head) < 8:
        return False
    lanes = sorted((head[0::2].count(0), head[1::2].count(0)))
    return lanes[1] > len(head) // 4 and lanes[0] < len(head) // 16
