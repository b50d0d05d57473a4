"""Reads of authorisations, for a viewer: the searchable register (in force on a day, or all
with the revoked), and one authorisation's history."""

import datetime
import operator
from functools import reduce

from django.db.models import Q, QuerySet

from kansli.core.models import AuditEntry
from kansli.core.roles import Viewer, is_member_or_staff
from kansli.people.models import Body

from . import rules
from .models import Authorisation


def in_force_on(day: datetime.date) -> Q:
    """The authorisations in force on `day` (rules.valid_on, in the database): from their first
    day, until the event that revokes one given their way has happened."""
    not_revoked = reduce(
        operator.or_,
        (
            Q(given_by=given_by) & (Q(**{f"{event}__isnull": True}) | Q(**{f"{event}__gt": day}))
            for given_by, event in rules.REVOKING_EVENT.items()
        ),
    )
    return Q(valid_from__lte=day) & not_revoked


def authorisation_list(
    *,
    viewer: Viewer | None,
    body: Body,
    query: str = "",
    on_day: datetime.date | None = None,
) -> QuerySet[Authorisation]:
    """The register; with `on_day`, only those in force that day (rules.valid_on)."""
    if not is_member_or_staff(viewer):
        return Authorisation.objects.none()
    found = Authorisation.objects.filter(body=body).select_related("organization", "case")
    if query:
        found = found.filter(
            Q(holder_name__icontains=query)
            | Q(holder_title__icontains=query)
            | Q(scope__icontains=query)
            | Q(countersign__icontains=query)
            | Q(decision_reference__icontains=query)
        )
    if on_day is not None:
        found = found.filter(in_force_on(on_day))
    return found.order_by("holder_name", "-valid_from", "pk")


def authorisation_get(*, viewer: Viewer | None, body: Body, pk: int) -> Authorisation:
    return authorisation_list(viewer=viewer, body=body).get(pk=pk)


def authorisation_history(
    *, viewer: Viewer | None, authorisation: Authorisation
) -> QuerySet[AuditEntry]:
    if not is_member_or_staff(viewer):
        return AuditEntry.objects.none()
    return (
        AuditEntry.objects.filter(scope=f"authorisation:{authorisation.pk}")
        .select_related("actor")
        .order_by("created_at", "pk")
    )
