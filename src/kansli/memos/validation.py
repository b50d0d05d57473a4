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


def memo_validate(memo: Memo, context: MemoContext) -> list[Problem]:
    """All problems of a memo; empty when it may be marked ready."""
    problems: list[Problem] = []

    # Header: it must name this meeting's date and this case.
    if context.meeting_date is not None and memo.meeting_date != context.meeting_date:
        problems.append(
            Problem(
                "sammantradesdatum",
                f"Sammanträdesdatum i sidhuvudet är {format_date(memo.meeting_date)}, "
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
    formula = memo.proposal.formula
    problems += [
        Problem("beslutsformel", text)
        for text in rules.formula_route_problems(formula, context.route)
    ]
    problems += _placeholder_problems("beslutsformel", "Beslutsformeln", formula)
    clauses = [clause.text for clause in memo.proposal.clauses.all()]
    if not clauses:
        problems.append(Problem("att_1", "Förslaget till beslut har ingen att-sats."))
    for number, text in enumerate(clauses, start=1):
        if not rules.clause_begins_with_att(text):
            problems.append(
                Problem(f"att_{number}", f"Att-sats {number} börjar inte med ”att”: ”{text[:60]}”.")
            )
        problems += _placeholder_problems(f"att_{number}", f"Att-sats {number}", text)

    # Sections: the required ones filled, none with a placeholder.
    texts = {section.key: section.text for section in memo.sections.all()}
    for key in SectionKey:
        blocks = markup.parse(texts.get(key, ""))
        text = markup.plain_text(blocks)
        if key in REQUIRED_SECTIONS and not text.strip():
            problems.append(Problem(key.value, f"Avsnittet ”{key.label}” saknas eller är tomt."))
        problems += _placeholder_problems(key.value, f"Avsnittet ”{key.label}”", text)

    # Beslutsunderlag, signature and recipients.
    basis = list(memo.basis.all())
    if not basis:
        problems.append(Problem("beslutsunderlag", "Beslutsunderlag saknas."))
    for number, entry in enumerate(basis, start=1):
        problems += _placeholder_problems(
            "beslutsunderlag", f"Beslutsunderlag rad {number}", entry.text
        )
    if not memo.signatory_name.strip() or not memo.signatory_title.strip():
        problems.append(Problem("underskrift", "Underskriften ska ha både namn och titel."))
    problems += _placeholder_problems(
        "underskrift", "Underskriften", f"{memo.signatory_name} {memo.signatory_title}"
    )
    recipients = list(memo.recipients.all())
    if not recipients:
        problems.append(
            Problem("skickas_till", "”Skickas till” är tom: ange vem beslutet ska skickas till.")
        )
    for number, recipient in enumerate(recipients, start=1):
        problems += _placeholder_problems(
            "skickas_till", f"”Skickas till” rad {number}", recipient.label
        )
    return problems
