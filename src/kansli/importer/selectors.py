"""Reads of import jobs: a job is seen only by the user who uploaded its files, while they
may import."""

import datetime
import uuid

from django.utils import timezone

from kansli.core.roles import Viewer

from .models import ImportJob
from .permissions import IMPORT


def import_job_get(*, viewer: Viewer | None, pk: uuid.UUID | str) -> ImportJob | None:
    if viewer is None or viewer.pk is None or not IMPORT(viewer):
        return None
    return ImportJob.objects.filter(pk=pk, user_id=viewer.pk).first()


def import_jobs_recent(*, viewer: Viewer | None) -> list[ImportJob]:
    """The viewer's jobs of the last day, newest first (without their previews)."""
    if viewer is None or viewer.pk is None or not IMPORT(viewer):
        return []
    since = timezone.now() - datetime.timedelta(days=1)
    return list(
        ImportJob.objects.filter(user_id=viewer.pk, created_at__gte=since).defer(
            "preview", "outcome"
        )[:20]
    )
