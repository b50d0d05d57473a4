"""Browsing the organisation: bodies, their members and substitutes, and people's seats."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from kansli.core.http import day_param, found_or_404, search_text

from . import selectors


def organization_list(request: HttpRequest) -> HttpResponse:
    organizations = selectors.organization_list(viewer=request.user)
    return render(
        request,
        "people/organization_list.html",
        {"organizations": organizations, "nav": "organizations"},
    )


def organization_detail(request: HttpRequest, pk: int) -> HttpResponse:
    organization = found_or_404(lambda: selectors.organization_get(viewer=request.user, pk=pk))
    day, day_error = day_param(request)
    members, substitutes = selectors.memberships_on(
        viewer=request.user, organization=organization, day=day
    )
    history = selectors.membership_history(viewer=request.user, organization=organization)
    return render(
        request,
        "people/organization_detail.html",
        {
            "organization": organization,
            "members": members,
            "substitutes": substitutes,
            "history": history,
            "day": day,
            "day_error": day_error,
            "nav": "organizations",
        },
    )


def person_list(request: HttpRequest) -> HttpResponse:
    query = search_text(request)
    people = selectors.person_list(viewer=request.user, query=query)
    return render(
        request, "people/person_list.html", {"people": people, "query": query, "nav": "people"}
    )


def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = found_or_404(lambda: selectors.person_get(viewer=request.user, pk=pk))
    return render(
        request,
        "people/person_detail.html",
        {"person": person, "today": timezone.localdate(), "nav": "people"},
    )
