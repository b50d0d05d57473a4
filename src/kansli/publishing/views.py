"""The public portal (insyn): what residents and journalists read. Every read goes through
the selectors with the request's viewer, so the pages show what that viewer may see —
for the anonymous public: public agenda items, public documents that passed the privacy
step, adjusted minutes, and cases not under secrecy."""

import datetime

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from kansli.core.extensions import portal_sections
from kansli.core.fragments import cached, shared_audience
from kansli.core.http import found_or_404, search_text
from kansli.core.roles import Viewer
from kansli.initiatives.models import InitiativeKind
from kansli.initiatives.selectors import public_initiatives
from kansli.meetings.models import BookEdition, BookStatus, Meeting, MeetingBook
from kansli.meetings.selectors import (
    agenda,
    agenda_items_for_case,
    book_list,
    meeting_get,
    meeting_list,
)
from kansli.minutes.document import IntegrityError
from kansli.minutes.models import Minutes, MinutesStatus
from kansli.minutes.selectors import minutes_for
from kansli.people.models import Body
from kansli.people.selectors import default_body, organization_list
from kansli.registry.selectors import (
    case_get,
    case_title_for,
    document_get,
    document_list,
    documents_visible,
)

from .agenda_page import public_items
from .masking import published_facts
from .minutes_edition import public_minutes_data, public_minutes_pdf
from .public_text import masked
from .selectors import adjusted_minutes, public_file


def portal_home(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    meetings = meeting_list(viewer=request.user)
    return render(
        request,
        "publishing/home.html",
        {
            "upcoming": meetings.filter(date__gte=today).order_by("date", "start_time")[:8],
            "recent_minutes": adjusted_minutes(viewer=request.user)[:8],
            "sections": portal_sections(request.user),
            "nav": "portal",
        },
    )


def calendar(request: HttpRequest) -> HttpResponse:
    """Meetings of one year, month by month, optionally of one body."""
    today = timezone.localdate()
    problems = []
    year = today.year
    raw_year = search_text(request, "ar", 10)
    if raw_year:
        if raw_year.isascii() and raw_year.isdigit() and 1900 <= int(raw_year) <= 2200:
            year = int(raw_year)
        else:
            problems.append(f"”{raw_year}” är inte ett årtal. Visar {year}.")
    organizations = list(organization_list(viewer=request.user))
    organization = None
    raw_organ = search_text(request, "organ", 20)
    if raw_organ:
        organization = next((o for o in organizations if str(o.pk) == raw_organ), None)
        if organization is None:
            problems.append("Det valda organet finns inte. Visar alla organ.")
    meetings = meeting_list(
        viewer=request.user, organization_id=organization.pk if organization else None
    ).filter(date__year=year)
    months: dict[int, list[object]] = {}
    for meeting in meetings.order_by("date", "start_time"):
        months.setdefault(meeting.date.month, []).append(meeting)
    return render(
        request,
        "publishing/calendar.html",
        {
            "year": year,
            "months": [(datetime.date(year, m, 1), items) for m, items in sorted(months.items())],
            "organizations": organizations,
            "organization": organization,
            "problems": problems,
            "nav": "calendar",
        },
    )


def _public_book(viewer: Viewer | None, meeting: Meeting) -> tuple[bool, MeetingBook | None]:
    """Whether the public edition of the meeting book (kallelse med handlingar) is built, and
    the newest build whose registered PDF the viewer may fetch (a PDF still waiting for the
    privacy review is not linked)."""
    books = [
        book
        for book in book_list(viewer=viewer, meeting=meeting)
        if book.edition == BookEdition.PUBLIC and book.status == BookStatus.DONE
    ]
    fetchable = set(
        documents_visible(viewer=viewer)
        .filter(pk__in=[book.document_id for book in books if book.document_id])
        .values_list("pk", flat=True)
    )
    return bool(books), next((b for b in books if b.document_id in fetchable), None)


def _meeting_content(viewer: Viewer | None, pk: int) -> tuple[str, str]:
    """The public meeting page's title and content as the viewer sees them."""
    meeting = found_or_404(lambda: meeting_get(viewer=viewer, pk=pk))
    minutes = minutes_for(viewer=viewer, meeting=meeting)
    book_built, book = _public_book(viewer, meeting)
    content = render_to_string(
        "publishing/_meeting_body.html",
        {
            "meeting": meeting,
            "items": public_items(viewer, agenda(viewer=viewer, meeting=meeting)),
            "minutes": minutes if minutes and minutes.status == MinutesStatus.ADJUSTED else None,
            "cancellation_reason": masked(meeting.cancellation_reason),
            "book_built": book_built,
            "book": book,
        },
    )
    return f"{meeting.organization.name} {meeting.date.isoformat()}", content


def meeting_page(request: HttpRequest, pk: int) -> HttpResponse:
    """The meeting with its agenda, memos and documents; the content is cached per meeting for
    everyone who is shown the same (core/fragments.py)."""
    viewer = request.user
    title, content = cached(
        request,
        "publishing:meeting",
        pk,
        shared_audience(viewer),
        lambda: _meeting_content(viewer, pk),
    )
    return render(
        request,
        "publishing/meeting.html",
        {"title": title, "content": mark_safe(content), "nav": "calendar"},  # noqa: S308
    )


def _adjusted(request: HttpRequest, pk: int) -> tuple[Meeting, Minutes]:
    meeting = found_or_404(lambda: meeting_get(viewer=request.user, pk=pk))
    minutes = minutes_for(viewer=request.user, meeting=meeting)
    if minutes is None or minutes.status != MinutesStatus.ADJUSTED:
        raise Http404
    return meeting, minutes


def _tampered(request: HttpRequest, meeting: Meeting, error: IntegrityError) -> HttpResponse:
    """Adjusted minutes whose sealed content no longer matches its hash: 409, said plainly."""
    return render(
        request,
        "minutes/integrity_error.html",
        {"meeting": meeting, "message": str(error)},
        status=409,
    )


def minutes_page(request: HttpRequest, pk: int) -> HttpResponse:
    meeting, minutes = _adjusted(request, pk)
    try:
        data = public_minutes_data(minutes)
    except IntegrityError as error:
        return _tampered(request, meeting, error)
    posting = minutes.postings.filter(paragraph__isnull=True).first()
    return render(
        request,
        "publishing/minutes.html",
        {"meeting": meeting, "minutes": minutes, "data": data, "posting": posting},
    )


def minutes_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    meeting, minutes = _adjusted(request, pk)
    try:
        pdf = public_minutes_pdf(minutes)
    except IntegrityError as error:
        return _tampered(request, meeting, error)
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"protokoll-{meeting.organization.short_name or 'organ'}-{meeting.date}"
    response["Content-Disposition"] = f'inline; filename="{name}.pdf"'
    return response


def case_page(request: HttpRequest, pk: int) -> HttpResponse:
    case = found_or_404(lambda: case_get(viewer=request.user, pk=pk))
    allow = published_facts()
    documents = [
        (
            document,
            masked(document.description, allow=allow),
            masked(document.counterpart, allow=allow),
        )
        for document in document_list(viewer=request.user, case=case).select_related("publication")
    ]
    return render(
        request,
        "publishing/case.html",
        {
            "case": case,
            "title": masked(case_title_for(viewer=request.user, case=case), allow=allow),
            "documents": documents,
            "items": agenda_items_for_case(viewer=request.user, case=case),
        },
    )


def document_file(request: HttpRequest, pk: int) -> FileResponse:
    document = found_or_404(lambda: document_get(viewer=request.user, pk=pk))
    chosen = public_file(document)
    if chosen is None:
        raise Http404
    file, name = chosen
    try:
        handle = file.open("rb")
    except OSError as missing:
        raise Http404 from missing
    content_type = "application/pdf" if name.endswith("-offentlig-version.pdf") else None
    return FileResponse(
        handle,
        filename=name,
        as_attachment=content_type is None and document.content_type != "application/pdf",
        content_type=content_type or document.content_type or None,
    )


def initiatives_page(request: HttpRequest) -> HttpResponse:
    """Motions and citizen proposals and where they are: a proposer who is a private person is
    named only with consent (Initiative.public_proposer); titles are masked like other text."""
    kind = search_text(request, "slag", 30)
    try:
        found = list(public_initiatives(viewer=request.user, body=default_body(), kind=kind)[:300])
    except Body.DoesNotExist:
        found = []
    allow = published_facts()
    rows = [(initiative, masked(initiative.title, allow=allow)) for initiative in found]
    return render(
        request,
        "publishing/initiatives.html",
        {
            "rows": rows,
            "kind": kind if kind in InitiativeKind.values else "",
            "kinds": InitiativeKind.choices,
            "nav": "portal",
        },
    )


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "publishing/accessibility.html", {"nav": "accessibility"})
