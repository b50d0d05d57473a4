"""memo_validate: every problem that keeps a memo from going on an agenda, at once, in Swedish."""

import datetime
from dataclasses import dataclass

from kansli.core.formatting import format_date

from . import markup, rules
from .models import REQUIRED_SECTIONS, Memo, SectionKey


@dataclass(frozen=True)
class MemoContext:
    """What the memo's header must agree with: the meeting it goes to and the case."""

    meeting_date: datetime.date | None
    case_number: str
    route: list[str]  # the organization meeting, then the bodies above it


@dataclass(frozen=True)
class Problem:
    field: str  # where the problem is: "sammanfattning", "skickas_till", "att_2" …
    message: str

    def __str__(self) -> str:
        return self.message


def _placeholder_problems(field: str, where: str, text: str) -> list[Problem]:
    return [
        Problem(field, f"{where} innehåller en platshållare som ska fyllas i: ”{found}”.")
        for found in rules.find_placeholders(text)
    ]


@dataclass(frozen=True)
class MemoContent:
    """What validation reads of a memo: the stored memo, or one read from a file."""

    meeting_date: datetime.date | None
    case_number: str
    title: str
    formula: str
    clauses: list[str]
    sections: dict[SectionKey, str]
    basis: list[str]
    signatory_name: str
    signatory_title: str
    recipients: list[str]
    # The sections as plain text, when the caller has it (the importer reads it from the
    # file); else it is read from the sections' Markdown.
    plain_sections: dict[SectionKey, str] | None = None

    def plain(self, key: SectionKey) -> str:
        if self.plain_sections is not None:
            return self.plain_sections.get(key, "")
        text = self.sections.get(key, "")
        return markup.plain_text(markup.parse(text)) if text else ""

    @classmethod
    def of(cls, memo: Memo) -> "MemoContent":
        return cls(
            meeting_date=memo.meeting_date,
            case_number=memo.case_number,
            title=memo.title,
            formula=memo.proposal.formula,
            clauses=[clause.text for clause in memo.proposal.clauses.all()],
            sections={SectionKey(s.key): s.text for s in memo.sections.all()},
            basis=[entry.text for entry in memo.basis.all()],
            signatory_name=memo.signatory_name,
            signatory_title=memo.signatory_title,
            recipients=[recipient.label for recipient in memo.recipients.all()],
        )


def memo_validate(memo: Memo, context: MemoContext) -> list[Problem]:
    """All problems of a memo; empty when it may be marked ready."""
    return memo_content_problems(MemoContent.of(memo), context)


def memo_content_problems(memo: MemoContent, context: MemoContext) -> list[Problem]:
    """All problems of a memo's content, stored or not."""
    problems: list[Problem] = []

    # Header: it must name this meeting's date and this case.
    if context.meeting_date is not None and memo.meeting_date != context.meeting_date:
        problems.append(
            Problem(
                "sammantradesdatum",
                f"Sammanträdesdatum i sidhuvudet är {_date(memo.meeting_date)}, "
                f"men sammanträdet är {format_date(context.meeting_date)}.",
            )
        )
    if memo.case_number.strip() != context.case_number:
        problems.append(
            Problem(
                "dnr",
                f"Diarienumret i sidhuvudet är ”{memo.case_number}”, "
                f"men ärendets nummer är {context.case_number}.",
            )
        )
    if not memo.title.strip():
        problems.append(Problem("rubrik", "Rubriken saknas."))
    problems += _placeholder_problems("rubrik", "Rubriken", memo.title)

    # Proposal: formula on the case's route, clauses beginning with "att".
    formula = memo.formula
    problems += [
        Problem("beslutsformel", text)
        for text in rules.formula_route_problems(formula, context.route)
    ]
    problems += _placeholder_problems("beslutsformel", "Beslutsformeln", formula)
    clauses = memo.clauses
    if not clauses:
        problems.append(Problem("att_1", "Förslaget till beslut har ingen att-sats."))
    for number, text in enumerate(clauses, start=1):
        if not rules.clause_begins_with_att(text):
            problems.append(
                Problem(f"att_{number}", f"Att-sats {number} börjar inte med ”att”: ”{text[:60]}”.")
            )
        problems += _placeholder_problems(f"att_{number}", f"Att-sats {number}", text)

    # Sections: the required ones filled, none with a placeholder.
    for key in SectionKey:
        text = memo.plain(key)
        if key in REQUIRED_SECTIONS and not text.strip():
            problems.append(Problem(key.value, f"Avsnittet ”{key.label}” saknas eller är tomt."))
        problems += _placeholder_problems(key.value, f"Avsnittet ”{key.label}”", text)

    # Beslutsunderlag, signature and recipients.
    if not memo.basis:
        problems.append(Problem("beslutsunderlag", "Beslutsunderlag saknas."))
    for number, entry in enumerate(memo.basis, start=1):
        problems += _placeholder_problems("beslutsunderlag", f"Beslutsunderlag rad {number}", entry)
    if not memo.signatory_name.strip() or not memo.signatory_title.strip():
        problems.append(Problem("underskrift", "Underskriften ska ha både namn och titel."))
    problems += _placeholder_problems(
        "underskrift", "Underskriften", f"{memo.signatory_name} {memo.signatory_title}"
    )
    if not memo.recipients:
        problems.append(
            Problem("skickas_till", "”Skickas till” är tom: ange vem beslutet ska skickas till.")
        )
    for number, recipient in enumerate(memo.recipients, start=1):
        problems += _placeholder_problems("skickas_till", f"”Skickas till” rad {number}", recipient)
    return problems


def _date(day: datetime.date | None) -> str:
    return format_date(day) if day is not None else "inte angivet"
