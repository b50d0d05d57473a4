"""Import in the browser: upload (the files are only stored), the job's page (progress while
the worker reads them, then the preview), confirm (the worker imports), cancel."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRefresh

from kansli.core.permissions import permission_required
from kansli.core.roles import request_actor
from kansli.people.selectors import default_body

from .forms import MAX_FILES, ImportUploadForm
from .jobs import import_job_cancel, import_job_confirm, import_job_create
from .models import ImportJob, JobStage, JobState
from .permissions import IMPORT
from .selectors import import_job_get, import_jobs_recent
from .uploads import SizeLimitHandler


def _page(request: HttpRequest, template: str, context: dict[str, object]) -> HttpResponse:
    return render(request, template, {"nav": "meetings", "max_files": MAX_FILES, **context})


@permission_required(IMPORT)
def _job(request: HttpRequest, pk: uuid.UUID) -> ImportJob:
    job = import_job_get(viewer=request.user, pk=pk)
    if job is None:
        raise Http404("Importen finns inte.")
    return job


@csrf_exempt  # the size check must be installed before the body is read; checked below
@login_required
@permission_required(IMPORT)
def import_upload(request: HttpRequest) -> HttpResponse:
    """The form; an upload is stored (refused while it streams in when too large) and read
    by the worker, and the user is sent to the job's page."""
    limiter = SizeLimitHandler(request)
    if request.method == "POST":
        request.upload_handlers = [limiter, *request.upload_handlers]
    return _upload(request, limiter)


@csrf_protect
def _upload(request: HttpRequest, limiter: SizeLimitHandler) -> HttpResponse:
    posted = request.method == "POST"
    form = ImportUploadForm(request.POST, request.FILES) if posted else ImportUploadForm()
    if posted:
        if limiter.refused:
            form.is_valid()
            form.errors.pop("uploads", None)
            form.add_error("uploads", limiter.refused)
        elif form.is_valid():
            job = import_job_create(
                actor=request_actor(request),
                body=default_body(),
                files=form.cleaned_data["uploads"],
                encoding=form.cleaned_data["encoding"],
            )
            return redirect("importer:job", pk=job.pk)
    jobs = import_jobs_recent(viewer=request.user)
    return _page(request, "importer/upload.html", {"form": form, "jobs": jobs})


@login_required
def import_job(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    """The job: its progress while the worker works, then the preview or the result."""
    job = _job(request, pk)
    return _page(request, "importer/job.html", _job_context(job))


@login_required
def import_job_status(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    """The progress alone, polled by htmx; a finished job reloads the whole page."""
    job = _job(request, pk)
    if not job.is_working and request.htmx:  # type: ignore[attr-defined]
        return HttpResponseClientRefresh()
    return render(request, "importer/_progress.html", {"job": job})


@login_required
@require_POST
def import_job_confirm_view(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    """Queue the import of the previewed files — all of them or nothing."""
    job = _job(request, pk)
    try:
        import_job_confirm(actor=request_actor(request), job=job)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("importer:job", pk=job.pk)


@login_required
@require_POST
def import_job_cancel_view(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    job = _job(request, pk)
    try:
        import_job_cancel(actor=request_actor(request), job=job)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("importer:job", pk=job.pk)
    messages.info(request, "Importen avbröts. Ingenting har skrivits.")
    return redirect("importer:upload")


def _job_context(job: ImportJob) -> dict[str, object]:
    summary = job.outcome if job.stage == JobStage.IMPORT and job.outcome else job.preview
    return {
        "job": job,
        "summary": summary or {},
        "done": job.stage == JobStage.IMPORT and not job.is_working,
        "written": job.stage == JobStage.IMPORT and job.state == JobState.DONE,
    }
