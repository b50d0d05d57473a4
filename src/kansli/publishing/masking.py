"""The masked text of a publication: every masked finding replaced by its kind."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings

from kansli.meetings.models import Meeting
from kansli.minutes.models import Minutes, Posting
from kansli.people.models import Organization

from .models import Finding, FindingKind
from .redaction import AllowList, mask

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


def published_facts() -> AllowList:
    """What the body publishes about itself, which is never masked wherever it is written:
    its organizations' functional e-mail addresses; the places of its meetings and whom
    members notify of absence (both on the public meeting page); where its minutes are
    adjusted and kept (in the minutes and on the notice board); and the contacts the operator
    lists in KANSLI_PUBLIC_CONTACTS (the switchboard, the registry's postal address). Private
    persons' contact details and personnummer inside other text are still masked.

    Read once per page or document and passed to every `masked` call (four queries)."""
    facts: set[str] = set(settings.KANSLI_PUBLIC_CONTACTS)
    facts.update(Organization.objects.exclude(email="").values_list("email", flat=True))
    for place, absence_contact in (
        Meeting.objects.order_by().values_list("place", "absence_contact").distinct()
    ):
        facts.update((place, absence_contact))
    for kept_at, adjustment_place in (
        Minutes.objects.order_by().values_list("kept_at", "adjustment_place").distinct()
    ):
        facts.update((kept_at, adjustment_place))
    facts.update(Posting.objects.order_by().values_list("kept_at", flat=True).distinct())
    return AllowList.of(sorted(facts))
