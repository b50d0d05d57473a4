"""The demo after its background tasks: public documents published, one in review."""

import pytest

from kansli.demo.data import MEETING as DEMO_MEETING
from kansli.demo.loader import demo_load
from kansli.meetings.models import Meeting
from kansli.publishing.models import FindingKind, Publication, ReviewStatus
from kansli.registry.models import Document, Visibility
from kansli.registry.tasks import document_inspect


@pytest.mark.django_db
def test_the_demo_has_published_documents_and_one_waiting_for_review(client):
    demo_load()
    for pk in Document.objects.values_list("pk", flat=True):
        document_inspect.call(pk)
    waiting = Publication.objects.filter(status=ReviewStatus.WAITING)
    assert [p.document.description for p in waiting] == [
        "Komplettering till medborgarförslaget om äldreboenden"
    ]
    kinds = set(waiting.get().findings.values_list("kind", flat=True))
    assert kinds == {FindingKind.PHONE, FindingKind.EMAIL, FindingKind.ADDRESS}
    public = Document.objects.filter(visibility=Visibility.PUBLIC, case__secrecy="")
    assert Publication.objects.filter(status=ReviewStatus.APPROVED).count() == public.count() - 1
    meeting = Meeting.objects.get(date=DEMO_MEETING["date"])
    html = client.get(f"/insyn/sammantraden/{meeting.pk}/").content.decode()
    assert "Motion om att införa möjligheten att emittera gröna obligationer" in html
    assert "Komplettering till medborgarförslaget" not in html
