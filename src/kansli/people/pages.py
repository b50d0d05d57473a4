"""What the pages for managing the organisation share: who may use them and finding what the
address names."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.urls import reverse

from kansli.core.http import found_or_404
from kansli.core.roles import can_manage_people

from . import selectors
from .models import Membership, Organization, Term

DENIED = "Bara nämndsekreterare och administratörer kan ändra organ, mandatperioder och uppdrag."


def require_manager(request: HttpRequest) -> None:
    if not can_manage_people(request.user):
        raise PermissionDenied(DENIED)


def term_or_404(request: HttpRequest, pk: int) -> Term:
    return found_or_404(lambda: selectors.term_get(viewer=request.user, pk=pk))


def organization_of_term_or_404(request: HttpRequest, term: Term, pk: int) -> Organization:
    organization = found_or_404(lambda: selectors.organization_get(viewer=request.user, pk=pk))
    if organization.body_id != term.body_id:
        raise Http404
    return organization


def seat_of_term_or_404(request: HttpRequest, term: Term, pk: int) -> Membership:
    seat = found_or_404(lambda: selectors.membership_get(viewer=request.user, pk=pk))
    if not selectors.term_seats(viewer=request.user, term=term).filter(pk=seat.pk).exists():
        raise Http404
    return seat


def seats_url(term: Term, organization: Organization) -> str:
    return reverse("people:term_seats", args=[term.pk, organization.pk])
