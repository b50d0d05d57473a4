"""The meetings as an iCalendar feed (RFC 5545): one VEVENT per meeting, times in UTC,
text escaped (3.3.11), lines folded at 75 octets (3.1) and ended with CRLF."""

import datetime
import unicodedata
from collections.abc import Iterable

from kansli.meetings.models import AgendaItem, Meeting

from ..public_text import masked
from .when import meeting_end, meeting_start

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


def event_lines(
    meeting: Meeting,
    items: list[AgendaItem],
    *,
    uid_host: str,
    url: str,
    stamp: datetime.datetime,
) -> list[str]:
    """One meeting's VEVENT, unfolded; `items` are the agenda items the viewer may see."""
    lines = [
        "BEGIN:VEVENT",
        f"UID:meeting-{meeting.pk}@{uid_host}",
        f"DTSTAMP:{utc(stamp)}",
        f"DTSTART:{utc(meeting_start(meeting))}",
    ]
    end = meeting_end(meeting)
    if end is not None:
        lines.append(f"DTEND:{utc(end)}")
    lines += [
        f"SUMMARY:{escape_text(f'{meeting.organization.name} sammanträde')}",
        f"LOCATION:{escape_text(meeting.place)}",
        f"URL:{url}",
    ]
    if items:
        # titles written in Kansli, with personal data of private persons masked
        agenda = ["Dagordning:", *(f"{item.number}. {masked(item.title)}" for item in items)]
        description = "\n".join(agenda)
        lines.append(f"DESCRIPTION:{escape_text(description)}")
    lines.append("END:VEVENT")
    return lines


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
