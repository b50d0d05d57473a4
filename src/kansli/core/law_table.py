"""docs/law.md, generated from the rule functions' marks (kansli.core.law).

The rules modules are found by name (every `kansli.<app>.rules`, and the modules listed in
EXTRA_MODULES) and imported by name, so core depends on no app.
"""

import importlib
import importlib.util
import inspect
import pkgutil
import re
from types import ModuleType

import kansli

from .law import RULES, Rule, rule_of

# Rule functions that live outside a rules module (shared by several apps).
EXTRA_MODULES = ("kansli.core.workdays",)

# Paragraphs whose statute text was not read (LAW-VERIFIED.md, "Which checks are still open"):
# a citation of one of them is never shown as verified.
NOT_READ = ("KL 4 kap. 8 §", "KL 6 kap. 6 §", "lag (2018:597) 13 kap. 2 §", "OSL ")

_KINDS = {"lag": "Lag", "lokal": "Lokal regel", "praxis": "Praxis"}

HEADER = """# Lagen i koden

Varje regel som Kansli tillämpar är en funktion som anger sitt lagrum. Tabellen nedan är
genererad ur koden (`python -m kansli law_table --write`); ett test misslyckas när en
regelfunktion saknar lagrum eller när tabellen inte stämmer med koden.

- **Lag**: regeln vilar på lagrummet. *Kontrollerad* betyder att paragrafen lästs mot
  författningstexten (se `LAW-VERIFIED.md` i designunderlaget); *att kontrollera* betyder att
  bara paragrafnumret är bekräftat av andra källor.
- **Lokal regel**: organets egen regel (arbetsordning, reglemente, förbundsordning,
  budgetregler); den kan ställas in.
- **Praxis**: ingen rättsregel, utan skrivpraxis eller en kontroll som fångar en felskrivning.

Förkortningar: KL = kommunallagen (2017:725), OSL = offentlighets- och sekretesslagen
(2009:400), AvtL = lagen (1915:218) om avtal och andra rättshandlingar på förmögenhetsrättens
område. Lag (1930:173) om beräkning av lagstadgad tid, lag (2003:1210) om finansiell
samordning av rehabiliteringsinsatser, lag (2005:837) vallagen, lag (2018:218) med
kompletterande bestämmelser till EU:s dataskyddsförordning.
"""


def rule_modules() -> list[str]:
    """The dotted names of every module whose public functions are rules."""
    names = [
        f"kansli.{info.name}.rules"
        for info in pkgutil.iter_modules(kansli.__path__)
        if info.ispkg and importlib.util.find_spec(f"kansli.{info.name}.rules") is not None
    ]
    return sorted(names) + list(EXTRA_MODULES)


def public_functions(module: ModuleType) -> list[str]:
    """The functions a module defines itself and does not mark private."""
    return [
        name
        for name, value in inspect.getmembers(module, inspect.isfunction)
        if value.__module__ == module.__name__ and not name.startswith("_")
    ]


def unmarked() -> list[str]:
    """The public functions of the rules modules that declare no rule."""
    missing = []
    for name in rule_modules():
        module = importlib.import_module(name)
        for function in public_functions(module):
            if rule_of(getattr(module, function)) is None:
                missing.append(f"{name}.{function}")
    return missing


def collect() -> list[Rule]:
    """Every marked rule, by module then function name."""
    for name in rule_modules():
        importlib.import_module(name)
    return sorted(RULES.values(), key=lambda rule: rule.function)


def is_verified(rule: Rule) -> bool:
    return rule.verified and not any(
        citation.startswith(gap) for citation in rule.cites for gap in NOT_READ
    )


def _status(rule: Rule) -> str:
    if rule.kind != "lag":
        return "–"
    return "kontrollerad" if is_verified(rule) else "att kontrollera"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def render() -> str:
    """The whole of docs/law.md."""
    rules = collect()
    lines = [HEADER]
    for kind in ("lag", "lokal", "praxis"):
        chosen = [rule for rule in rules if rule.kind == kind]
        if not chosen:
            continue
        lines.append(f"## {_KINDS[kind]}\n")
        lines.append("| Funktion | Lagrum | Regeln | Status |")
        lines.append("|---|---|---|---|")
        for rule in chosen:
            function = rule.function.removeprefix("kansli.")
            cited = "; ".join(rule.cites) if rule.cites else "–"
            lines.append(
                f"| `{function}` | {_cell(cited)} | {_cell(rule.says)} | {_status(rule)} |"
            )
        lines.append("")
    paragraphs = sorted(
        {c for rule in rules if rule.kind == "lag" for c in rule.cites}, key=_paragraph_key
    )
    lines.append("## Lagrum som koden tillämpar\n")
    lines.append(", ".join(paragraphs) + ".")
    lines.append("")
    return "\n".join(lines)


_KEY = re.compile(r"^(?P<act>.*?) (?:(?P<chapter>\d+) kap\. )?(?P<paragraph>\d+)")


def _paragraph_key(citation: str) -> tuple[str, int, int, str]:
    """Act, chapter, paragraph, then the whole citation: a total order, so the list is the
    same on every run."""
    match = _KEY.match(citation)
    if match is None:
        return citation, 0, 0, citation
    return match["act"], int(match["chapter"] or 0), int(match["paragraph"]), citation
