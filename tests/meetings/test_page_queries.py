"""The meeting pages read the database a fixed number of times, however long the agenda."""

import datetime

import pytest
from django.db import connection
from django.urls import reverse

from kansli.meetings import services
from kansli.meetings.models import Meeting
from kansli.publishing.models import Publication
from kansli.publishing.services import publication_approve

from .memo_helpers import case_with_document, fill, item_with_memo

pytestmark = pytest.mark.django_db


def _queries(client, url: str) -> int:
    """How many queries one request for `url` makes (its status must be 200)."""
    count = 0

    def counting(execute, sql, params, many, context):
        nonlocal count
        count += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counting):
        response = client.get(url)
    assert response.status_code == 200
    return count


def _add_items(meeting: Meeting, body, series, first: int, last: int) -> None:
    """Items first..last, each with a case and a public document; every other one with a
    memo (the others offer to start from an earlier organ's memo)."""
    for number in range(first, last + 1):
        case, document = case_with_document(body, series, number=f"20RS{6600 + number}")
        publication = Publication.objects.filter(document=document).first()
        if publication is not None:
            publication_approve(actor=None, publication=publication)
        if number % 2:
            fill(item_with_memo(meeting, case, number=number).memo)
        else:
            services.agenda_item_add(
                actor=None, meeting=meeting, number=number, title=f"Punkt {number}", case=case
            )
    services.agenda_item_add(
        actor=None, meeting=meeting, title=f"Information {last}", number=last + 1, is_public=False
    )


@pytest.fixture
def meeting(board):
    return services.meeting_create(
        actor=None,
        organization=board,
        date=datetime.date(2020, 8, 26),
        start_time=datetime.time(9, 30),
        place="Hörsal L1",
    )


@pytest.mark.parametrize(
    ("page", "who"),
    [("publishing:meeting", who) for who in ("public", "elected", "secretary", "registrar")]
    + [("meetings:meeting_detail", who) for who in ("elected", "secretary", "registrar")],
)
def test_queries_do_not_grow_with_the_agenda(
    client, request, body, series, meeting, who, page, settings
):
    settings.KANSLI_FRAGMENT_CACHE = False  # what a page costs when it is rendered
    if who != "public":
        client.force_login(request.getfixturevalue(who))
    url = reverse(page, args=[meeting.pk])
    _add_items(meeting, body, series, 1, 2)
    short = _queries(client, url)
    _add_items(meeting, body, series, 4, 9)
    long = _queries(client, url)
    assert "Anmälan av motion (20RS6609)" in client.get(url).content.decode()
    assert long == short
