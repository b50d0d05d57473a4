"""Snippets: a window of about thirty words of the original text around the closest cluster of
words whose stems the query asked for, those words marked.

Made in Python from the original (unstemmed) text for both backends. A Swedish stem is always
the start of its word, so a regular expression finds the candidate words quickly, and the
stemmer confirms each.
"""

import re
from collections.abc import Iterable
from functools import lru_cache

from .stemming import WORD, stem

WINDOW_WORDS = 30
# The part of a long text a snippet looks at (characters); the index holds about as much.
SCAN_CHARS = 1_000_000
_SPACE = re.compile(r"\s+")

Segment = tuple[str, bool]


@lru_cache(maxsize=256)
def _pattern(stems: frozenset[str]) -> re.Pattern[str]:
    """Words that begin with one of the stems (longest first)."""
    alternatives = "|".join(re.escape(s) for s in sorted(stems, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alternatives})[^\W_]*", re.IGNORECASE)


def _candidates(text: str, stems: frozenset[str]) -> list[tuple[int, int, str]]:
    """(start, end, stem) of the words whose stem is asked for, in order."""
    if not stems:
        return []
    pattern = _pattern(stems)
    found = []
    for match in pattern.finditer(text, 0, min(len(text), SCAN_CHARS)):
        word = match.group()
        stemmed = stem(word.lower())
        if stemmed in stems:
            found.append((match.start(), match.end(), stemmed))
    return found


def _best_cluster(hits: list[tuple[int, int, str]], span: int) -> int:
    """The index of the first hit of the character window (of `span`) that holds the most
    distinct stems, then the most hits; the earliest wins a tie."""
    best, best_score = 0, (0, 0)
    end = 0
    for start_index in range(len(hits)):
        if end < start_index:
            end = start_index
        limit = hits[start_index][0] + span
        while end + 1 < len(hits) and hits[end + 1][1] <= limit:
            end += 1
        window = hits[start_index : end + 1]
        score = (len({h[2] for h in window}), len(window))
        if score > best_score:
            best, best_score = start_index, score
    return best


def _words_around(text: str, start: int, before: int, total: int) -> tuple[int, int]:
    """Character bounds of `total` words beginning `before` words ahead of position `start`."""
    head = [m.start() for m in WORD.finditer(text, max(0, start - 40 * before), start)]
    if before and len(head) >= before:
        begin = head[-before]
    elif before and head:
        begin = head[0]
    else:
        begin = start
    end = begin
    for count, match in enumerate(WORD.finditer(text, begin), start=1):
        end = match.end()
        if count >= total:
            break
    return begin, end


def _segments(
    text: str, begin: int, end: int, marks: Iterable[tuple[int, int, str]]
) -> list[Segment]:
    out: list[Segment] = []
    position = begin
    for start, stop, _ in marks:
        if start < begin or stop > end:
            continue
        if start > position:
            out.append((_SPACE.sub(" ", text[position:start]), False))
        out.append((text[start:stop], True))
        position = stop
    if end > position:
        out.append((_SPACE.sub(" ", text[position:end]), False))
    if begin > 0 and text[:begin].strip():
        out.insert(0, ("… ", False))
    if text[end:].strip():
        out.append((" …", False))
    return out


def snippet(text: str, stems: frozenset[str], words: int = WINDOW_WORDS) -> list[Segment]:
    """Segments (text, highlighted) of a window of about `words` words of `text` around the
    best cluster of matching words; the start of the text when none matches (a title-only hit
    or a browse without query)."""
    if not text.strip():
        return []
    hits = _candidates(text, stems)
    if not hits:
        begin, end = _words_around(text, 0, 0, words)
        return _segments(text, begin, end, [])
    first = _best_cluster(hits, span=words * 7)
    begin, end = _words_around(text, hits[first][0], words // 5, words)
    return _segments(text, begin, end, hits)
