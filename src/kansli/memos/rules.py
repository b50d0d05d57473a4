"""How a decision proposal reads: Swedish drafting practice for att-clauses. Pure functions."""

import re

from kansli.core.law import practice

_TRAILING = re.compile(r"[\s,.;]+$")
_SAMT = re.compile(r",?\s*samt$", re.IGNORECASE)


@practice(says="Varje beslutssats börjar med ”att”.")
def clause_begins_with_att(text: str) -> bool:
    """Every clause of a Swedish decision reads "att …" (lower-case, then a space)."""
    return bool(re.match(r"^att\s+\S", text.strip()))


@practice(says="En beslutssats utan skiljetecknen den skrevs med.")
def clause_core(text: str) -> str:
    """A clause without the joining punctuation it was written with (", samt", ".")."""
    core = _TRAILING.sub("", " ".join(text.split()))
    core = _SAMT.sub("", core)
    return _TRAILING.sub("", core)


@practice(says="Satserna skiljs med komma, den näst sista slutar ”, samt”, den sista med punkt.")
def join_clauses(clauses: list[str]) -> list[str]:
    """The clauses as they are printed: each but the last two ends with ",", the
    second-to-last with ", samt", the last with "." — as in the corpus's proposals."""
    cores = [clause_core(c) for c in clauses if clause_core(c)]
    joined = []
    for index, core in enumerate(cores):
        if index == len(cores) - 1:
            joined.append(f"{core}.")
        elif index == len(cores) - 2:
            joined.append(f"{core}, samt")
        else:
            joined.append(f"{core},")
    return joined


@practice(says="Varje rad som börjar med ”att” inleder en ny beslutssats.")
def split_clauses(text: str) -> list[str]:
    """Clauses typed into one field: each "att" at the start of a line begins a new one;
    wrapped lines belong to the clause above."""
    clauses: list[str] = []
    for raw in text.replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        if not line:
            continue
        if clauses and not re.match(r"^att\b", line, re.IGNORECASE):
            clauses[-1] = f"{clauses[-1]} {line}"
        else:
            clauses.append(line)
    return clauses


# Placeholders a drafter leaves for what is not yet known. The corpus shows "utse ..... (S)"
# (item 5) and "(Ange vem/vilka beslutet ska skickas till)" (items 7 and 8).
_PLACEHOLDERS = (
    re.compile(r"\.{3,}|…\s*\(|\(\s*…|_{3,}"),  # dots or a line where a name belongs
    re.compile(r"\(\s*Ange\b[^)]*\)?", re.IGNORECASE),  # "(Ange …)"
    re.compile(r"\bX{2,}\b"),  # "XX", "XXXX"
    re.compile(r"\bN{2}\b"),  # "NN" for a name
    re.compile(  # "[…]", "[ ]", "[namn]", "[Ange datum]"
        r"\[\s*(?:…|\.{2,}|[^\]\n]{0,40}\b(?:namn|datum|belopp|ange|text|titel|dnr)\b[^\]\n]{0,40})?\s*\]",
        re.IGNORECASE,
    ),
)


@practice(says="En tjänsteskrivelse med platshållare (”.....”, ”NN”, ”(Ange …)”) är inte klar.")
def find_placeholders(text: str) -> list[str]:
    """The placeholders left in a text, as written; empty when the text is complete.

    Drafting practice: a memo that goes on an agenda names every person, date and recipient;
    a placeholder means the memo is unfinished (DOMAIN.md, "Real defects in the corpus").
    """
    found: list[tuple[int, str]] = []
    for pattern in _PLACEHOLDERS:
        found.extend((match.start(), match.group(0).strip()) for match in pattern.finditer(text))
    return [snippet for _, snippet in sorted(found)]


_FORMULA = re.compile(
    r"^(?P<actor>.+?)\s+(?:beslutar|föreslår\s+(?P<target>.+?)\s+(?:att\s+)?besluta)"
    r"(?P<condition>\s*,\s*under\s+förutsättning\s+att\s+.+)?[.:]?$",
    re.IGNORECASE,
)


@practice(says="Beslutsformeln lyder ”X beslutar” eller ”X föreslår Y besluta”.")
def formula_parts(formula: str) -> tuple[str, str | None, bool] | None:
    """(deciding body, body it proposes to or None, conditional) of a decision formula,
    or None when the formula has neither form: "X beslutar" or "X föreslår Y besluta",
    each optionally followed by ", under förutsättning att …" (DOMAIN.md, memo item 3)."""
    match = _FORMULA.match(" ".join(formula.split()))
    if match is None:
        return None
    return match["actor"], match["target"], match["condition"] is not None


@practice(says="Beslutsformeln nämner organet som behandlar ärendet och ett organ på dess väg.")
def formula_route_problems(formula: str, route: list[str]) -> list[str]:
    """What is wrong with the bodies a formula names, given the case's route: the body
    meeting now first, then the bodies above it. The deciding body must be the first; a
    body proposed to must be on the route. Empty when the formula is right."""
    parts = formula_parts(formula)
    if parts is None:
        return [
            "Beslutsformeln ska lyda ”<organ> beslutar” eller ”<organ> föreslår <organ> besluta”."
        ]
    actor, target, _ = parts
    known = [name.casefold() for name in route]
    problems = []
    if not known or actor.casefold() != known[0]:
        expected = route[0] if route else "organet"
        problems.append(f"Beslutsformeln nämner ”{actor}”, men ärendet behandlas av {expected}.")
    if target is not None and target.casefold() not in known[1:]:
        onward = ", ".join(route[1:]) or "inget överordnat organ"
        problems.append(
            f"Beslutsformeln föreslår ”{target}” att besluta, men ärendets väg går till {onward}."
        )
    return problems
