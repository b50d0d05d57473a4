"""Reads of the Finsam module. Federations, the state's amounts and the follow-up figures
come from public decisions and annual reports: nothing here is secret, so every viewer may
read them (like meetings); the viewer is taken so that the rule can tighten in one place."""

from django.db.models import QuerySet

from kansli.core.roles import Viewer
from kansli.people.models import Body

from .models import Federation, FollowUp


def federation_list(*, viewer: Viewer | None, body: Body) -> QuerySet[Federation]:
    return Federation.objects.filter(body=body).prefetch_related("members")


def federation_by_name(*, viewer: Viewer | None, body: Body, name: str) -> Federation | None:
    """The federation called `name`: its name, short name or any alias, ignoring case and
    spacing."""
    wanted = " ".join(name.split()).casefold()
    for federation in federation_list(viewer=viewer, body=body):
        if wanted in {" ".join(n.split()).casefold() for n in federation.names}:
            return federation
    return None


def follow_ups(*, viewer: Viewer | None, body: Body) -> QuerySet[FollowUp]:
    return (
        FollowUp.objects.filter(federation__body=body)
        .select_related("federation")
        .prefetch_related("extra_funds")
        .order_by("federation__name", "year")
    )
