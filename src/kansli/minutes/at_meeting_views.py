"""The agenda changed at the meeting, from the minutes page: an item added (it gets its
paragraph) or withdrawn (its paragraph says so)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from kansli.core.checks import one_line
from kansli.core.http import found_or_404
from kansli.core.permissions import permission_required
from kansli.core.roles import request_actor
from kansli.registry.models import Case
from kansli.registry.selectors import case_get_by_number

from . import selectors, services
from .permissions import KEEP_MINUTES
from .views import meeting_of, minutes_of, run


@login_required
@require_POST
@permission_required(KEEP_MINUTES)
def item_add(request: HttpRequest, pk: int) -> HttpResponse:
    minutes = minutes_of(request, meeting_of(request, pk))

    def add() -> None:
        number = one_line(request.POST.get("case_number", ""))[:40]
        case = None
        if number:
            try:
                case = case_get_by_number(
                    viewer=request.user, body=minutes.meeting.organization.body, number=number
                )
            except (ValueError, Case.DoesNotExist) as error:
                raise ValidationError(f"Inget ärende med diarienummer {number}.") from error
        services.minutes_item_add(
            actor=request_actor(request),
            minutes=minutes,
            title=request.POST.get("title", "")[:600],
            case=case,
            is_public=request.POST.get("is_public") == "on",
        )

    run(request, add, "Ärendet är tillagt i protokollet.")
    return redirect("minutes:minutes_detail", pk=pk)


@login_required
@require_POST
@permission_required(KEEP_MINUTES)
def paragraph_withdraw(request: HttpRequest, pk: int, paragraph_pk: int) -> HttpResponse:
    minutes = minutes_of(request, meeting_of(request, pk))
    paragraph = found_or_404(
        lambda: selectors.paragraph_get(viewer=request.user, minutes=minutes, pk=paragraph_pk)
    )
    run(
        request,
        lambda: services.paragraph_withdraw(
            actor=request_actor(request),
            paragraph=paragraph,
            reason=request.POST.get("reason", "")[:300],
        ),
        f"{paragraph.label}: ärendet utgick.",
    )
    return redirect("minutes:minutes_detail", pk=pk)
