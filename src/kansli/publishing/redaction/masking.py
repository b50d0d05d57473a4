"""The masked text: each finding replaced by its kind in brackets, "[telefonnummer]"."""

from collections.abc import Iterable
from typing import Protocol


class Maskable(Protocol):
    """A finding as `mask` reads it: a found Finding, or one a reviewer stored."""

    @property
    def kind(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


def mask(text: str, findings: Iterable[Maskable]) -> str:
    """`text` with each finding replaced by f"[{kind}]". The findings may come in any order;
    one that overlaps an earlier one is merged into it, so nothing of either is left.

    Raises ValueError for a finding whose text is not `text[start:end]` (findings of another
    version of the text), so that a stale finding never masks the wrong words."""
    parts: list[str] = []
    position = 0
    for finding in sorted(findings, key=lambda f: (f.start, -f.end)):
        if not 0 <= finding.start < finding.end <= len(text) or (
            text[finding.start : finding.end] != finding.text
        ):
            raise ValueError(
                f"The finding {finding!r} does not match the text at {finding.start}:{finding.end}."
            )
        if finding.start >= position:
            parts.append(text[position : finding.start])
            parts.append(f"[{finding.kind}]")
        position = max(position, finding.end)
    parts.append(text[position:])
    return "".join(parts)
