"""Snippets: a window of about thirty words of the original text around the closest cluster of
words whose stems the query asked for, those words marked.

Made in Python from the original (unstemmed) text for both backends. A Swedish stem is always
the start of its word, so a regular expression finds the candidate words quickly, and the
stemmer confirms each. The scan stops at the first cluster that holds every asked stem.
"""

import re
from collections import Counter, deque
from collections.abc import Iterator
from functools import lru_cache

from .stemming import WORD, stem

WINDOW_WORDS = 30
# How far into a long text a snippet looks for its cluster (characters, about 5 000 words).
SCAN_CHARS = 40_000
# Characters per word, to turn the word window into a span of text.
WORD_CHARS = 7
_SPACE = re.compile(r"\s+")

Segment = tuple[str, bool]


@lru_cache(maxsize=256)
def _pattern(stems: frozenset[str]) -> re.Pattern[str]:
    """Words that begin with one of the stems (longest first)."""
    alternatives = "|".join(re.escape(s) for s in sorted(stems, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alternatives})[^\W_]*", re.IGNORECASE)


def _hits(text: str, stems: frozenset[str], start: int, end: int) -> Iterator[tuple[int, int, str]]:
    """(start, end, stem) of the words in text[start:end] whose stem is asked for."""
    for match in _pattern(stems).finditer(text, start, end):
        stemmed = stem(match.group().lower())
        if stemmed in stems:
            yield match.start(), match.end(), stemmed


def _cluster_start(text: str, stems: frozenset[str], span: int) -> int | None:
    """Where the best cluster begins: the span of text holding the most distinct asked stems,
    then the most hits; the earliest wins. None when no word matches."""
    window: deque[tuple[int, int, str]] = deque()
    counts: Counter[str] = Counter()
    best, best_score = None, (0, 0)
    for hit in _hits(text, stems, 0, min(len(text), SCAN_CHARS)):
        window.append(hit)
        counts[hit[2]] += 1
        while window[0][0] < hit[1] - span:
            _, _, old = window.popleft()
            counts[old] -= 1
            if not counts[old]:
                del counts[old]
        score = (len(counts), len(window))
        if score > best_score:
            best, best_score = window[0][0], score
        if len(counts) == len(stems):
            break
    return best


def _bounds(text: str, start: int, before: int, total: int) -> tuple[int, int]:
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


def snippet(text: str, stems: frozenset[str], words: int = WINDOW_WORDS) -> list[Segment]:
    """Segments (text, highlighted) of a window of about `words` words of `text` around the
    best cluster of matching words; the start of the text when none matches (a title-only hit
    or a browse without query)."""
    if not text.strip():
        return []
    first = _cluster_start(text, stems, span=words * WORD_CHARS) if stems else None
    if first is None:
        begin, end = _bounds(text, 0, 0, words)
        marks: list[tuple[int, int, str]] = []
    else:
        begin, end = _bounds(text, first, words // 5, words)
        marks = list(_hits(text, stems, begin, end))
    # No word before or after the window: show the punctuation there rather than "…".
    if not WORD.search(text, 0, begin):
        begin = 0
    if not WORD.search(text, end):
        end = len(text)
    out: list[Segment] = []
    position = begin
    for start, stop, _ in marks:
        if start > position:
            out.append((_SPACE.sub(" ", text[position:start]), False))
        out.append((text[start:stop], True))
        position = stop
    if end > position:
        out.append((_SPACE.sub(" ", text[position:end].rstrip()), False))
    if begin > 0:
        out.insert(0, ("… ", False))
    if end < len(text):
        out.append((" …", False))
    return out
