"""What the pages for managing the organisation share: finding what the address names."""

from django.http import Http404, HttpRequest
from django.urls import reverse

from kansli.core.http import found_or_404

from . import selectors
from .models import Membership, Organization, Term


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
