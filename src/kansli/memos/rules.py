"""How a decision proposal reads: Swedish drafting practice for att-clauses. Pure functions."""

import re

_TRAILING = re.compile(r"[\s,.;]+$")
_SAMT = re.compile(r",?\s*samt$", re.IGNORECASE)


def clause_begins_with_att(text: str) -> bool:
    """Every clause of a Swedish decision reads "att …" (lower-case, then a space)."""
    return bool(re.match(r"^att\s+\S", text.strip()))


def clause_core(text: str) -> str:
    """A clause without the joining punctuation it was written with (", samt", ".")."""
    core = _TRAILING.sub("", " ".join(text.split()))
    core = _SAMT.sub("", core)
    return _TRAILING.sub("", core)


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
