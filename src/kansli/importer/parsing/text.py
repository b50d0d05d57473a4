"""Folding a label for comparison: "Förslag till beslut:" and "FÖRSLAG TILL BESLUT" alike."""

import functools
import re

_LABEL_END = re.compile(r"[\s:.]+$")


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    return _LABEL_END.sub("", " ".join(text.split())).casefold()
