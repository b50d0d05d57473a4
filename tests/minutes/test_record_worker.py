"""The worker registers the adjusted minutes after the adjustment has committed: the
last signature queues the task, the worker runs it, the documents are in the registry."""

import datetime

import pytest
from django.core.management import call_command
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from kansli.minutes import services
from kansli.minutes.models import Minutes
from kansli.registry.models import Document

from .helpers import board_with_meeting, started_minutes

pytestmark = pytest.mark.django_db(transaction=True)
SIGNED = datetime.datetime(2020, 9, 2, 14, 3, tzinfo=datetime.UTC)


def test_the_last_signature_has_the_worker_register_the_minutes(body, series):
    b = board_with_meeting(body, series)
    minutes = started_minutes(b)
    for name in ("Svahn", "Karlsson"):
        services.minutes_sign(actor=b.login(name), minutes=minutes, now=SIGNED)
    task = DBTaskResult.objects.get(task_path__endswith="minutes_record")
    assert task.status == TaskResultStatus.READY
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    task.refresh_from_db()
    assert task.status == TaskResultStatus.SUCCESSFUL, task.traceback
    minutes = Minutes.objects.get(pk=minutes.pk)
    b.meeting.refresh_from_db()
    assert minutes.document is not None and minutes.document.case == b.meeting.case
    assert Document.objects.filter(description__startswith="Protokollsutdrag").exists()
