"""OParl AgendaItem: an item on a meeting's agenda; the public sees public items only."""

from typing import Any

from django.http import HttpRequest
from ninja import Router

from kansli.meetings import selectors as meetings
from kansli.meetings.models import AgendaItem
from kansli.publishing.masking import published_facts
from kansli.publishing.public_text import masked

from ..links import api_url, oparl_type
from ..params import ERRORS, ObjectId
from ..schemas.agenda_item import AgendaItemOut

router = Router(tags=["AgendaItem"])


def agenda_items_out(request: HttpRequest, items: list[AgendaItem]) -> list[dict[str, Any]]:
    """Items the viewer may see (read through the selectors), each linked to its case's
    consultation when the viewer may see that too."""
    allow = published_facts()
    steps = dict(
        meetings.case_steps_visible(viewer=request.user)
        .filter(agenda_item__in=items)
        .values_list("agenda_item_id", "pk")
    )
    return [
        {
            "id": api_url(request, "agenda_item", item.pk),
            "type": oparl_type("AgendaItem"),
            "meeting": api_url(request, "meeting", item.meeting_id),
            "number": str(item.number),
            "order": item.number,
            "name": masked(item.title, allow=allow),
            "public": item.is_public,
            "consultation": (
                api_url(request, "consultation", steps[item.pk]) if item.pk in steps else None
            ),
        }
        for item in items
    ]


@router.get(
    "/agenda-items/{id}",
    response={200: AgendaItemOut, **ERRORS},
    url_name="agenda_item",
    exclude_none=True,
    summary="En punkt på dagordningen",
)
def agenda_item_get(request: HttpRequest, id: ObjectId) -> dict[str, Any]:
    item = meetings.agenda_items_visible(viewer=request.user).get(pk=id)
    return agenda_items_out(request, [item])[0]
