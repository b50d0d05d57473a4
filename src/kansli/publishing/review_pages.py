"""The review page in pages: a document's findings a hundred at a time, and its text a
window at a time with the findings marked in place. Neither ever reads the whole text: a
document may hold millions of characters."""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models.functions import Length, Substr

from kansli.registry.models import Document

from .models import Finding, Publication

FINDINGS_PER_PAGE = 100
CHARACTERS_PER_PAGE = 20_000


@dataclass(frozen=True)
class Segment:
    """A piece of a document's text for the review page: plain, or a finding."""

    text: str
    finding: Finding | None = None


@dataclass(frozen=True)
class TextPage:
    """One window of the text: its number (from 1), how many there are, its segments."""

    number: int
    count: int
    segments: list[Segment]

    @property
    def previous(self) -> int | None:
        return self.number - 1 if self.number > 1 else None

    @property
    def next(self) -> int | None:
        return self.number + 1 if self.number < self.count else None


def findings_page(publication: Publication, number: str | None) -> Page[Finding]:
    """A page of the findings in the order they stand in the text, each with the number of
    the text page it is on (`text_page`)."""
    paginator = Paginator(publication.findings.order_by("start", "pk"), FINDINGS_PER_PAGE)
    page = paginator.get_page(number)
    for finding in page.object_list:
        finding.text_page = finding.start // CHARACTERS_PER_PAGE + 1
    return page


def text_page(publication: Publication, number: str | None) -> TextPage:
    """A window of the document's text, cut at its findings for showing them in place. A
    finding across the window's edge is shown in the window where it starts."""
    length = (
        Document.objects.filter(pk=publication.document_id)
        .annotate(length=Length("text"))
        .values_list("length", flat=True)
        .get()
    ) or 0
    count = max(1, -(-length // CHARACTERS_PER_PAGE))
    try:
        current = min(max(int(str(number)), 1), count)
    except ValueError:
        current = 1
    start = (current - 1) * CHARACTERS_PER_PAGE
    findings = list(
        publication.findings.filter(
            start__gte=start, start__lt=start + CHARACTERS_PER_PAGE
        ).order_by("start", "-end")
    )
    end = max([start + CHARACTERS_PER_PAGE, *(f.end for f in findings)])
    window = (
        Document.objects.filter(pk=publication.document_id)
        .annotate(window=Substr("text", start + 1, end - start))
        .values_list("window", flat=True)
        .get()
    ) or ""
    if current > 1:  # the part of a finding that began on the page before
        earlier = publication.findings.filter(start__lt=start, end__gt=start).order_by("-end")
        overlap = earlier.values_list("end", flat=True).first()
        if overlap is not None:
            window, start = window[overlap - start :], overlap
    return TextPage(current, count, _segments(window, start, findings))


def _segments(window: str, offset: int, findings: list[Finding]) -> list[Segment]:
    segments: list[Segment] = []
    position = 0
    for finding in findings:
        begin, end = finding.start - offset, finding.end - offset
        if begin < position:
            continue
        segments.append(Segment(window[position:begin]))
        segments.append(Segment(window[begin:end], finding))
        position = end
    segments.append(Segment(window[position:]))
    return [s for s in segments if s.text]
