"""The briefing memo of an agenda item: read it (HTML or PDF), write it, mark it ready."""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from kansli.core.forms import add_service_errors
from kansli.core.http import found_or_404
from kansli.core.pdf import render_pdf
from kansli.core.permissions import permission_required, require
from kansli.core.roles import request_actor
from kansli.memos.document import memo_data
from kansli.memos.models import Memo, RecipientKind, SectionKey
from kansli.memos.permissions import WRITE_MEMOS
from kansli.memos.rules import split_clauses
from kansli.memos.services import BasisInput, RecipientInput, memo_update
from kansli.memos.validation import memo_validate
from kansli.people.selectors import organization_list, person_list
from kansli.registry.models import Document
from kansli.registry.permissions import REGISTER_CASES
from kansli.registry.selectors import document_list

from . import selectors, services
from .forms import MemoForm
from .models import AgendaItem


def _item(request: HttpRequest, pk: int, number: int) -> AgendaItem:
    meeting = found_or_404(lambda: selectors.meeting_get(viewer=request.user, pk=pk))
    return found_or_404(
        lambda: selectors.agenda_item_get(viewer=request.user, meeting=meeting, number=number)
    )


def _memo(request: HttpRequest, item: AgendaItem) -> Memo:
    if item.memo is None or not selectors.memo_visible(viewer=request.user, item=item):
        raise Http404
    return item.memo


def _memo_data(request: HttpRequest, memo: Memo) -> dict[str, object]:
    """The memo as this viewer may read it: basis entries linking documents they may not
    see are left out."""
    visible = {d.pk for d in document_list(viewer=request.user, case=memo.case)}
    return memo_data(memo, shows_document=lambda document: document.pk in visible)


@login_required
def memo_detail(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    item = _item(request, pk, number)
    if request.method == "POST":
        require(request.user, WRITE_MEMOS)
        start_from = None
        chosen = request.POST.get("utga_fran", "")
        if chosen:
            start_from = next(
                (m for m in services.earlier_memos(item) if str(m.pk) == chosen), None
            )
            if start_from is None:
                messages.error(request, "Välj ett PM i listan.")
                return redirect("meetings:meeting_detail", pk=pk)
        try:
            services.agenda_item_memo_create(
                actor=request_actor(request), item=item, start_from=start_from
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("meetings:meeting_detail", pk=pk)
        return redirect("meetings:memo_edit", pk=pk, number=number)
    memo = _memo(request, item)
    staff = WRITE_MEMOS(request.user)
    problems = memo_validate(memo, services.memo_context(item)) if staff else []
    return render(
        request,
        "meetings/memo_detail.html",
        {
            "item": item,
            "meeting": item.meeting,
            "memo_model": memo,
            "memo": _memo_data(request, memo),
            "problems": problems,
            "may_edit": staff,
            "may_follow_up": REGISTER_CASES(request.user),
            "nav": "meetings",
        },
    )


@login_required
def memo_pdf(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    item = _item(request, pk, number)
    memo = _memo(request, item)
    pdf = render_pdf("memos/typst/memo-main.typ", {"memo": _memo_data(request, memo)})
    response = HttpResponse(pdf, content_type="application/pdf")
    name = re.sub(r"[^A-Za-z0-9-]+", "-", memo.case_number).strip("-") or "pm"
    response["Content-Disposition"] = f'inline; filename="foredragnings-pm-{name}.pdf"'
    return response


@login_required
@require_POST
@permission_required(WRITE_MEMOS)
def memo_mark_ready(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    item = _item(request, pk, number)
    _memo(request, item)
    try:
        services.agenda_item_memo_mark_ready(actor=request_actor(request), item=item)
    except ValidationError as error:
        messages.error(
            request,
            f"PM:et kan inte markeras som klart: {len(error.messages)} problem återstår.",
        )
    else:
        messages.success(request, "PM:et är markerat som klart.")
    return redirect("meetings:memo_detail", pk=pk, number=number)


def _initial(memo: Memo) -> dict[str, object]:
    sections = {section.key: section.text for section in memo.sections.all()}
    initial: dict[str, object] = {
        "title": memo.title,
        "unit": memo.unit,
        "official_name": memo.official_name,
        "meeting_date": memo.meeting_date,
        "case_number": memo.case_number,
        "formula": memo.proposal.formula,
        "clauses": "\n".join(clause.text for clause in memo.proposal.clauses.all()),
        "basis": "\n".join(
            f"{entry.document.number} {entry.text}" if entry.document else entry.text
            for entry in memo.basis.select_related("document__case")
        ),
        "signatory_name": memo.signatory_name,
        "signatory_title": memo.signatory_title,
        "recipients": "\n".join(recipient.label for recipient in memo.recipients.all()),
    }
    for key in SectionKey:
        initial[f"section_{key.value}"] = sections.get(key, "")
    return initial


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _basis(request: HttpRequest, memo: Memo, text: str) -> list[BasisInput]:
    """Basis lines; a line beginning with a document number of the case links it."""
    documents = {d.number: d for d in document_list(viewer=request.user, case=memo.case)}
    entries = []
    for line in _lines(text):
        head, _, rest = line.partition(" ")
        document: Document | None = documents.get(head)
        if document is not None:
            entries.append(BasisInput(rest.strip() or document.description, document))
        elif re.fullmatch(rf"{re.escape(memo.case.number)}-\d+", head):
            raise ValidationError({"basis": f"Handling {head} finns inte i ärendet."})
        else:
            entries.append(BasisInput(line))
    return entries


def _recipients(request: HttpRequest, memo: Memo, text: str) -> list[RecipientInput]:
    """Recipient lines: an organization's name or a member as "Name (Party)" is recognised,
    anything else is free text."""
    organizations = {
        o.name.casefold(): o
        for o in organization_list(viewer=request.user).filter(body=memo.case.body)
    }
    people = {str(p).casefold(): p for p in person_list(viewer=request.user)}
    result = []
    for line in _lines(text):
        key = line.casefold()
        if key in organizations:
            result.append(
                RecipientInput(RecipientKind.ORGANIZATION, organization=organizations[key])
            )
        elif key in people:
            result.append(RecipientInput(RecipientKind.PERSON, person=people[key]))
        else:
            result.append(RecipientInput(RecipientKind.TEXT, text=line))
    return result


@login_required
@permission_required(WRITE_MEMOS)
def memo_edit(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    item = _item(request, pk, number)
    memo = _memo(request, item)
    form = MemoForm(request.POST or None, initial=_initial(memo))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            memo_update(
                actor=request_actor(request),
                memo=memo,
                title=data["title"],
                formula=data["formula"],
                clauses=split_clauses(data["clauses"]),
                sections={key.value: data[f"section_{key.value}"] for key in SectionKey},
                basis=_basis(request, memo, data["basis"]),
                recipients=_recipients(request, memo, data["recipients"]),
                signatory_name=data["signatory_name"],
                signatory_title=data["signatory_title"],
                unit=data["unit"],
                official_name=data["official_name"],
                meeting_date=data["meeting_date"],
                case_number=data["case_number"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "PM:et sparades.")
            return redirect("meetings:memo_detail", pk=pk, number=number)
    return render(
        request,
        "meetings/memo_edit.html",
        {"form": form, "item": item, "meeting": item.meeting, "nav": "meetings"},
    )
