"""A bulk write reads the search index once at its end (publishing.signals.indexing_deferred),
with the same result as indexing at every save."""

import datetime

import pytest
from django.db import transaction

from kansli.meetings import services as meetings
from kansli.publishing.signals import indexing_deferred
from kansli.search.models import SearchEntry
from kansli.search.selectors import search

pytestmark = pytest.mark.django_db


def hits(word: str) -> list[str]:
    return [hit.key for hit in search(viewer=None, query=word).hits]


def test_inside_nothing_is_indexed_and_on_leaving_everything_once(board):
    with transaction.atomic(), indexing_deferred():
        meeting = meetings.meeting_create(
            actor=None,
            organization=board,
            date=datetime.date(2026, 12, 15),
            start_time=datetime.time(9, 0),
            place="Regionens hus",
        )
        meetings.agenda_item_add(actor=None, meeting=meeting, title="Kollektivtrafikplan")
        meetings.agenda_item_add(actor=None, meeting=meeting, title="Tandvårdstaxa")
        assert not SearchEntry.objects.filter(key=f"meeting:{meeting.pk}").exists()
    assert hits("kollektivtrafikplan") == [f"meeting:{meeting.pk}"]
    assert hits("tandvårdstaxa") == [f"meeting:{meeting.pk}"]


def test_a_nested_block_leaves_the_indexing_to_the_outer_one(board):
    with transaction.atomic(), indexing_deferred():
        with indexing_deferred():
            meeting = meetings.meeting_create(
                actor=None,
                organization=board,
                date=datetime.date(2026, 12, 15),
                start_time=datetime.time(9, 0),
                place="Regionens hus",
            )
        assert not SearchEntry.objects.filter(key=f"meeting:{meeting.pk}").exists()
    assert SearchEntry.objects.filter(key=f"meeting:{meeting.pk}").exists()


def test_a_failure_inside_indexes_nothing(board):
    with pytest.raises(RuntimeError), transaction.atomic(), indexing_deferred():
        meetings.meeting_create(
            actor=None,
            organization=board,
            date=datetime.date(2026, 12, 15),
            start_time=datetime.time(9, 0),
            place="Regionens hus",
        )
        raise RuntimeError("the bulk write failed")
    assert not SearchEntry.objects.exists()
    # and indexing is back to every save
    meeting = meetings.meeting_create(
        actor=None,
        organization=board,
        date=datetime.date(2026, 12, 16),
        start_time=datetime.time(9, 0),
        place="Regionens hus",
    )
    assert SearchEntry.objects.filter(key=f"meeting:{meeting.pk}").exists()
