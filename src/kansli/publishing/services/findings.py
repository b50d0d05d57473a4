"""A reviewer's changes to what is masked in a document waiting for publication."""

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from kansli.core.audit import audit_record
from kansli.core.models import User

from ..models import Finding, FindingKind, Publication
from ..permissions import can_review
from ..rules import may_be_released
from .publication import DENIED

MAX_MANUAL = 500


def _open(actor: User | None, publication: Publication) -> Publication:
    publication = (
        Publication.objects.select_for_update(of=("self",))
        .select_related("document__case")
        .get(pk=publication.pk)
    )
    if actor is not None and not can_review(actor, publication.document.case):
        raise PermissionDenied(DENIED)
    if publication.is_approved:
        raise ValidationError(
            "Handlingen är redan publicerad. Ta tillbaka den för granskning innan du ändrar "
            "maskeringarna."
        )
    return publication


@transaction.atomic
def finding_set_masked(*, actor: User | None, finding: Finding, masked: bool) -> Finding:
    """Confirm a finding (it stays masked) or release it (it is published as written:
    e.g. an official's work number that Kansli took for a private one)."""
    publication = _open(actor, finding.publication)
    finding = Finding.objects.get(pk=finding.pk, publication=publication)
    if finding.masked == masked:
        return finding
    if not masked and not may_be_released(finding.kind):
        raise ValidationError(
            "Ett personnummer publiceras aldrig. Det förblir maskerat (3 kap. 10 § "
            "dataskyddslagen)."
        )
    finding.masked = masked
    finding.save(update_fields=["masked"])
    audit_record(
        actor=actor,
        action="finding_set_masked",
        obj=publication,
        scope=f"case:{publication.document.case_id}",
        summary=(
            f"{finding.get_kind_display()} i {publication.document.number} "
            + ("maskeras." if masked else "maskeras inte (uppgift i offentlig roll).")
        ),
        changes={"finding": finding.pk, "masked": masked},
    )
    return finding


@transaction.atomic
def finding_add(*, actor: User | None, publication: Publication, text: str) -> list[Finding]:
    """Mask every occurrence of `text` in the document's text (what Kansli did not find:
    a name of a private person, a health detail)."""
    publication = _open(actor, publication)
    wanted = " ".join(text.split())
    if not wanted:
        raise ValidationError({"text": "Skriv den text som ska maskeras."})
    if len(wanted) > MAX_MANUAL:
        raise ValidationError({"text": f"Maskera högst {MAX_MANUAL} tecken åt gången."})
    source = publication.document.text
    spans = _occurrences(source, wanted)
    if not spans:
        raise ValidationError({"text": f"Texten ”{wanted}” finns inte i handlingen."})
    taken = {(f.start, f.end) for f in publication.findings.all()}
    added = [
        Finding(
            publication=publication,
            kind=FindingKind.MANUAL,
            text=source[start:end][:500],
            start=start,
            end=end,
            added_by=actor if actor is not None and actor.pk else None,
        )
        for start, end in spans
        if (start, end) not in taken
    ]
    for finding in added:
        finding.full_clean(exclude=["publication", "added_by"])
    Finding.objects.bulk_create(added)
    audit_record(
        actor=actor,
        action="finding_add",
        obj=publication,
        scope=f"case:{publication.document.case_id}",
        summary=f"{len(added)} förekomster maskerades för hand i {publication.document.number}.",
        changes={"count": len(added)},
    )
    return added


def _occurrences(source: str, wanted: str) -> list[tuple[int, int]]:
    """Where `wanted` occurs, case-insensitively, with any whitespace between its words
    (the text of a PDF breaks lines anywhere)."""
    pattern = r"\s+".join(re.escape(word) for word in wanted.split())
    return [(m.start(), m.end()) for m in re.finditer(pattern, source, re.IGNORECASE)]
