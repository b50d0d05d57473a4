"""All detectors together: what in a text is personal data, less the allowed public contacts."""

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


def _allowed(findings: list[Finding], text: str, keys: set[str]) -> set[Finding]:
    """The findings that are allowed public contacts: a finding whose key is allowed, and an
    address split over two lines ("Box 1613" / "701 16 Örebro") whose two lines together are."""
    allowed = {f for f in findings if normalise_contact(f.text) in keys}
    for first, second in itertools.pairwise(findings):
        if (
            first.kind == second.kind == Kind.ADDRESS
            and _LINE_BREAK.fullmatch(text, first.end, second.start)
            and normalise_contact(f"{first.text} {second.text}") in keys
        ):
            allowed |= {first, second}
    return allowed


def find_personal_data(text: str, *, allow: Iterable[str] = ()) -> list[Finding]:
    """Personnummer, telephone numbers, e-mail addresses and postal addresses in `text`, sorted
    by position and not overlapping. A finding equal to an entry of `allow` (public contacts of
    the body, its organizations and officials), compared by normalise_contact, is left out."""
    findings = _without_overlaps([f for detect in DETECTORS for f in detect(text)])
    keys = {normalise_contact(value) for value in allow if value.strip()}
    if not keys:
        return findings
    allowed = _allowed(findings, text, keys)
    return [f for f in findings if f not in allowed]


def redact(text: str, *, allow: Iterable[str] = ()) -> Redaction:
    """`text` with all personal data masked ("[telefonnummer]"), with the findings."""
    findings = find_personal_data(text, allow=allow)
    return Redaction(text=mask(text, findings), findings=findings)
