"""Meeting book pages: order a build, watch its progress, read either edition as HTML."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from kansli.core.http import found_or_404
from kansli.core.permissions import permission_required
from kansli.core.roles import is_member_or_staff, request_actor

from .. import selectors
from ..models import BookEdition
from ..permissions import MAKE_BOOKS
from .data import book_data
from .services import meeting_book_request


@login_required
@require_POST
@permission_required(MAKE_BOOKS)
def book_request(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = found_or_404(lambda: selectors.meeting_get(viewer=request.user, pk=pk))
    try:
        book, queued = meeting_book_request(
            actor=request_actor(request), meeting=meeting, edition=request.POST.get("edition", "")
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("meetings:meeting_detail", pk=pk)
    if not queued:
        messages.info(
            request,
            "Inget har ändrats sedan kallelsen senast skapades; den färdiga kallelsen visas."
            if book.document_id
            else "Kallelsen håller redan på att skapas.",
        )
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "meetings/_book_status.html", {"book": book})
    return redirect(f"{reverse('meetings:meeting_detail', args=[pk])}#kallelse")


def book_status(request: HttpRequest, book_pk: int) -> HttpResponse:
    book = found_or_404(lambda: selectors.book_get(viewer=request.user, pk=book_pk))
    return render(request, "meetings/_book_status.html", {"book": book})


def book_html(request: HttpRequest, pk: int, edition: str) -> HttpResponse:
    """The book as an HTML page: the public edition for anyone, the members' edition for
    staff and members."""
    if edition not in BookEdition.values:
        raise Http404
    if edition == BookEdition.MEMBERS and not is_member_or_staff(request.user):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied("Ledamöternas version är bara för ledamöter och tjänstepersoner.")
    meeting = found_or_404(lambda: selectors.meeting_get(viewer=request.user, pk=pk))
    book = book_data(meeting, edition)
    return render(
        request,
        "meetings/book.html",
        {"meeting": meeting, "book": book.data, "edition": edition, "nav": "meetings"},
    )
