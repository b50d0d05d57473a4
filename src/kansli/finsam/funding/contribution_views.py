"""Finsam pages: the yearly contributions from the state's amounts to the case with its memo."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from kansli.core.forms import add_service_errors
from kansli.core.http import found_or_404
from kansli.core.permissions import permission_required, require
from kansli.core.roles import request_actor
from kansli.meetings.permissions import EDIT_AGENDA
from kansli.meetings.selectors import meeting_list
from kansli.memos.document import memo_data
from kansli.memos.models import Memo
from kansli.people.selectors import default_body
from kansli.registry.selectors import case_get, document_list, may_see_secrets_of

from .. import selectors
from ..models import Federation
from ..permissions import MANAGE_FINSAM, READ_FINSAM
from ..services import contribution_case_create
from .contribution_forms import CaseTargetForm, StateAmountsForm
from .contributions import contributions as compute
from .contributions import totals
from .memo import CONTRIBUTION_TITLE, contribution_memo_content, table_rows
from .state_csv import read_state_amounts


def _amounts(
    request: HttpRequest, form: StateAmountsForm
) -> tuple[dict[Federation, int], list[str]]:
    upload = form.cleaned_data.get("csv")
    if upload:
        result = read_state_amounts(viewer=request.user, body=default_body(), data=upload.read())
        return result.amounts, [str(problem) for problem in result.problems]
    typed = form.typed_amounts()
    if not typed:
        return {}, ["Ange statens bidrag för minst ett förbund, eller välj en CSV-fil."]
    return typed, []


@login_required
@permission_required(READ_FINSAM)
def contributions(request: HttpRequest) -> HttpResponse:
    """Step 1: the state's amounts → the members' contributions. Step 2 ("skapa"): record the
    amounts and make the case with its memo."""
    body = default_body()
    federations = list(selectors.federation_list(viewer=request.user, body=body))
    year = _year(request)
    initial: dict[str, object] = {"year": year}
    recorded = selectors.state_amounts(viewer=request.user, federations=federations, year=year)
    for federation, amount in recorded.items():
        initial[f"amount_{federation.pk}"] = amount
    data = request.POST if request.method == "POST" else None
    form = StateAmountsForm(data, request.FILES or None, federations=federations, initial=initial)
    target = CaseTargetForm(
        request.POST if request.POST.get("action") == "skapa" else None, body=body
    )
    context: dict[str, object] = {
        "form": form,
        "target": target,
        "federations": federations,
        "may_manage": MANAGE_FINSAM(request.user),
        "nav": "finsam",
    }
    if request.method != "POST" or not form.is_valid():
        return render(request, "finsam/contributions.html", context)
    amounts, problems = _amounts(request, form)
    if problems:
        context["problems"] = problems
        return render(request, "finsam/contributions.html", context)
    year = form.cleaned_data["year"]
    rows = compute(year, amounts)
    context.update(
        {
            "year": year,
            "rows": rows,
            "totals": totals(rows),
            "table": table_rows(rows),
            "amounts": [(f.pk, amount) for f, amount in amounts.items()],
            "problems": [f"{r.federation.short_name}: {p}" for r in rows for p in r.problems],
        }
    )
    organization = target.fields["organization"].initial
    preview_organ = body.organizations.filter(pk=organization).first() if organization else None
    if preview_organ is not None and not context["problems"]:
        context["draft"] = contribution_memo_content(year, rows, preview_organ)
    if request.POST.get("action") != "skapa":
        return render(request, "finsam/contributions.html", context)
    require(request.user, MANAGE_FINSAM)
    if not target.is_valid():
        return render(request, "finsam/contributions.html", context)
    try:
        with transaction.atomic():
            organ = target.cleaned_data["organization"]
            meeting_date = target.cleaned_data["meeting_date"]
            meeting = None
            if EDIT_AGENDA(request.user):
                meeting = (
                    meeting_list(viewer=request.user, organization_id=organ.pk)
                    .filter(date=meeting_date)
                    .first()
                )
            case, memo = contribution_case_create(
                actor=request_actor(request),
                body=body,
                series=target.cleaned_data["series"],
                year=year,
                amounts=amounts,
                organization=organ,
                meeting_date=meeting_date,
                official=getattr(request.user, "official", None),
                meeting=meeting,
            )
    except ValidationError as error:
        add_service_errors(target, error)
        return render(request, "finsam/contributions.html", context)
    messages.success(
        request, f"Ärendet {case.number} skapades med föredragnings-PM (utkast) för {organ}."
    )
    return redirect("finsam:contribution_memo", pk=memo.pk)


def _year(request: HttpRequest) -> int:
    text = request.GET.get("ar", "")
    if text.isdigit() and 2000 <= int(text) <= 2100:
        return int(text)
    return timezone.localdate().year + 1


@login_required
@permission_required(READ_FINSAM)
def contribution_memo(request: HttpRequest, pk: int) -> HttpResponse:
    """The memo as made, read like any memo; the item's memo page when it is on an agenda."""
    memo = found_or_404(
        lambda: Memo.objects.select_related("case", "organization", "proposal").get(
            pk=pk, title__startswith=CONTRIBUTION_TITLE
        )
    )
    case = found_or_404(lambda: case_get(viewer=request.user, pk=memo.case_id))
    if case.is_secret and not may_see_secrets_of(request.user, case):
        raise Http404
    item = getattr(memo, "agenda_item", None)
    visible = {d.pk for d in document_list(viewer=request.user, case=memo.case)}
    return render(
        request,
        "finsam/contribution_memo.html",
        {
            "memo_model": memo,
            "memo": memo_data(memo, shows_document=lambda document: document.pk in visible),
            "item": item,
            "nav": "finsam",
        },
    )
