"""The classification structure and the informationshanteringsplan as one table, as an
archivist writes it:

    klass;benämning;handlingstyp;åtgärd;gallringsfrist;format;lagrum;ärendetyper;anmärkning
    1;Styra och leda;;;;;;;
    1.1;Politisk styrning;;;;;;;
    1.1.2;Bereda och besluta politiska ärenden;;Bevaras;;PDF/A;;Allmänt ärende;
    1.1.2;;Protokoll;Bevaras;;PDF/A;Arkivlagen 3 §;;
    1.1.2;;Kallelse;Gallras;2 år;PDF/A;RS 2025-12;;

A class is "1" (verksamhetsområde), "1.1" (processgrupp) or "1.1.2" (process). A row with an
action (Bevaras or Gallras) is a row of the plan and must name a process, of the file or
already in Kansli; without a document type it covers the process's other documents. Periods:
"5 år", "5", "vid inaktualitet". Read through the shared import kit (kansli.core.tabular):
every problem with its line, any problem and nothing is written.
"""

import csv
import io
import re
from dataclasses import dataclass, field

from kansli.core.tabular import Column, Problem, Table, read_table, read_table_text
from kansli.core.tabular.cells import read_text_cell, text_cell

from .models import CaseType, ClassNode, RetentionAction, RetentionRule

MAX_BYTES = 2_000_000
MAX_ROWS = 5_000
MAX_YEARS = 100
MAX_PROBLEMS = 100
CODE = re.compile(r"^\d{1,3}(\.\d{1,3}){0,2}$")
_PERIOD = re.compile(r"^(\d{1,4})\s*(år)?$")
_INACTUALITY = {"vid inaktualitet", "inaktualitet", "när inaktuell", "vid inaktualitet."}

COLUMNS = (
    Column("code", ("klass", "klasskod", "kod", "processkod", "code")),
    Column("name", ("benämning", "namn", "process", "name"), required=False),
    Column("document_type", ("handlingstyp", "handling", "document type"), required=False),
    Column("action", ("åtgärd", "bevaras/gallras", "bevara/gallra", "action"), required=False),
    Column("period", ("gallringsfrist", "frist", "period"), required=False),
    Column("archive_format", ("format", "format vid arkivering", "arkivformat"), required=False),
    Column("legal_basis", ("lagrum", "lagrum eller beslut", "stöd", "legal basis"), required=False),
    Column("case_types", ("ärendetyper", "ärendetyp", "case types"), required=False),
    Column("note", ("anmärkning", "kommentar", "note"), required=False),
)
HEADER = ";".join(c.labels[0] for c in COLUMNS)

_CASE_TYPES = {label.casefold(): value for value, label in CaseType.choices} | {
    value: value for value in CaseType.values
}


_LIMITS = {
    "document_type": ("Handlingstypen", 100),
    "archive_format": ("Formatangivelsen", 100),
    "legal_basis": ("Lagrummet", 300),
    "note": ("Anmärkningen", 500),
}


def depth(code: str) -> int:
    return code.count(".") + 1


@dataclass(frozen=True)
class ClassRow:
    line: int
    code: str
    name: str
    case_types: tuple[str, ...]


@dataclass(frozen=True)
class RuleRow:
    line: int
    code: str
    document_type: str
    action: RetentionAction
    years: int | None
    on_inactuality: bool
    archive_format: str
    legal_basis: str
    note: str


@dataclass
class PlanSheet:
    text: str = ""
    classes: list[ClassRow] = field(default_factory=list)
    rules: list[RuleRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notice: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.classes or self.rules)


def read_bytes(data: bytes, *, known: dict[str, int], filename: str | None = None) -> PlanSheet:
    """An uploaded CSV file or workbook. `known`: the codes Kansli has, with their depth."""
    table = read_table(
        data, columns=COLUMNS, max_bytes=MAX_BYTES, max_rows=MAX_ROWS, filename=filename
    )
    return _read(table, known)


def read_text(text: str, *, known: dict[str, int]) -> PlanSheet:
    table = read_table_text(text, columns=COLUMNS, max_bytes=MAX_BYTES, max_rows=MAX_ROWS)
    return _read(table, known)


def _cell(values: dict[str, str], key: str) -> str:
    return read_text_cell(" ".join(values.get(key, "").split()))


def _read(table: Table, known: dict[str, int]) -> PlanSheet:
    sheet = PlanSheet(text=table.text, problems=table.problems, notice=table.notice)
    if not table.ok:
        return sheet
    problems = sheet.problems
    names: dict[str, tuple[int, str]] = {}
    case_types: dict[str, tuple[str, ...]] = {}
    type_lines: dict[str, int] = {}
    rule_keys: dict[tuple[str, str], int] = {}
    for line, values in table.rows:
        code = _cell(values, "code")
        if not CODE.match(code):
            problems.append(
                Problem(
                    line,
                    f"”{code[:40]}” är ingen klass. Skriv 1, 1.2 eller 1.2.3 "
                    "(verksamhetsområde, processgrupp, process)."
                    if code
                    else "Klassen saknas.",
                )
            )
            continue
        name = _cell(values, "name")
        if len(name) > 200:
            problems.append(Problem(line, "Benämningen är för lång (högst 200 tecken)."))
        elif name:
            earlier = names.get(code)
            if earlier and earlier[1] != name:
                problems.append(
                    Problem(
                        line,
                        f"Klass {code} har redan benämningen ”{earlier[1]}” (rad {earlier[0]}).",
                    )
                )
            names.setdefault(code, (line, name))
        types = _case_types(line, _cell(values, "case_types"), code, problems)
        if types:
            case_types[code] = types
            type_lines.setdefault(code, line)
        action_text = _cell(values, "action")
        if action_text or _cell(values, "document_type") or _cell(values, "period"):
            rule = _rule(line, code, values, action_text, problems)
            if rule is not None:
                key = (code, rule.document_type.casefold())
                if key in rule_keys:
                    what = rule.document_type or "övriga handlingar"
                    problems.append(
                        Problem(
                            line,
                            f"Process {code} har redan en rad för {what} (rad {rule_keys[key]}).",
                        )
                    )
                else:
                    rule_keys[key] = line
                    sheet.rules.append(rule)
    for code, (line, name) in names.items():
        sheet.classes.append(ClassRow(line, code, name, case_types.get(code, ())))
    for code, types in case_types.items():
        if code in names:
            continue
        if code in known:  # new case types for a class Kansli has: its name is kept
            sheet.classes.append(ClassRow(type_lines[code], code, "", types))
        else:
            problems.append(Problem(type_lines[code], f"Klass {code} saknar benämning."))
    _check_tree(sheet, known, problems)
    if problems:
        sheet.classes, sheet.rules = [], []
        if len(problems) > MAX_PROBLEMS:
            more = len(problems) - MAX_PROBLEMS
            del problems[MAX_PROBLEMS:]
            problems.append(
                Problem(None, f"… och {more} fel till. Rätta de första och läs in igen.")
            )
    return sheet


def _case_types(line: int, text: str, code: str, problems: list[Problem]) -> tuple[str, ...]:
    if not text:
        return ()
    if depth(code) != 3:
        problems.append(Problem(line, "Ärendetyper anges bara för processer (t.ex. 1.2.3)."))
        return ()
    found: list[str] = []
    for word in (w.strip() for w in text.split(",") if w.strip()):
        value = _CASE_TYPES.get(word.casefold())
        if value is None:
            known = ", ".join(label for _, label in CaseType.choices)
            problems.append(Problem(line, f"Okänd ärendetyp ”{word[:40]}”. Kända: {known}."))
        elif value not in found:
            found.append(value)
    return tuple(found)


def _rule(
    line: int, code: str, values: dict[str, str], action_text: str, problems: list[Problem]
) -> RuleRow | None:
    before = len(problems)
    if depth(code) != 3:
        problems.append(
            Problem(
                line,
                f"Bevarande och gallring anges för processer; {code} är ingen process "
                "(en process har tre nivåer, t.ex. 1.2.3).",
            )
        )
    action = {"bevaras": RetentionAction.KEEP, "gallras": RetentionAction.DISPOSE}.get(
        action_text.casefold()
    )
    if action is None:
        problems.append(
            Problem(line, f"Skriv Bevaras eller Gallras, inte ”{action_text[:40]}”.")
            if action_text
            else Problem(line, "Ange om handlingarna bevaras eller gallras.")
        )
    period = _cell(values, "period").casefold()
    years: int | None = None
    on_inactuality = False
    if period in _INACTUALITY:
        on_inactuality = True
    elif period:
        match = _PERIOD.match(period)
        if match is None:
            problems.append(
                Problem(
                    line,
                    f"Gallringsfristen ”{period[:40]}” går inte att läsa. "
                    "Skriv t.ex. ”5 år” eller ”vid inaktualitet”.",
                )
            )
        else:
            years = int(match.group(1))
            if not 1 <= years <= MAX_YEARS:
                problems.append(
                    Problem(
                        line,
                        f"Gallringsfristen {years} år är inte möjlig: den ska vara 1–{MAX_YEARS} "
                        "år, eller ”vid inaktualitet”.",
                    )
                )
    if action == RetentionAction.KEEP and (years is not None or on_inactuality):
        problems.append(Problem(line, "Det som bevaras har ingen gallringsfrist."))
    if action == RetentionAction.DISPOSE and years is None and not on_inactuality and not period:
        problems.append(
            Problem(line, "Ange när handlingarna gallras (t.ex. ”2 år” eller ”vid inaktualitet”).")
        )
    texts = {
        key: _cell(values, key)
        for key in ("document_type", "archive_format", "legal_basis", "note")
    }
    for key, text in texts.items():
        label, limit = _LIMITS[key]
        if len(text) > limit:
            problems.append(Problem(line, f"{label} är för lång (högst {limit} tecken)."))
    if len(problems) > before or action is None:
        return None
    return RuleRow(
        line,
        code,
        texts["document_type"],
        action,
        years,
        on_inactuality,
        texts["archive_format"],
        texts["legal_basis"],
        texts["note"],
    )


def _check_tree(sheet: PlanSheet, known: dict[str, int], problems: list[Problem]) -> None:
    """Every class's parent exists (in the file or in Kansli); every rule names a process."""
    codes = {row.code for row in sheet.classes} | set(known)
    for row in sheet.classes:
        parent = row.code.rpartition(".")[0]
        if parent and parent not in codes and row.code not in known:
            problems.append(
                Problem(row.line, f"Klass {row.code} saknar överordnad klass {parent}.")
            )
    for rule in sheet.rules:
        if rule.code not in codes:
            problems.append(
                Problem(
                    rule.line,
                    f"Processen {rule.code} finns inte i klassificeringsstrukturen. "
                    "Lägg till den med benämning, eller rätta klassen.",
                )
            )


def write(plan: list[tuple[ClassNode, list[RetentionRule]]]) -> str:
    """The plan as the table `read_text` reads (semicolons, the header above): a row per
    class, with its rule for the other documents, and a row per further document type."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([c.labels[0] for c in COLUMNS])
    labels = dict(CaseType.choices)
    for node, node_rules in plan:
        others = next((r for r in node_rules if not r.document_type), None)
        types = ", ".join(labels.get(t, t) for t in node.case_types or [])
        writer.writerow(
            [
                node.code,
                text_cell(node.name),
                *_rule_cells(others),
                types,
                text_cell(others.note) if others else "",
            ]
        )
        for rule in node_rules:
            if rule is not others:
                writer.writerow([node.code, "", *_rule_cells(rule), "", text_cell(rule.note)])
    return out.getvalue()


def _rule_cells(rule: RetentionRule | None) -> list[str]:
    if rule is None:
        return ["", "", "", "", ""]
    if rule.action == RetentionAction.KEEP:
        period = ""
    elif rule.on_inactuality:
        period = "vid inaktualitet"
    else:
        period = f"{rule.years} år"
    return [
        text_cell(rule.document_type),
        rule.get_action_display(),
        period,
        text_cell(rule.archive_format),
        text_cell(rule.legal_basis),
    ]


def write_xlsx(plan: list[tuple[ClassNode, list[RetentionRule]]]) -> bytes:
    """The same table as `write`, as an Excel workbook whose every cell is text: a class
    code such as 1.10 stays 1.10 (a spreadsheet opening the CSV may read it as a number)."""
    from openpyxl import Workbook  # optional: only this download and workbook uploads use it

    rows = list(csv.reader(io.StringIO(write(plan)), delimiter=";"))
    book = Workbook(write_only=False)
    sheet = book.create_sheet("Informationshanteringsplan", 0)
    book.remove(book.worksheets[1])  # the empty default sheet
    for row in rows:
        sheet.append(row)
    for column in sheet.columns:
        for cell in column:
            cell.number_format = "@"  # text
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
