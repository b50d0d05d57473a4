"""What the Finsam pages share: finding the federation of the address, and a form page that
calls a service and shows its refusal."""

from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from kansli.core.form_page import Save
from kansli.core.form_page import form_page as core_form_page
from kansli.core.forms import KansliForm
from kansli.core.http import found_or_404
from kansli.people.selectors import default_body

from . import selectors
from .models import Federation


def federation_or_404(request: HttpRequest, pk: int) -> Federation:
    return found_or_404(
        lambda: selectors.federation_get(viewer=request.user, body=default_body(), pk=pk)
    )


def detail_url(federation: Federation, anchor: str = "") -> str:
    url = reverse("finsam:federation_detail", args=[federation.pk])
    return f"{url}#{anchor}" if anchor else url


def form_page(
    request: HttpRequest,
    *,
    form: KansliForm,
    title: str,
    lead: str,
    save: Save,
    cancel: str,
    federation: Federation | None = None,
) -> HttpResponse:
    """A Finsam form page (core.form_page), with the federation's breadcrumb."""
    context = {
        "title": title,
        "lead": lead,
        "cancel": cancel,
        "federation": federation,
        "nav": "finsam",
    }
    return core_form_page(
        request, form=form, template="finsam/federation_form.html", context=context, save=save
    )
