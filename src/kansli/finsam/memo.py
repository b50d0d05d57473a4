"""The yearly contribution case: a case, and its briefing memo for the working committee
with one att-clause per federation, the conditional formula and a table in tkr.

`contribution_memo_content` is pure (the dry run shows it); `contribution_case_create` makes
the case and the memo through the registry and memo services, so the memo is validated and
rendered like every other memo.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from kansli.core.formatting import format_number
from kansli.core.models import User
from kansli.meetings.models import Meeting
from kansli.meetings.services import agenda_item_add, agenda_item_memo_create
from kansli.memos.models import Memo
from kansli.memos.services import (
    BasisInput,
    RecipientInput,
    memo_create,
    memo_update,
    proposal_create,
)
from kansli.people.models import Body, Official, Organization
from kansli.registry.models import Case, Series
from kansli.registry.services import case_register

from .funding import Contribution, totals

CONDITION = "under förutsättning att övriga medlemmar fattar motsvarande beslut"


def kronor(amount: int) -> str:
    """1 250 000 — whole kronor with Swedish digit grouping, plain spaces (a decision's text
    is stored with its whitespace normalised, so a non-breaking space would not survive)."""
    return format_number(amount).replace("\xa0", " ")


def tkr(amount: int | None) -> str:
    """5 689,5 — thousands of kronor with one decimal; a dash when unknown."""
    return "–" if amount is None else format_number(Decimal(amount) / 1000, 1)


def _lower_first(name: str) -> str:
    return name[:1].lower() + name[1:]


def decision_formula(organization: Organization) -> str:
    """ "Regionstyrelsens arbetsutskott föreslår regionstyrelsen besluta" when the organization
    prepares for a body above it, else "Regionstyrelsen beslutar"; always conditional."""
    if organization.parent is not None:
        base = f"{organization.name} föreslår {_lower_first(organization.parent.name)} besluta"
    else:
        base = f"{organization.name} beslutar"
    return f"{base}, {CONDITION}"


def clause(row: Contribution) -> str:
    return (
        f"att lämna bidrag till {row.federation.name} med {kronor(row.region)} kronor "
        f"för år {row.year}"
    )


def table_rows(rows: list[Contribution]) -> list[tuple[str, str, str, str]]:
    """(federation, last year, this year, change) in tkr with one decimal, and the totals."""
    lines = [
        (row.federation.name, tkr(row.previous_region), tkr(row.region), tkr(row.change))
        for row in rows
    ]
    total = totals(rows)
    lines.append(("Summa", tkr(total.previous_region), tkr(total.region), tkr(total.change)))
    return lines


def _table(year: int, rows: list[Contribution]) -> str:
    header = f"| Samordningsförbund | {year - 1} (tkr) | {year} (tkr) | Förändring (tkr) |"
    lines = [header, "|:---|---:|---:|---:|"]
    for name, before, now, change in table_rows(rows):
        strong = "**" if name == "Summa" else ""
        lines.append(f"| {strong}{name}{strong} | {before} | {now} | {change} |")
    return "\n".join(lines)


@dataclass(frozen=True)
class MemoContentDraft:
    title: str
    formula: str
    clauses: list[str]
    sections: dict[str, str]
    recipients: list[str]
    basis: list[str]


def contribution_memo_content(
    year: int, rows: list[Contribution], organization: Organization
) -> MemoContentDraft:
    if not rows:
        raise ValidationError("Ange statens bidrag för minst ett förbund.")
    problems = [f"{row.federation.short_name}: {p}" for row in rows for p in row.problems]
    if problems:
        raise ValidationError(problems)
    total = totals(rows)
    if total.change is None:
        compared = f"Uppgift om {year - 1} års bidrag saknas för något av förbunden."
    elif total.change == 0:
        compared = f"Det är lika mycket som {year - 1}."
    else:
        direction = "mer" if total.change > 0 else "mindre"
        compared = (
            f"Det är {kronor(abs(total.change))} kronor {direction} än {year - 1}, då "
            f"bidragen var {kronor(total.previous_region or 0)} kronor."
        )
    names = ", ".join(row.federation.name for row in rows)
    sections = {
        "sammanfattning": (
            f"Försäkringskassan har fördelat statens medel till samordningsförbunden för "
            f"{year}. Regionen bidrar till varje förbund med hälften av statens belopp, "
            f"sammanlagt {kronor(total.region)} kronor. {compared}"
        ),
        "arendebeskrivning": (
            "Enligt 5 § lagen (2003:1210) om finansiell samordning av "
            "rehabiliteringsinsatser står staten för hälften av ett samordningsförbunds "
            "medel, regionen för en fjärdedel och kommunerna tillsammans för en fjärdedel. "
            "Regionens bidrag är därför hälften av statens. Kommunerna fördelar sin del "
            "mellan sig enligt respektive förbundsordning.\n\n"
            f"Regionen är medlem i {names}. Regionens bidrag per förbund:\n\n" + _table(year, rows)
        ),
        "bedomning": (
            "Bidragen följer lagens fördelning. Eftersom förbundets medel förutsätter att "
            "alla medlemmar bidrar gäller beslutet under förutsättning att övriga medlemmar "
            "fattar motsvarande beslut."
        ),
        "konsekvenser": (
            "Beslutet bedöms inte få några särskilda konsekvenser för miljön, för barn eller "
            "för jämställdheten."
        ),
        "ekonomi": (
            f"Regionens bidrag till samordningsförbunden {year} är {kronor(total.region)} "
            "kronor och ryms i regionens budget för finansiell samordning."
        ),
        "uppfoljning": (
            "Förbunden redovisar sin verksamhet i delårsrapport och årsredovisning. "
            "Medlemmarna jämför förbundens resultat i Kanslis Finsam-jämförelse."
        ),
    }
    return MemoContentDraft(
        title=f"Bidrag till samordningsförbunden {year}",
        formula=decision_formula(organization),
        clauses=[clause(row) for row in rows],
        sections=sections,
        recipients=[row.federation.name for row in rows],
        basis=[f"Försäkringskassans fördelning av statens medel till samordningsförbunden {year}"],
    )


@transaction.atomic
def contribution_case_create(
    *,
    actor: User | None,
    body: Body,
    series: Series,
    year: int,
    rows: list[Contribution],
    organization: Organization,
    meeting_date: datetime.date,
    official: Official | None = None,
    meeting: Meeting | None = None,
) -> tuple[Case, Memo]:
    """Register the year's contribution case and write its memo (a draft for the official to
    read through and mark ready). With `meeting` (the organ's meeting that day) the case is
    also put on its agenda, the memo as the item's."""
    content = contribution_memo_content(year, rows, organization)
    if organization.body_id != body.pk or series.body_id != body.pk:
        raise ValidationError("Organet och diarieserien ska höra till huvudmannen.")
    case = case_register(
        actor=actor,
        body=body,
        series=series,
        title=content.title,
        organization=organization,
        official=official,
    )
    proposal = proposal_create(
        actor=actor, formula=content.formula, clauses=content.clauses, scope=f"case:{case.pk}"
    )
    memo = memo_create(
        actor=actor,
        case=case,
        organization=organization,
        meeting_date=meeting_date,
        proposal=proposal,
        title=content.title,
        official=official,
    )
    memo_update(
        actor=actor,
        memo=memo,
        title=content.title,
        formula=content.formula,
        clauses=content.clauses,
        sections=content.sections,
        basis=[BasisInput(text=text) for text in content.basis],
        recipients=[RecipientInput(kind="text", text=name) for name in content.recipients],
        signatory_name=official.name if official else "",
        signatory_title=official.title if official else "",
        unit=official.unit if official else "",
        official_name=official.name if official else "",
    )
    if meeting is not None:
        if meeting.organization_id != organization.pk or meeting.date != meeting_date:
            raise ValidationError("Sammanträdet är inte organets sammanträde den dagen.")
        item = agenda_item_add(actor=actor, meeting=meeting, title=content.title, case=case)
        memo = agenda_item_memo_create(actor=actor, item=item)
    return case, memo
