"""The masked text of a publication: every masked finding replaced by its kind."""

from collections.abc import Iterable
from typing import Protocol

from django.conf import settings

from kansli.people.models import Organization


class Span(Protocol):
    kind: str
    start: int
    end: int


MANUAL_LABEL = "maskerat"


def label(kind: str) -> str:
    return MANUAL_LABEL if kind == "manuell" else kind


def masked_text(text: str, spans: Iterable[Span]) -> str:
    """`text` with each span replaced by "[kind]"; overlapping spans merge into the first."""
    parts: list[str] = []
    position = 0
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.end <= position:
            continue
        start = max(span.start, position)
        if start == span.start:
            parts.append(text[position:start])
            parts.append(f"[{label(span.kind)}]")
        position = span.end
    parts.append(text[position:])
    return "".join(parts)


def public_contacts() -> list[str]:
    """Contact details that belong to public roles and are never masked: the organizations'
    own e-mail addresses, and those the operator lists in KANSLI_PUBLIC_CONTACTS (the
    switchboard, the registry's postal address)."""
    emails = Organization.objects.exclude(email="").values_list("email", flat=True)
    return [*emails, *settings.KANSLI_PUBLIC_CONTACTS]
