"""Ordering a meeting book through the page: the task runs in the worker, so the test commits
(transactional), apart from the module that shares one demo load."""

import pytest
from django.core.management import call_command

from kansli.demo.data import MEETING as DEMO_MEETING
from kansli.demo.loader import demo_load
from kansli.meetings.models import Meeting, MeetingBook

HOSTILE = '#panic("x") #read("/etc/passwd") <script>alert(1)</script>'


@pytest.mark.django_db(transaction=True)
def test_ordering_a_book_through_the_page(client):
    demo_load()
    meeting = Meeting.objects.get(date=DEMO_MEETING["date"])
    client.login(username="sekreterare", password="kansli-demo")
    response = client.post(
        f"/sammantraden/{meeting.pk}/kallelse/skapa/",
        {"edition": "offentlig"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200 and "<progress" in response.content.decode()
    book = MeetingBook.objects.get()
    status = client.get(f"/sammantraden/kallelser/{book.pk}/").content.decode()
    assert 'hx-trigger="every 1s"' in status
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    status = client.get(f"/sammantraden/kallelser/{book.pk}/").content.decode()
    assert 'value="100"' in status and "Hämta PDF" in status and "every 1s" not in status
