"""The review queue: officials confirm or adjust what Kansli masks before a document is
published."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from kansli.core.http import found_or_404
from kansli.core.roles import is_staff_member, request_actor

from . import review_pages, selectors, services
from .models import Finding


@login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    if not is_staff_member(request.user):
        raise PermissionDenied("Granskningskön är till för handläggare och registratorer.")
    return render(
        request,
        "publishing/review_queue.html",
        {"publications": selectors.review_queue(viewer=request.user)[:200], "nav": "review"},
    )


@login_required
def review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    publication = found_or_404(lambda: selectors.publication_get(viewer=request.user, pk=pk))
    actor = request_actor(request)
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "approve":
                services.publication_approve(actor=actor, publication=publication)
                messages.success(request, "Handlingen är godkänd och publiceras.")
                return redirect("review:queue")
            if action == "reopen":
                services.publication_reopen(actor=actor, publication=publication)
                messages.success(request, "Handlingen är tillbaka i granskningskön.")
            elif action == "add":
                added = services.finding_add(
                    actor=actor, publication=publication, text=request.POST.get("text", "")
                )
                messages.success(request, f"{len(added)} förekomster maskeras.")
            elif action in ("mask", "release"):
                finding = found_or_404(
                    lambda: Finding.objects.get(
                        pk=int(request.POST.get("finding", "0") or 0), publication=publication
                    )
                )
                services.finding_set_masked(actor=actor, finding=finding, masked=action == "mask")
            else:
                messages.error(request, "Okänd åtgärd.")
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        except ValueError:
            messages.error(request, "Ogiltigt fynd.")
        return redirect("review:detail", pk=publication.pk)
    return render(
        request,
        "publishing/review_detail.html",
        {
            "publication": publication,
            "document": publication.document,
            "findings": review_pages.findings_page(publication, request.GET.get("fynd")),
            "text": review_pages.text_page(publication, request.GET.get("text")),
            "nav": "review",
        },
    )
