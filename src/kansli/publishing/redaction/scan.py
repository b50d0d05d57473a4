"""All detectors together: what in a text is personal data, less what the body publishes about
itself (the allow list)."""

import bisect
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .address import find_addresses
from .email_address import find_email_addresses
from .findings import Finding, Kind
from .masking import mask
from .normalise import normalise_contact
from .personnummer import find_personal_numbers
from .phone import find_phone_numbers

# In order of precedence when two findings overlap: an e-mail address wins over the digits
# in it, a personnummer over a telephone number of the same digits.
DETECTORS: tuple[Callable[[str], list[Finding]], ...] = (
    find_email_addresses,
    find_personal_numbers,
    find_phone_numbers,
    find_addresses,
)
_RANK = {Kind.EMAIL: 0, Kind.PERSONAL_NUMBER: 1, Kind.PHONE: 2, Kind.ADDRESS: 3}
# Between a street line and the postcode line that belongs to it.
_LINE_BREAK = re.compile(r"[\s*_]*\n[\s*_]*")


@dataclass(frozen=True)
class Redaction:
    """A text with its personal data masked, and what was masked (positions into the original)."""

    text: str
    findings: list[Finding]


def _without_overlaps(candidates: list[Finding]) -> list[Finding]:
    """Keep the stronger of overlapping findings: by kind (see DETECTORS), then the longer."""
    starts: list[int] = []  # of the kept findings, sorted; the kept never overlap
    kept: list[Finding] = []  # in the order of starts
    for finding in sorted(candidates, key=lambda f: (_RANK[f.kind], f.start - f.end, f.start)):
        index = bisect.bisect_right(starts, finding.start)
        if index > 0 and kept[index - 1].end > finding.start:
            continue  # overlaps the kept finding that starts at or before it
        if index < len(kept) and kept[index].start < finding.end:
            continue  # overlaps the kept finding that starts after it
        starts.insert(index, finding.start)
        kept.insert(index, finding)
    return kept


@dataclass(frozen=True)
class AllowList:
    """Contact details and places the body publishes about itself, which are never masked:
    the keys (normalise_contact) findings are compared with. Each entry gives its own key and
    the keys of the personal data found inside it, so that a meeting place "Regionens hus,
    Eklundavägen 1, Örebro" also lets "Eklundavägen 1" through wherever it is written. Build it
    once (`AllowList.of`) for every text of a page or a document."""

    keys: frozenset[str] = frozenset()

    @classmethod
    def of(cls, entries: Iterable[str]) -> "AllowList":
        keys: set[str] = set()
        for entry in entries:
            if entry.strip():
                keys.add(normalise_contact(entry))
                keys.update(normalise_contact(f.text) for f in find_personal_data(entry))
        return cls(frozenset(keys))


def _allowed(findings: list[Finding], text: str, keys: frozenset[str]) -> set[Finding]:
    """The findings that are allowed public contacts: a finding whose key is allowed, and an
    address split over two lines ("Box 1613" / "701 16 Örebro") whose two lines together are.
    A personnummer never is: it is never published."""
    findings = [f for f in findings if f.kind != Kind.PERSONAL_NUMBER]
    allowed = {f for f in findings if normalise_contact(f.text) in keys}
    for first, second in itertools.pairwise(findings):
        if (
            first.kind == second.kind == Kind.ADDRESS
            and _LINE_BREAK.fullmatch(text, first.end, second.start)
            and normalise_contact(f"{first.text} {second.text}") in keys
        ):
            allowed |= {first, second}
    return allowed


def find_personal_data(text: str, *, allow: AllowList | Iterable[str] = ()) -> list[Finding]:
    """Personnummer, telephone numbers, e-mail addresses and postal addresses in `text`, sorted
    by position and not overlapping. A finding that `allow` lets through (the body's published
    facts: its organizations' and officials' contacts, its addresses, its meeting places) is
    left out; see AllowList."""
    findings = _without_overlaps([f for detect in DETECTORS for f in detect(text)])
    keys = (allow if isinstance(allow, AllowList) else AllowList.of(allow)).keys
    if not keys or not findings:
        return findings
    allowed = _allowed(findings, text, keys)
    return [f for f in findings if f not in allowed]


def redact(text: str, *, allow: AllowList | Iterable[str] = ()) -> Redaction:
    """`text` with all personal data masked ("[telefonnummer]"), with the findings."""
    findings = find_personal_data(text, allow=allow)
    return Redaction(text=mask(text, findings), findings=findings)
