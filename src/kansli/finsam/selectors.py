"""Reads of the Finsam module. Federations, the state's amounts and the follow-up figures
come from public decisions and annual reports: nothing here is secret, so every viewer may
read them (like meetings); the viewer is taken so that the rule can tighten in one place."""

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet

from kansli.core.roles import Viewer
from kansli.people.models import Body

from . import rules
from .models import (
    BoardAppointment,
    CharterVersion,
    Federation,
    FederationMember,
    FollowUp,
    MemberKind,
    StateAllocation,
)


def federation_list(*, viewer: Viewer | None, body: Body) -> QuerySet[Federation]:
    return Federation.objects.filter(body=body).prefetch_related(
        "members", "charters__adoptions", "board_terms"
    )


def federation_get(*, viewer: Viewer | None, body: Body, pk: int) -> Federation:
    """One federation with everything its page shows; DoesNotExist when not the body's."""
    return Federation.objects.prefetch_related(
        "members__populations",
        "board_terms__appointments__member",
        "charters__adoptions__member",
        "state_allocations",
    ).get(body=body, pk=pk)


def municipalities(*, viewer: Viewer | None, body: Body) -> QuerySet[FederationMember]:
    """Every municipality that is a member of one of the body's federations."""
    return FederationMember.objects.filter(
        federation__body=body, kind=MemberKind.MUNICIPALITY
    ).select_related("federation")


def appointment_get(*, viewer: Viewer | None, federation: Federation, pk: int) -> BoardAppointment:
    """One appointment to a board of `federation`; DoesNotExist for another federation's."""
    return BoardAppointment.objects.select_related("term", "member").get(
        pk=pk, term__federation=federation
    )


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


def state_amounts(
    *, viewer: Viewer | None, federations: list[Federation], year: int
) -> dict[Federation, int]:
    """The state's amounts recorded for `year`, per federation."""
    found = StateAllocation.objects.filter(federation__in=federations, year=year)
    by_pk = {federation.pk: federation for federation in federations}
    return {by_pk[a.federation_id]: a.amount for a in found}


@dataclass
class CharterState:
    charter: CharterVersion
    in_force: datetime.date | None
    waiting: list[str]


def charter_states(federation: Federation) -> list[CharterState]:
    """Each förbundsordning with the day it took effect, or who has not adopted it yet
    (rules.charter_in_force). Reads the federation's prefetched members and charters."""
    members = list(federation.members.all())
    states = []
    for charter in federation.charters.all():
        adopted = {a.member_id: a.adopted_on for a in charter.adoptions.all()}
        states.append(
            CharterState(
                charter=charter,
                in_force=rules.charter_in_force([m.pk for m in members], adopted),
                waiting=[m.name for m in members if m.pk not in adopted],
            )
        )
    return states
