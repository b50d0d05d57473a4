"""Reads of motions and citizen proposals, with their time limits. The pages are for staff
and elected members; a citizen proposal's proposer is a private person, and where the public
reads, only a consenting proposer is named (Initiative.public_proposer)."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import QuerySet

from kansli.core.deadlines import DeadlineState
from kansli.core.roles import Viewer
from kansli.meetings.models import Meeting
from kansli.minutes.selectors import meetings_open
from kansli.people.models import Body, OrganizationKind
from kansli.registry.selectors import case_list

from . import rules
from .limits import deadline_of
from .models import Initiative, InitiativeKind, InitiativeStatus


@dataclass(frozen=True)
class InitiativeRow:
    initiative: Initiative
    deadline: datetime.date
    state: DeadlineState | None  # None once decided
    days_left: int
    missing: tuple[str, ...] = ()  # missing_facts: "uppgifter saknas"


def missing_facts(initiative: Initiative) -> tuple[str, ...]:
    """What an initiative registered in the registry (services.initiative_from_case) still
    lacks: a motion its authors, a citizen proposal its proposer."""
    if initiative.is_motion:
        return () if initiative.authors.all() else ("motionärer",)
    return () if initiative.proposer_name else ("förslagsställare",)


def next_steps_of(initiative: Initiative) -> frozenset[rules.Step]:
    """The steps that may follow where the initiative is (rules.next_steps)."""
    return rules.next_steps(
        status=initiative.status,
        is_motion=initiative.is_motion,
        facts_missing=bool(missing_facts(initiative)),
        has_proposer_name=bool(initiative.proposer_name),
    )


def initiative_list(*, viewer: Viewer | None, body: Body) -> QuerySet[Initiative]:
    return (
        Initiative.objects.filter(body=body)
        .select_related(
            "case",
            "referred_to",
            "delegated_to",
            "announced_item__meeting",
        )
        .prefetch_related("authors__party", "reports__meeting__organization")
    )


def initiative_get(*, viewer: Viewer | None, body: Body, pk: int) -> Initiative:
    return initiative_list(viewer=viewer, body=body).get(pk=pk)


def rows(
    initiatives: QuerySet[Initiative] | list[Initiative], today: datetime.date
) -> list[InitiativeRow]:
    warn = settings.KANSLI_INITIATIVE_WARN_DAYS
    result = []
    for initiative in initiatives:
        deadline = deadline_of(initiative)
        decided = initiative.status == InitiativeStatus.DECIDED
        state = None if decided else rules.deadline_state(deadline, today, warn)
        result.append(
            InitiativeRow(
                initiative, deadline, state, (deadline - today).days, missing_facts(initiative)
            )
        )
    return result


def not_prepared(*, viewer: Viewer | None, body: Body, on: datetime.date) -> list[InitiativeRow]:
    """The report to fullmäktige (KL 5 kap. 35 §): initiatives whose limit had passed on `on`
    without a decision by then, oldest first."""
    found = [
        row
        for row in rows(initiative_list(viewer=viewer, body=body), on)
        if rules.not_prepared_within_limit(row.deadline, row.initiative.decided_on, on)
    ]
    return sorted(found, key=lambda row: (row.deadline, row.initiative.case.number))


def report_meetings(*, viewer: Viewer | None, body: Body) -> QuerySet[Meeting]:
    """The council meetings the report of undecided initiatives can be put on: those whose
    minutes are not adjusted."""
    return meetings_open(viewer=viewer, body=body).filter(
        organization__kind=OrganizationKind.COUNCIL
    )


def public_initiatives(
    *, viewer: Viewer | None, body: Body, kind: str = ""
) -> QuerySet[Initiative]:
    """Motions and citizen proposals in cases the viewer may know of and not under secrecy,
    newest first: for the public portal, which shows who they are from through
    Initiative.public_from only."""
    found = (
        Initiative.objects.filter(
            body=body, case__in=case_list(viewer=viewer).values("pk"), case__secrecy=""
        )
        .select_related("case", "referred_to", "delegated_to")
        .prefetch_related("authors__party")
    )
    if kind in InitiativeKind.values:
        found = found.filter(kind=kind)
    return found.order_by("-received_on", "-pk")
