"""Reading what a resident typed into the search box. Any text is accepted: what the index
cannot use is left out and explained in Swedish, never raised.

Syntax: words (all must occur, in any inflection), "a phrase" in quotes (all its words must
occur; entries where they stand together, in order, rank first), and -word or -"a phrase" to
exclude (a phrase excludes only entries where it stands word for word). Everything else (FTS5
or tsquery operators, wildcards, SQL, punctuation, emoji) is only text: what is not a word is
ignored.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from .stemming import MAX_WORD_LENGTH, STOP_WORDS, WORD, stem

MAX_QUERY_CHARS = 1000
MAX_TERMS = 32
OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})
# Straight and typographic double quotes all open and close a phrase.
QUOTES = '"”“„«»'
_PIECE = re.compile(rf"(-?)[{QUOTES}]([^{QUOTES}]*)[{QUOTES}]|(\S+)")


@dataclass(frozen=True)
class ParsedQuery:
    """What the index is asked: every stem of every group must occur (a group of several stems
    is a phrase, preferred word for word), no excluded group may match."""

    groups: tuple[tuple[str, ...], ...] = ()
    excluded: tuple[tuple[str, ...], ...] = ()
    notes: tuple[str, ...] = field(default=())

    @property
    def empty(self) -> bool:
        return not self.groups

    @property
    def words(self) -> tuple[str, ...]:
        """Every stem of every group once: what an entry must contain."""
        return tuple(dict.fromkeys(s for group in self.groups for s in group))

    @property
    def phrases(self) -> tuple[tuple[str, ...], ...]:
        """The groups of several stems: entries with them word for word rank first."""
        return tuple(g for g in self.groups if len(g) > 1)

    @property
    def stems(self) -> frozenset[str]:
        """The stems a snippet highlights."""
        return frozenset(s for group in self.groups for s in group)


def _clean(raw: str) -> str:
    """Control and format characters (NUL, escapes, bidi marks) become spaces."""
    return "".join(
        " " if unicodedata.category(ch) in {"Cc", "Cf", "Cs", "Co", "Cn"} else ch for ch in raw
    )


def _stems(text: str) -> tuple[list[str], int, int]:
    """(stems, stop words left out, too long words left out) of a piece of the query."""
    out: list[str] = []
    stops = long = 0
    for match in WORD.finditer(text):
        word = match.group().lower()
        if len(word) > MAX_WORD_LENGTH:
            long += 1
        elif word in STOP_WORDS:
            stops += 1
        else:
            out.append(stem(word))
    return out, stops, long


def parse(raw: str) -> ParsedQuery:
    """Parse a query string. Never raises; ParsedQuery.notes says what was adjusted."""
    notes: list[str] = []
    text = _clean(raw or "")
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS]
        notes.append("Sökningen var för lång och kortades till 1\u00a0000 tecken.")
    if sum(text.count(q) for q in QUOTES) % 2:
        notes.append("Ett citattecken saknade sin motsvarighet; de orden söktes var för sig.")
    groups: list[tuple[str, ...]] = []
    excluded: list[tuple[str, ...]] = []
    stops = long = terms = 0
    dropped = operators = False
    for match in _PIECE.finditer(text):
        minus, phrase, plain = match.groups()
        if plain is not None:
            if plain in OPERATORS:
                operators = True
                continue
            minus = "-" if plain.startswith("-") and len(plain) > 1 else ""
            pieces_text = plain[1:] if minus else plain
            found, s, ln = _stems(pieces_text)
            # A plain piece such as "KS-2020/13" is several words; they are searched next to
            # each other, as they were written.
            pieces = [tuple(found)] if found else []
        else:
            found, s, ln = _stems(phrase)
            pieces = [tuple(found)] if found else []
        stops += s
        long += ln
        for piece in pieces:
            if terms + len(piece) > MAX_TERMS:
                dropped = True
                continue
            terms += len(piece)
            target = excluded if minus else groups
            if piece not in target:
                target.append(piece)
    if operators:
        notes.append(
            "AND, OR, NOT och NEAR är inga sökoperatorer här: alla ord som finns kvar måste "
            "finnas med. Skriv -ord för att utesluta ett ord."
        )
    if dropped:
        notes.append(f"Sökningen hade för många ord; de första {MAX_TERMS} användes.")
    if long:
        notes.append(f"Ord längre än {MAX_WORD_LENGTH} tecken söks inte och togs bort.")
    if not groups:
        if excluded:
            notes.append("Ange minst ett ord att söka efter, inte bara ord att utesluta.")
        elif stops:
            notes.append(
                "Sökningen innehöll bara vanliga småord (som ”och”, ”att”, ”det”) som inte går "
                "att söka på. Lägg till fler ord."
            )
        else:
            notes.append("Skriv ett eller flera ord att söka efter.")
        return ParsedQuery(notes=tuple(notes))
    return ParsedQuery(groups=tuple(groups), excluded=tuple(excluded), notes=tuple(notes))
