"""The worker's side of an import job: read the staged files into a preview (a trial import,
rolled back), and import them once confirmed.

The files are read before any write transaction opens; the job's progress is written in its
own short updates. The import's rows and the job's "klar" commit in one transaction, so a run
that dies before it leaves nothing, and a second run of a finished job does nothing: each run
is safe to repeat (a worker's lease may hand a task to another worker)."""

import logging
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from . import staging
from .jobs import GONE
from .models import ImportJob, JobStage, JobState
from .permissions import IMPORT
from .services import ImportResult, import_files
from .summary import summary_of

logger = logging.getLogger(__name__)

_INTERNAL = (
    "Filerna kunde inte läsas in på grund av ett internt fel i importen. Ingenting har "
    "skrivits. Kontrollera att filerna är text exporterad från PDF och försök igen; hjälper "
    "det inte, kontakta systemförvaltaren."
)
_REFUSED = "Ingenting har skrivits: importen hittade fel. Rätta filerna och ladda upp dem igen."


class _AlreadyDone(Exception):
    """Another run finished this job first: this run's writes roll back."""


def _update(job_id: str, **fields: Any) -> None:
    ImportJob.objects.filter(pk=job_id).update(**fields)


def _progress(job_id: str) -> Any:
    def report(done: int, total: int, step: str) -> None:
        _update(job_id, done=done, total=total, step=step[:300])

    return report


def _fail(job_id: str, message: str, **fields: Any) -> None:
    _update(
        job_id,
        state=JobState.FAILED,
        step="Misslyckades",
        error=message,
        finished_at=timezone.now(),
        **fields,
    )


def _start(job_id: str, stage: str) -> ImportJob | None:
    """The job to run, marked running; None when there is nothing to do (gone, another
    stage, or finished: then its files are removed if still there)."""
    job = ImportJob.objects.filter(pk=job_id).select_related("user", "body").first()
    if job is None or job.stage != stage:
        return None
    if job.state in (JobState.DONE, JobState.FAILED):
        if job.token and (job.state == JobState.FAILED or stage == JobStage.IMPORT):
            _drop_files(job)
        return None
    _update(job_id, state=JobState.RUNNING, done=0, step="Läser filerna")
    return job


def _drop_files(job: ImportJob) -> None:
    staging.unstage(job.token)
    _update(str(job.pk), token="")


def _run(job: ImportJob, trial: bool, finish: Any = None) -> ImportResult | None:
    """The import (or its trial) of the job's files; None when it failed, with the job
    marked so."""
    job_id = str(job.pk)
    found = staging.staged(user_pk=job.user_id, token=job.token) if job.token else None
    if found is None:
        _fail(job_id, GONE, token="")
        return None
    try:
        return import_files(
            actor=job.user,
            body=job.body,
            files=found.files,
            encoding=job.encoding or None,
            trial=trial,
            progress=_progress(job_id),
            finish=finish,
        )
    except _AlreadyDone:
        raise
    except PermissionDenied as error:
        _fail(job_id, str(error) or IMPORT.refusal)
    except Exception:
        # Deliberately broad: whatever a hostile or broken file makes the reader raise, the
        # job says so in Swedish and nothing is written (the import's transaction rolled back).
        logger.exception("import job %s failed", job_id)
        _fail(job_id, _INTERNAL)
    return None


def import_job_preview_run(job_id: str) -> str:
    """Read the files and try the import: the preview the user confirms."""
    job = _start(job_id, JobStage.PREVIEW)
    if job is None:
        return "inget att göra"
    result = _run(job, trial=True)
    if result is None:
        _drop_files(job)
        return JobState.FAILED
    _update(
        job_id,
        state=JobState.DONE,
        preview=summary_of(result),
        has_errors=result.has_errors,
        done=job.total,
        step="Klar",
        finished_at=timezone.now(),
    )
    if result.has_errors:
        _drop_files(job)  # nothing to confirm
    return JobState.DONE


def import_job_import_run(job_id: str) -> str:
    """Import the confirmed files: all of them, or nothing."""
    job = _start(job_id, JobStage.IMPORT)
    if job is None:
        return "inget att göra"

    def finish(result: ImportResult) -> None:
        # In the import's transaction: "klar" commits with the rows, or neither does.
        done = (
            ImportJob.objects.filter(pk=job_id)
            .exclude(state=JobState.DONE)
            .update(
                state=JobState.DONE,
                outcome=summary_of(result),
                done=job.total,
                step="Klar",
                finished_at=timezone.now(),
            )
        )
        if not done:
            raise _AlreadyDone

    try:
        result = _run(job, trial=False, finish=finish)
    except _AlreadyDone:
        return "redan importerad"
    if result is None:
        _drop_files(job)
        return JobState.FAILED
    if not result.written:
        _fail(job_id, _REFUSED, outcome=summary_of(result), has_errors=True)
    _drop_files(job)
    return JobState.DONE if result.written else JobState.FAILED
