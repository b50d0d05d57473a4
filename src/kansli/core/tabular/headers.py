"""A table's header row mapped to its columns.

A column is known by a key (used in code) and the labels people may write in the header,
Swedish first (the first label is the one messages name). Headers are compared without
regard to case, spacing, quotes, the kind of dash, a unit in brackets at the end
("Beviljat (kr)" is "beviljat") or diacritics ("forbund" is "förbund"), since files come from
keyboards and programs that write them differently."""

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .problem import Problem

_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—―−", "-"))
_UNIT = re.compile(r"\s*\([^()]*\)$")


@dataclass(frozen=True)
class Column:
    key: str
    labels: tuple[str, ...]  # the accepted header names, the Swedish one first
    required: bool = True
    pattern: str = ""  # a regular expression a header may match instead (SCB's year "2023")

    @property
    def label(self) -> str:
        return self.labels[0]

    def matches(self, header: str) -> bool:
        folded = header_key(header)
        candidates = {folded, header_key(_UNIT.sub("", header.strip()))}
        if any(header_key(label) in candidates for label in self.labels):
            return True
        return bool(self.pattern) and re.fullmatch(self.pattern, folded) is not None


@dataclass
class Header:
    line: int
    cells: list[str]  # without the empty cells at the end
    width: int  # how many cells the row has, the empty ones at the end too
    positions: dict[str, int] = field(default_factory=dict)  # key → index of its cell
    unknown: list[str] = field(default_factory=list)  # header cells that name no column
    problems: list[Problem] = field(default_factory=list)


def header_key(text: str) -> str:
    """A header as it is compared: "  Förbund " and "FORBUND" alike."""
    text = unicodedata.normalize("NFKD", text.strip().strip('"').translate(_DASHES))
    text = "".join(char for char in text if not unicodedata.combining(char))
    return " ".join(text.casefold().split())


def check_columns(columns: Sequence[Column]) -> None:
    """A programming error when two columns share a key or a label, once folded."""
    seen: dict[str, str] = {}
    keys = [column.key for column in columns]
    if len(set(keys)) != len(keys):
        raise ValueError(f"Two columns have one key: {keys}")
    for column in columns:
        for label in column.labels:
            other = seen.setdefault(header_key(label), column.key)
            if other != column.key:
                raise ValueError(f"The label {label!r} names both {other} and {column.key}")


def expected_header(columns: Iterable[Column]) -> str:
    """The header a file should have, for messages: "namn;parti;roll (och e-post om du vill)"."""
    columns = list(columns)
    text = ";".join(c.label for c in columns if c.required)
    optional = [c.label for c in columns if not c.required]
    return f"{text} (och {' och '.join(optional)} om du vill)" if optional else text


def trim(cells: list[str]) -> list[str]:
    """The cells without the empty ones at the end (Excel's empty columns)."""
    end = len(cells)
    while end and not cells[end - 1].strip():
        end -= 1
    return cells[:end]


def map_header(
    cells: list[str], line: int, columns: Sequence[Column], *, delimiter: str = ";"
) -> Header:
    """Which cell holds which column; problems for a column twice or a required one missing."""
    header = Header(line, trim(cells), len(cells))
    for position, cell in enumerate(header.cells):
        column = next((c for c in columns if c.matches(cell)), None)
        if column is None:
            if cell.strip():
                header.unknown.append(cell.strip())
            continue
        if column.key in header.positions:
            header.problems.append(Problem(line, f"Kolumnen {column.label} finns två gånger."))
        header.positions[column.key] = position
    missing = [c.label for c in columns if c.required and c.key not in header.positions]
    if missing:
        plural = "Kolumnerna" if len(missing) > 1 else "Kolumnen"
        shown = (";" if delimiter == "\t" else delimiter).join(cells)
        header.problems.append(
            Problem(
                line,
                f"{plural} {' och '.join(missing)} saknas. Första raden ska vara "
                f"{expected_header(columns)}; nu är den ”{shown[:120]}”.",
            )
        )
    return header


def unknown_problem(header: Header, columns: Sequence[Column]) -> Problem | None:
    """For a table that takes no other columns: the header's unknown ones, by name."""
    if not header.unknown:
        return None
    names = ", ".join(f"”{name[:40]}”" for name in header.unknown[:10])
    known = ", ".join(c.label for c in columns)
    plural = "Okända kolumner" if len(header.unknown) > 1 else "Okänd kolumn"
    return Problem(header.line, f"{plural}: {names}. Kolumnerna som kan finnas: {known}.")
