"""The municipalities' numbers of inhabitants: typed for one federation, or imported for all
from a CSV file (SCB's export or kommun,invånare)."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from kansli.core.permissions import permission_required
from kansli.core.roles import request_actor
from kansli.core.tabular.upload_field import formats_text
from kansli.people.selectors import default_body

from .. import selectors, services
from ..models import FederationMember
from ..pages import detail_url, federation_or_404, form_page
from ..permissions import MANAGE_FINSAM
from .population_csv import read_populations
from .population_forms import PopulationForm, PopulationImportForm, default_day


@login_required
@permission_required(MANAGE_FINSAM)
def population_edit(request: HttpRequest, pk: int) -> HttpResponse:
    federation = federation_or_404(request, pk)
    municipalities = [m for m in federation.members.all() if m.is_municipality]
    day = default_day(timezone.localdate())
    initial: dict[str, object] = {"on": day}
    for member in municipalities:
        known = next((p for p in member.populations.all() if p.on == day), None)
        if known is not None:
            initial[f"member_{member.pk}"] = known.inhabitants
    form = PopulationForm(request.POST or None, municipalities=municipalities, initial=initial)

    def save(data: dict[str, Any]) -> tuple[str, str]:
        saved = services.populations_record(
            actor=request_actor(request), on=data["on"], inhabitants=form.inhabitants()
        )
        return (
            f"Invånarantalet per {data['on'].isoformat()} sparades för {len(saved)} "
            f"kommun{'' if len(saved) == 1 else 'er'}.",
            detail_url(federation, "invanare"),
        )

    return form_page(
        request,
        form=form,
        title=f"Invånarantal i {federation.short_name}s kommuner",
        lead="Folkmängden enligt SCB. En kommun som lämnas tom ändras inte; ett tal som redan "
        "finns för dagen ersätts.",
        save=save,
        cancel=detail_url(federation, "invanare"),
        federation=federation,
    )


@login_required
@permission_required(MANAGE_FINSAM)
def population_import(request: HttpRequest) -> HttpResponse:
    body = default_body()
    form = PopulationImportForm(
        request.POST or None,
        request.FILES or None,
        initial={"on": default_day(timezone.localdate())},
    )
    result = None
    saved: list[tuple[FederationMember, int]] = []
    missing: list[FederationMember] = []
    if request.method == "POST" and form.is_valid():
        result = read_populations(viewer=request.user, body=body, data=form.cleaned_data["file"])
        if result.ok:
            services.populations_record(
                actor=request_actor(request),
                on=form.cleaned_data["on"],
                inhabitants=result.inhabitants,
            )
            saved = sorted(
                result.inhabitants.items(), key=lambda pair: (pair[0].federation.name, pair[0].name)
            )
            missing = list(
                selectors.municipalities(viewer=request.user, body=body).exclude(
                    pk__in=[m.pk for m in result.inhabitants]
                )
            )
    return render(
        request,
        "finsam/population_import.html",
        {
            "form": form,
            "result": result,
            "saved": saved,
            "missing": missing,
            "day": form.cleaned_data.get("on") if form.is_bound and form.is_valid() else None,
            "back": reverse("finsam:federation_list"),
            "formats": formats_text(),
            "nav": "finsam",
        },
    )
