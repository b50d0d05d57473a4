"""The masked text of a publication: every masked finding replaced by its kind."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings

from kansli.people.models import Organization

from .models import Finding, FindingKind
from .redaction import mask

MANUAL_LABEL = "maskerat"


@dataclass(frozen=True)
class _Labelled:
    kind: str
    text: str
    start: int
    end: int


def masked_text(text: str, findings: Iterable[Finding]) -> str:
    """`text` with each stored finding replaced by "[kind]" (a reviewer's own mask by
    "[maskerat]"), by the redaction's own `mask`."""
    return mask(
        text,
        [
            _Labelled(
                MANUAL_LABEL if f.kind == FindingKind.MANUAL else f.kind,
                text[f.start : f.end],
                f.start,
                f.end,
            )
            for f in findings
        ],
    )


def public_contacts() -> list[str]:
    """Contact details that belong to public roles and are never masked: the organizations'
    own e-mail addresses, and those the operator lists in KANSLI_PUBLIC_CONTACTS (the
    switchboard, the registry's postal address)."""
    emails = Organization.objects.exclude(email="").values_list("email", flat=True)
    return [*emails, *settings.KANSLI_PUBLIC_CONTACTS]
