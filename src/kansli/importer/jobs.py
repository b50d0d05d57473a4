"""Writes of import jobs made by requests: uploading (store the files, queue the preview),
confirming (queue the import) and cancelling. No request reads a file: the worker does
(importer.runs)."""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from kansli.core.models import User
from kansli.core.permissions import require
from kansli.people.models import Body

from . import staging
from .models import ImportJob, JobStage, JobState
from .permissions import IMPORT

GONE = (
    "Uppladdningen finns inte längre (den sparas ett dygn och bara för den som laddade upp "
    "den). Ladda upp filerna igen."
)


def import_job_create(
    *, actor: User, body: Body, files: list[tuple[str, UploadedFile]], encoding: str | None
) -> ImportJob:
    """Store the uploaded files, chunk by chunk, and queue their reading."""
    require(actor, IMPORT)
    ImportJob.objects.filter(created_at__lt=timezone.now() - staging.MAX_AGE).exclude(
        state=JobState.RUNNING
    ).delete()
    token = staging.stage(
        user_pk=actor.pk,
        files=[(name, upload.chunks()) for name, upload in files],
        encoding=encoding,
    )
    try:
        with transaction.atomic():
            job = ImportJob.objects.create(
                user=actor,
                body=body,
                token=token,
                encoding=encoding or "",
                file_names=[name for name, _upload in files],
                size=sum(upload.size or 0 for _name, upload in files),
                total=len(files) + 1,
                step="I kö",
            )
            from .tasks import import_job_preview

            transaction.on_commit(lambda: import_job_preview.enqueue(str(job.pk)))
    except BaseException:
        staging.unstage(token)
        raise
    return job


@transaction.atomic
def import_job_confirm(*, actor: User, job: ImportJob) -> tuple[ImportJob, bool]:
    """Queue the import of a previewed job. Returns (job, queued): a job already confirmed
    is returned as it is."""
    require(actor, IMPORT)
    job = ImportJob.objects.select_for_update().get(pk=job.pk, user=actor)
    if job.stage == JobStage.IMPORT:
        return job, False
    if job.is_working:
        raise ValidationError("Filerna granskas fortfarande. Vänta tills granskningen är klar.")
    if job.has_errors or job.state == JobState.FAILED:
        raise ValidationError(
            "Filerna har fel och kan inte importeras. Rätta dem och ladda upp dem igen."
        )
    if not job.token or not (staging.folder(job.token)).is_dir():
        raise ValidationError(GONE)
    job.stage, job.state = JobStage.IMPORT, JobState.WAITING
    job.done, job.total, job.step, job.error = 0, len(job.file_names) + 1, "I kö", ""
    job.finished_at = None
    job.save(update_fields=["stage", "state", "done", "total", "step", "error", "finished_at"])
    from .tasks import import_job_import

    transaction.on_commit(lambda: import_job_import.enqueue(str(job.pk)))
    return job, True


@transaction.atomic
def import_job_cancel(*, actor: User, job: ImportJob) -> None:
    """Drop a job that is not being imported, with its files."""
    require(actor, IMPORT)
    job = ImportJob.objects.select_for_update().get(pk=job.pk, user=actor)
    if job.stage == JobStage.IMPORT and job.state != JobState.FAILED:
        raise ValidationError("Importen har redan börjat och kan inte avbrytas.")
    token = job.token
    job.delete()
    transaction.on_commit(lambda: staging.unstage(token))
