"""Reads of the privacy step: the review queue, and which file the public gets."""

from pathlib import PurePath

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.fields.files import FieldFile
from django.db.models.functions import Coalesce

from kansli.core.roles import Viewer, is_staff_member
from kansli.minutes.models import Minutes, MinutesStatus
from kansli.registry.models import Document
from kansli.registry.selectors import documents_visible

from .models import Finding, Publication, ReviewStatus
from .permissions import REVIEW_ALL, can_review


def review_queue(*, viewer: Viewer | None) -> QuerySet[Publication]:
    """Publications waiting for a person, of documents the viewer may see, oldest first."""
    if not is_staff_member(viewer):
        return Publication.objects.none()
    visible = documents_visible(viewer=viewer).values("pk")
    mine = Q()  # the registry and the secretaries review everything; an official their cases
    if not REVIEW_ALL(viewer):
        official = getattr(viewer, "official", None)
        mine = Q(document__case__official=official) if official is not None else Q(pk__in=[])
    # Counted in subqueries: an aggregate over the join would group by every column read,
    # the documents' whole texts among them.
    findings = Finding.objects.filter(publication=OuterRef("pk")).order_by().values("publication")
    counted = findings.annotate(n=Count("pk")).values("n")
    masked = findings.filter(masked=True).annotate(n=Count("pk")).values("n")
    return (
        Publication.objects.filter(mine, status=ReviewStatus.WAITING, document__in=visible)
        .select_related("document__case__organization")
        .defer("masked_text", "document__text")
        .annotate(
            finding_count=Coalesce(Subquery(counted), 0),
            masked_count=Coalesce(Subquery(masked), 0),
        )
        .order_by("prepared_at", "pk")
    )


def publication_get(*, viewer: Viewer | None, pk: int) -> Publication:
    """One publication for its reviewer; Publication.DoesNotExist for anyone else."""
    publication = (
        Publication.objects.filter(document__in=documents_visible(viewer=viewer).values("pk"))
        .select_related("document__case__organization", "reviewed_by")
        .defer("masked_text", "document__text")
        .get(pk=pk)
    )
    if not can_review(viewer, publication.document.case):
        raise Publication.DoesNotExist
    return publication


def public_file(document: Document) -> tuple[FieldFile, str] | None:
    """The file the public gets of a public document (the caller has read the document
    through the selectors), with the name it is given: the masked version when anything was
    masked, else the original. None when there is no file."""
    publication = getattr(document, "publication", None)
    if publication is not None and publication.masked_file:
        return publication.masked_file, f"{document.number}-offentlig-version.pdf"
    if document.file:
        # Named by its number: the uploader's file name may hold personal data.
        suffix = PurePath(document.file.name).suffix.lower()
        return document.file, f"{document.number}{suffix}"
    return None


def adjusted_minutes(*, viewer: Viewer | None) -> QuerySet[Minutes]:
    """Adjusted minutes, the most recently adjusted first (public: only adjusted minutes
    are ever public, KL 8 kap. 12 §)."""
    return (
        Minutes.objects.filter(status=MinutesStatus.ADJUSTED)
        .select_related("meeting__organization")
        .order_by("-adjusted_on", "-pk")
    )
