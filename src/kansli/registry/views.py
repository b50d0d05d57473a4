"""Registry pages: the case list, registering cases and documents, the case page, changing,
closing and reopening a case."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from kansli.core.forms import KansliForm, add_service_errors
from kansli.core.http import found_or_404, search_text
from kansli.core.permissions import permission_required
from kansli.core.roles import request_actor
from kansli.people.selectors import default_body

from . import hooks, selectors, services
from .forms import (
    CaseClassifyForm,
    CaseCloseForm,
    CaseRegisterForm,
    CaseReopenForm,
    CaseUpdateForm,
    DocumentRegisterForm,
)
from .models import Case, CaseStatus
from .permissions import CLASSIFY_CASES, REGISTER_CASES
from .retention import documents_with_retention


@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    query = search_text(request)
    status = request.GET.get("status", "")
    if status not in CaseStatus.values:
        status = ""
    cases = list(selectors.case_list(viewer=request.user, query=query, status=status)[:200])
    rows = [(case, selectors.case_title_for(viewer=request.user, case=case)) for case in cases]
    template = "registry/_case_rows.html" if request.htmx else "registry/case_list.html"  # type: ignore[attr-defined]
    return render(
        request,
        template,
        {
            "rows": rows,
            "query": query,
            "status": status,
            "statuses": CaseStatus.choices,
            "nav": "cases",
        },
    )


@login_required
@permission_required(REGISTER_CASES)
def case_register(request: HttpRequest) -> HttpResponse:
    body = default_body()
    form = CaseRegisterForm(request.POST or None, body=body)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case = services.case_register(
                actor=request_actor(request),
                body=body,
                series=data["series"],
                title=data["title"],
                case_type=data["case_type"],
                organization=data["organization"],
                official=data["official"],
                secrecy=data["secrecy"],
                number=data["number"] or None,
                process=data.get("process"),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Ärendet registrerades med diarienummer {case.number}.")
            return redirect("registry:case_detail", pk=case.pk)
    return render(request, "registry/case_register.html", {"form": form, "nav": "cases"})


@login_required
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = found_or_404(lambda: selectors.case_get(viewer=request.user, pk=pk))
    viewer = request.user
    documents = documents_with_retention(selectors.document_list(viewer=viewer, case=case), case)
    return render(
        request,
        "registry/case_detail.html",
        {
            "case": case,
            "title": selectors.case_title_for(viewer=viewer, case=case),
            "documents": documents,
            "hidden_count": selectors.document_count_hidden(viewer=viewer, case=case),
            "history": selectors.case_history(viewer=viewer, case=case)[:200],
            "may_register": REGISTER_CASES(viewer) and case.status == CaseStatus.OPEN,
            "may_change": selectors.may_change_case(viewer, case),
            "may_classify": selectors.may_classify_case(viewer, case),
            "nav": "cases",
            **hooks.case_page_context(viewer=viewer, case=case),
        },
    )


def _case_change(
    request: HttpRequest,
    pk: int,
    *,
    form_of: Callable[[Case, Any], KansliForm],
    write: Callable[[Case, dict[str, Any]], object],
    heading: str,
    button: str,
    done: str,
    may: Callable[[Any, Case], bool] = selectors.may_change_case,
) -> HttpResponse:
    """A page that changes a case through one service call: the form again with the
    service's Swedish messages, or back to the case with `done` said."""
    case = found_or_404(lambda: selectors.case_get(viewer=request.user, pk=pk))
    if not may(request.user, case):
        raise PermissionDenied(selectors.change_refusal(case))
    form = form_of(case, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            write(case, form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, done.format(number=case.number))
            return redirect("registry:case_detail", pk=case.pk)
    return render(
        request,
        "registry/case_change.html",
        {
            "form": form,
            "case": case,
            "title": selectors.case_title_for(viewer=request.user, case=case),
            "heading": heading,
            "button": button,
            "nav": "cases",
        },
    )


@login_required
@permission_required(REGISTER_CASES)
def case_update(request: HttpRequest, pk: int) -> HttpResponse:
    return _case_change(
        request,
        pk,
        form_of=lambda case, data: CaseUpdateForm(data, case=case),
        write=lambda case, data: services.case_update(
            actor=request_actor(request),
            case=case,
            title=data["title"],
            official=data["official"],
            unit=data["unit"],
            secrecy=data["secrecy"],
            reason=data["reason"],
        ),
        heading="Ändra ärendet",
        button="Spara ändringen",
        done="Ärende {number} ändrades.",
    )


@login_required
@permission_required(REGISTER_CASES)
def case_close(request: HttpRequest, pk: int) -> HttpResponse:
    return _case_change(
        request,
        pk,
        form_of=lambda case, data: CaseCloseForm(
            data,
            initial={
                "closed_on": timezone.localdate(),
                "decision": hooks.closing_decision_for(case=case),
            },
        ),
        write=lambda case, data: services.case_close(
            actor=request_actor(request),
            case=case,
            closed_on=data["closed_on"],
            decision=data["decision"],
        ),
        heading="Avsluta ärendet",
        button="Avsluta",
        done="Ärende {number} avslutades.",
    )


@login_required
@permission_required(CLASSIFY_CASES)
def case_classify(request: HttpRequest, pk: int) -> HttpResponse:
    return _case_change(
        request,
        pk,
        form_of=lambda case, data: CaseClassifyForm(
            data, body=case.body, initial={"process": case.process_id}
        ),
        write=lambda case, data: services.case_classify(
            actor=request_actor(request),
            case=case,
            process=data["process"],
            reason=data["reason"],
        ),
        heading="Klassificera ärendet",
        button="Spara klassificeringen",
        done="Ärende {number} klassificerades.",
        may=selectors.may_classify_case,
    )


@login_required
@permission_required(REGISTER_CASES)
def case_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    return _case_change(
        request,
        pk,
        form_of=lambda case, data: CaseReopenForm(data),
        write=lambda case, data: services.case_reopen(
            actor=request_actor(request), case=case, reason=data["reason"]
        ),
        heading="Återuppta ärendet",
        button="Återuppta",
        done="Ärende {number} återupptogs.",
    )


@login_required
@permission_required(REGISTER_CASES)
def document_register(request: HttpRequest, pk: int) -> HttpResponse:
    case = found_or_404(lambda: selectors.case_get(viewer=request.user, pk=pk))
    form = DocumentRegisterForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        upload = data["file"]
        try:
            document = services.document_register(
                actor=request_actor(request),
                case=case,
                kind=data["kind"],
                date=data["date"],
                description=data["description"],
                document_type=data["document_type"],
                counterpart=data["counterpart"],
                visibility=data["visibility"],
                secrecy=data["secrecy"],
                file=upload.file if upload else None,
                file_name=upload.name if upload else "",
                file_size=upload.size if upload else None,
                confirmed=data["confirmed"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Handlingen registrerades som {document.number}.")
            return redirect("registry:case_detail", pk=case.pk)
    return render(
        request,
        "registry/document_register.html",
        {
            "form": form,
            "case": case,
            "nav": "cases",
            "title": selectors.case_title_for(viewer=request.user, case=case),
        },
    )


@login_required
def document_file(request: HttpRequest, pk: int) -> FileResponse:
    document = found_or_404(lambda: selectors.document_get(viewer=request.user, pk=pk))
    if not document.file:
        raise Http404
    try:
        opened = document.file.open("rb")
    except OSError:  # gone meanwhile (a disposal, a restore): not found, not a 500
        raise Http404 from None
    response = FileResponse(
        opened,
        as_attachment=True,
        filename=document.file_name or document.file.name.rsplit("/", 1)[-1],
        content_type=document.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
