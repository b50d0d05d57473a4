"""The yearly contribution case: a case, and its briefing memo for the working committee
with one att-clause per federation, the conditional formula and a table in tkr.

`contribution_memo_content` is pure (the dry run shows it); services.contribution_case_create
makes the case and the memo through the registry and memo services, so the memo is validated
and rendered like every other memo.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError

from kansli.core.formatting import format_number
from kansli.people.models import Organization

from .contributions import Contribution, totals

CONDITION = "under förutsättning att övriga medlemmar fattar motsvarande beslut"
CONTRIBUTION_TITLE = "Bidrag till samordningsförbunden"


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
        title=f"{CONTRIBUTION_TITLE} {year}",
        formula=decision_formula(organization),
        clauses=[clause(row) for row in rows],
        sections=sections,
        recipients=[row.federation.name for row in rows],
        basis=[f"Försäkringskassans fördelning av statens medel till samordningsförbunden {year}"],
    )
