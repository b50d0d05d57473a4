"""OParl Person: an elected representative (förtroendevald), with their seats."""

from collections import defaultdict
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router

from kansli.people import selectors as people
from kansli.people.models import Person

from ..links import api_url, oparl_type
from ..pagination import PageQuery, paginate
from ..params import ERRORS, ObjectId
from ..schemas.person import PersonList, PersonOut
from .membership import membership_out

router = Router(tags=["Person"])


def persons_out(request: HttpRequest, persons: list[Person]) -> list[dict[str, Any]]:
    seats = people.membership_list(viewer=request.user).filter(person__in=persons)
    memberships: dict[int, list[dict[str, Any]]] = defaultdict(list)
    bodies: dict[int, int] = {}
    for seat in seats:
        memberships[seat.person_id].append(membership_out(request, seat))
        bodies.setdefault(seat.person_id, seat.organization.body_id)
    fallback = people.body_list(viewer=request.user).values_list("pk", flat=True).first()
    return [
        {
            "id": api_url(request, "person", person.pk),
            "type": oparl_type("Person"),
            "body": _body_url(request, bodies.get(person.pk, fallback)),
            "name": person.name,
            "familyName": person.last_name,
            "givenName": person.first_name,
            "party": person.party.code if person.party else None,
            "membership": memberships[person.pk],
        }
        for person in persons
    ]


def _body_url(request: HttpRequest, pk: int | None) -> str | None:
    return api_url(request, "body", pk) if pk is not None else None


@router.get(
    "/bodies/{id}/persons",
    response={200: PersonList, **ERRORS},
    url_name="body_persons",
    exclude_none=True,
    summary="Förtroendevalda med uppdrag hos huvudmannen",
)
def body_persons(request: HttpRequest, id: ObjectId, query: Query[PageQuery]) -> dict[str, Any]:
    body = people.body_get(viewer=request.user, pk=id)
    persons = (
        people.person_list(viewer=request.user)
        .filter(memberships__organization__body=body)
        .distinct()
        .order_by("last_name", "first_name", "pk")
    )
    return paginate(request, persons, query, lambda rows: persons_out(request, rows))


@router.get(
    "/persons/{id}",
    response={200: PersonOut, **ERRORS},
    url_name="person",
    exclude_none=True,
    summary="En förtroendevald",
)
def person_get(request: HttpRequest, id: ObjectId) -> dict[str, Any]:
    return persons_out(request, [people.person_get(viewer=request.user, pk=id)])[0]
