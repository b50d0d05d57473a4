"""iCalendar (RFC 5545) text: values escaped (3.3.11), lines folded at 75 octets (3.1) and
ended with CRLF, times in UTC. Used by the public calendar feed and the notices' attachments."""

import datetime
import unicodedata
from collections.abc import Iterable

CRLF = "\r\n"
LINE_OCTETS = 75
PRODID = "-//Kansli//Sammanträdeskalender//SV"


def escape_text(value: str) -> str:
    """A TEXT value: backslash, semicolon and comma escaped, line breaks as \\n, other
    control characters (which TEXT may not hold) left out."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = "".join(c for c in value if c in "\n\t" or unicodedata.category(c) not in ("Cc", "Cs"))
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """A content line folded so that no line is longer than 75 octets, never inside a
    character's UTF-8 sequence; each continuation line begins with a space."""
    parts: list[str] = []
    current: list[str] = []
    size = 0
    for character in line:
        octets = len(character.encode("utf-8"))
        if size + octets > LINE_OCTETS:
            parts.append("".join(current))
            current, size = [], 1  # the continuation's leading space counts
        current.append(character)
        size += octets
    parts.append("".join(current))
    return (CRLF + " ").join(parts)


def utc(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar(name: str, events: Iterable[list[str]]) -> str:
    """The whole VCALENDAR, folded, with CRLF line endings."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
        "X-WR-TIMEZONE:Europe/Stockholm",
    ]
    for event in events:
        lines += event
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)
