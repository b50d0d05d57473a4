"""What the importer read from a file: plain data, ready for JSON and for the writer."""

import datetime
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Problem:
    """A line-numbered problem. An error ("fel") stops the import of every file; a warning
    ("varning") is reported and the import goes on."""

    file: str
    line: int | None
    message: str
    severity: str = "fel"

    @property
    def is_error(self) -> bool:
        return self.severity == "fel"

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "severity": self.severity,
            "message": self.message,
        }

    def __str__(self) -> str:
        where = f"{self.file}, rad {self.line}" if self.line else self.file
        return f"{where}: {self.message}"


@dataclass
class Person:
    name: str
    party: str | None
    role: str  # MembershipRole value

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "party": self.party, "role": self.role}


@dataclass
class Item:
    number: int
    title: str
    line: int
    case_number: str | None = None
    formula: str | None = None
    clauses: list[str] = field(default_factory=list)
    summary: str = ""
    summary_plain: str = ""
    basis: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "title": self.title,
            "case_number": self.case_number,
            "formula": self.formula,
            "clauses": self.clauses,
        }


@dataclass
class Attachment:
    """A part of the file after an item's memo: a motion, a report, a form."""

    description: str
    text: str
    line: int

    def as_dict(self) -> dict[str, Any]:
        return {"description": self.description, "line": self.line, "characters": len(self.text)}


@dataclass
class Memo:
    line: int
    item: int | None = None
    source: str = "pm"  # "pm": read from the memo's pages; "dagordning": from the agenda entry
    organization: str | None = None
    meeting_date: datetime.date | None = None
    case_number: str | None = None
    official: str | None = None
    unit: str | None = None
    title: str = ""
    formula: str | None = None
    clauses: list[str] = field(default_factory=list)
    sections: dict[str, str] = field(default_factory=dict)
    plain_sections: dict[str, str] = field(default_factory=dict)  # the same, without markup
    basis: list[str] = field(default_factory=list)
    signatory: tuple[str, str] | None = None
    send_to: list[str] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "item": self.item,
            "source": self.source,
            "organization": self.organization,
            "meeting_date": _iso(self.meeting_date),
            "case_number": self.case_number,
            "official": self.official,
            "unit": self.unit,
            "title": self.title,
            "formula": self.formula,
            "clauses": self.clauses,
            "sections": self.sections,
            "basis": self.basis,
            "signatory": (
                {"name": self.signatory[0], "title": self.signatory[1]} if self.signatory else None
            ),
            "send_to": self.send_to,
            "attachments": [attachment.as_dict() for attachment in self.attachments],
            "problems": self.problems,
        }


@dataclass
class Meeting:
    line: int
    organization: str | None = None
    date: datetime.date | None = None
    start: datetime.time | None = None
    end: datetime.time | None = None
    place: str | None = None
    members: list[Person] = field(default_factory=list)
    substitutes: list[Person] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "organization": self.organization,
            "date": _iso(self.date),
            "start": _hhmm(self.start),
            "end": _hhmm(self.end),
            "place": self.place,
            "members": [person.as_dict() for person in self.members],
            "substitutes": [person.as_dict() for person in self.substitutes],
            "items": [item.as_dict() for item in self.items],
        }


@dataclass
class Present:
    name: str
    party: str | None
    replaces: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "party": self.party, "replaces": self.replaces}


@dataclass
class MinutesParagraph:
    number: int
    title: str
    line: int
    case_number: str | None = None
    formula: str | None = None
    clauses: list[str] = field(default_factory=list)
    decision: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "title": self.title,
            "case_number": self.case_number,
            "decision": self.decision,
        }


@dataclass
class Minutes:
    line: int
    organization: str | None = None
    date: datetime.date | None = None
    place: str | None = None
    start: datetime.time | None = None
    end: datetime.time | None = None
    chair: str | None = None
    secretary: str | None = None
    adjusters: list[str] = field(default_factory=list)
    present: list[Present] = field(default_factory=list)
    paragraphs: list[MinutesParagraph] = field(default_factory=list)
    adjustment: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "organization": self.organization,
            "date": _iso(self.date),
            "place": self.place,
            "chair": self.chair,
            "adjusters": self.adjusters,
            "present": [person.as_dict() for person in self.present],
            "paragraphs": [paragraph.as_dict() for paragraph in self.paragraphs],
        }


@dataclass
class ParsedFile:
    """Everything read from one file."""

    name: str
    meetings: list[Meeting] = field(default_factory=list)
    memos: list[Memo] = field(default_factory=list)
    minutes: list[Minutes] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def error(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(self.name, line, message))

    def warn(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(self.name, line, message, "varning"))

    @property
    def has_errors(self) -> bool:
        return any(problem.is_error for problem in self.problems)


def _iso(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None


def _hhmm(time: datetime.time | None) -> str | None:
    return time.strftime("%H:%M") if time else None
