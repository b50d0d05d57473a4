"""Import in the browser: upload, preview (a trial import rolled back), confirm."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from kansli.core.roles import can_manage_meetings, request_actor
from kansli.people.selectors import default_body

from . import staging
from .forms import MAX_FILES, ImportUploadForm
from .services import ImportResult, import_files

_DENIED = "Bara registrator och nämndsekreterare kan importera."
_GONE = (
    "Uppladdningen finns inte längre (den sparas ett dygn och bara för den som laddade upp "
    "den). Ladda upp filerna igen."
)


def _require_manager(request: HttpRequest) -> None:
    if not can_manage_meetings(request.user):
        raise PermissionDenied(_DENIED)


def _page(request: HttpRequest, template: str, context: dict) -> HttpResponse:
    return render(request, template, {"nav": "meetings", "max_files": MAX_FILES, **context})


@login_required
def import_upload(request: HttpRequest) -> HttpResponse:
    """The form; on upload, what the files hold and what an import would create."""
    _require_manager(request)
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        files, encoding = form.cleaned_data["uploads"], form.cleaned_data["encoding"]
        result = import_files(
            actor=request_actor(request),
            body=default_body(),
            files=files,
            encoding=encoding,
            trial=True,
        )
        token = ""
        if not result.has_errors:
            token = staging.stage(user_pk=request_actor(request).pk, files=files, encoding=encoding)
        return _page(request, "importer/preview.html", _result_context(result, token=token))
    return _page(request, "importer/upload.html", {"form": form})


@login_required
@require_POST
def import_confirm(request: HttpRequest) -> HttpResponse:
    """Import the staged files for real — all of them or nothing."""
    _require_manager(request)
    token = request.POST.get("token", "")
    found = staging.staged(user_pk=request_actor(request).pk, token=token)
    if found is None:
        messages.error(request, _GONE)
        return redirect("importer:upload")
    result = import_files(
        actor=request_actor(request),
        body=default_body(),
        files=found.files,
        encoding=found.encoding,
    )
    staging.unstage(token)
    if result.written:
        created = len(result.created)
        messages.success(
            request,
            f"Importen är klar: {created} {'sak' if created == 1 else 'saker'} skapades"
            + (f", {len(result.existing)} fanns redan." if result.existing else "."),
        )
    return _page(request, "importer/preview.html", _result_context(result, done=True))


@login_required
@require_POST
def import_cancel(request: HttpRequest) -> HttpResponse:
    _require_manager(request)
    token = request.POST.get("token", "")
    if staging.staged(user_pk=request_actor(request).pk, token=token) is not None:
        staging.unstage(token)
    messages.info(request, "Importen avbröts. Ingenting har skrivits.")
    return redirect("importer:upload")


def _result_context(result: ImportResult, *, token: str = "", done: bool = False) -> dict:
    problems = result.problems
    return {
        "result": result,
        "files": result.files,
        "errors": [p for p in problems if p.is_error],
        "warnings": [p for p in problems if not p.is_error],
        "token": token,
        "done": done,
    }
