"""Writes for seats (uppdrag): give a seat, end it, give back an ended seat's days, set the
substitutes' order.

History is kept: a person who leaves has their seat ended on a day, and whoever comes gets a
new seat from a day; nothing is deleted."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from kansli.core.audit import audit_record
from kansli.core.models import User

from .. import rules
from ..models import Membership, MembershipRole, Organization, Person, Term
from ..models.membership import CHAIR_ROLES
from ..selectors import overlapping_seats, seated_substitute_orders, seated_substitutes
from ._common import require_manager


def _dates(start: datetime.date, end: datetime.date | None) -> str:
    return f"{start.isoformat()}–{end.isoformat() if end else ''}"


def _check_term(
    term: Term, organization: Organization, start: datetime.date, end: datetime.date | None
) -> None:
    if term.body_id != organization.body_id:
        raise ValidationError({"term": "Mandatperioden hör till en annan huvudman än organet."})
    if not rules.period_within_term(start, end, term.start, term.end):
        field = "start" if start < term.start else "end"
        raise ValidationError(
            {
                field: f"Uppdraget ({_dates(start, end)}) måste ligga inom mandatperioden "
                f"{term} ({_dates(term.start, term.end)})."
            }
        )


@transaction.atomic
def membership_create(
    *,
    actor: User | None,
    person: Person,
    organization: Organization,
    role: MembershipRole | str,
    start: datetime.date,
    end: datetime.date | None = None,
    term: Term | None = None,
    substitute_order: int | None = None,
    replaces: Membership | None = None,
) -> Membership:
    """Give a person a seat. Refused: an end before the start; a seat of a term that begins
    before or ends after it (a seat of a term without an end lasts until the term ends); a person
    who already has a seat in the organization at the same time; a second holder of a chair
    role (ordförande, vice, 2:e vice) at the same time; a substitute's place that someone of
    the party has or that leaves a gap. The seat this one `replaces` (a by-election: the old
    seat ends the day the new begins) does not count."""
    require_manager(actor)
    role = MembershipRole(role)
    if not rules.period_is_ordered(start, end):
        raise ValidationError({"end": "Uppdraget kan inte sluta innan det börjar."})
    if term is not None:
        _check_term(term, organization, start, end)
    # Lock the organization so two concurrent appointments to one seat serialise.
    Organization.objects.select_for_update().get(pk=organization.pk)
    exclude_pk = replaces.pk if replaces else None
    last = end if end is not None or term is None else term.end
    if replaces is None:
        _refuse_second_seat(organization, person, start, last)
    if role in CHAIR_ROLES:
        _refuse_second_chair(organization, role, start, last, exclude_pk)
    substitute_order = _substitute_order(organization, person, role, start, last, substitute_order)
    membership = Membership(
        person=person,
        organization=organization,
        role=role,
        start=start,
        end=end,
        term=term,
        substitute_order=substitute_order,
    )
    membership.full_clean()
    membership.save()
    audit_record(
        actor=actor,
        action="membership_create",
        obj=membership,
        summary=f"{person} blev {role.label.lower()} i {organization}"
        + (f" (ersättare nr {substitute_order})" if substitute_order else "")
        + f", {_dates(start, end)}.",
        scope=f"person:{person.pk}",
    )
    return membership


def _refuse_second_seat(
    organization: Organization, person: Person, start: datetime.date, end: datetime.date | None
) -> None:
    other = overlapping_seats(organization, start, end).filter(person=person).first()
    if other is not None:
        raise ValidationError(
            f"{person} har redan ett uppdrag i {organization} under perioden: "
            f"{other.get_role_display().lower()} {_dates(other.start, other.last_day)}. "
            "Avsluta det uppdraget först om personen byter roll."
        )


def _refuse_second_chair(
    organization: Organization,
    role: MembershipRole,
    start: datetime.date,
    end: datetime.date | None,
    exclude_pk: int | None,
) -> None:
    other = overlapping_seats(organization, start, end, exclude_pk).filter(role=role).first()
    if other is not None:
        raise ValidationError(
            {
                "role": f"{organization} har redan en {role.label.lower()} under perioden: "
                f"{other.person} ({_dates(other.start, other.last_day)})."
            }
        )


def _substitute_order(
    organization: Organization,
    person: Person,
    role: MembershipRole,
    start: datetime.date,
    end: datetime.date | None,
    order: int | None,
) -> int | None:
    if role != MembershipRole.SUBSTITUTE:
        if order is not None:
            raise ValidationError(
                {"substitute_order": "Ordning anges bara för ersättare; lämna den tom."}
            )
        return None
    taken = seated_substitute_orders(organization, person.party, start, end)
    if order is None:
        return max(taken, default=0) + 1
    if not rules.substitute_order_may_be_added(taken, order):
        party = person.party.code if person.party else "partilösa"
        places = ", ".join(str(n) for n in sorted(taken)) or "inga"
        raise ValidationError(
            {
                "substitute_order": f"Ersättare nr {order} går inte för {party} i "
                f"{organization}: platserna {places} är tagna under perioden, och en ny "
                f"ersättare kan få nr {max(taken, default=0) + 1} eller en ledig plats. "
                "Ändra sedan hela ordningen under ”Ändra ersättarnas ordning”."
            }
        )
    return order


@transaction.atomic
def membership_end(*, actor: User | None, membership: Membership, end: datetime.date) -> Membership:
    """End a seat on a given day (a person leaves, a resignation granted, a term over): the
    last day the person holds it. The seat stays, with its end date."""
    require_manager(actor)
    membership = (
        Membership.objects.select_for_update(of=("self",))
        .select_related("term", "person", "organization")
        .get(pk=membership.pk)
    )
    if not rules.period_is_ordered(membership.start, end):
        raise ValidationError({"end": "Uppdraget kan inte sluta innan det börjar."})
    term = membership.term
    if term is not None and end > term.end:
        raise ValidationError(
            {
                "end": f"Uppdraget kan inte sluta efter mandatperiodens sista dag "
                f"({term.end.isoformat()})."
            }
        )
    before = membership.end
    membership.end = end
    membership.full_clean()
    membership.save(update_fields=["end"])
    audit_record(
        actor=actor,
        action="membership_end",
        obj=membership,
        summary=f"Avslutade uppdraget {membership} per {end.isoformat()}.",
        changes={"end": [str(before) if before else None, end.isoformat()]},
        scope=f"person:{membership.person_id}",
    )
    return membership


@transaction.atomic
def membership_reinstate(
    *, actor: User | None, membership: Membership, end: datetime.date | None
) -> Membership:
    """Give back the days of a seat ended early: its end moved to a later `end`, or removed
    (None: the seat runs to its term's end), as when fullmäktige lets a holder who is no longer
    eligible keep the seat (KL 4 kap. 7 §). Refused when, in the days given back, the person
    has another seat in the organization, someone else holds its chair role, or another of
    the party's substitutes has its place."""
    require_manager(actor)
    membership = (
        Membership.objects.select_for_update(of=("self",))
        .select_related("term", "person__party", "organization")
        .get(pk=membership.pk)
    )
    before = membership.end
    if before is None:
        raise ValidationError("Uppdraget har inget slutdatum; det finns inget att återställa.")
    if end is not None and end <= before:
        raise ValidationError({"end": f"Uppdraget slutar redan {before.isoformat()}."})
    term = membership.term
    if term is not None and end is not None and end > term.end:
        raise ValidationError(
            {
                "end": f"Uppdraget kan inte sluta efter mandatperiodens sista dag "
                f"({term.end.isoformat()})."
            }
        )
    organization = membership.organization
    Organization.objects.select_for_update().get(pk=organization.pk)
    first = before + datetime.timedelta(days=1)
    last = end if end is not None or term is None else term.end
    _refuse_second_seat(organization, membership.person, first, last)
    role = MembershipRole(membership.role)
    if role in CHAIR_ROLES:
        _refuse_second_chair(organization, role, first, last, membership.pk)
    order = membership.substitute_order
    party = membership.person.party
    if role == MembershipRole.SUBSTITUTE and order is not None:
        taken = seated_substitute_orders(organization, party, first, last)
        if order in taken:
            raise ValidationError(
                f"En annan ersättare har plats nr {order} i {organization} efter "
                f"{before.isoformat()}. Ändra ersättarnas ordning först."
            )
    membership.end = end
    membership.full_clean()
    membership.save(update_fields=["end"])
    until = end.isoformat() if end else "mandatperiodens slut"
    audit_record(
        actor=actor,
        action="membership_reinstate",
        obj=membership,
        summary=f"Uppdraget {membership} gäller igen till {until} (slutade {before.isoformat()}).",
        changes={"end": [before.isoformat(), end.isoformat() if end else None]},
        scope=f"person:{membership.person_id}",
    )
    return membership


@transaction.atomic
def substitutes_reorder(
    *,
    actor: User | None,
    organization: Organization,
    term: Term,
    day: datetime.date,
    orders: dict[int, int],
) -> int:
    """Give the organization's substitutes of the term seated on `day` — all of them — the
    places `orders` (seat pk → place), checked as a whole: each party's places are 1..n with
    no gap and no duplicate (rules.substitute_order_faults). Returns how many changed."""
    require_manager(actor)
    Organization.objects.select_for_update().get(pk=organization.pk)
    current = {
        m.pk: m
        for m in seated_substitutes(viewer=actor, term=term, organization=organization, day=day)
    }
    if set(orders) != set(current):
        raise ValidationError(
            "Ersättarna har ändrats sedan sidan visades. Ladda om sidan och försök igen."
        )
    by_party: dict[str, list[int]] = {}
    for pk, seat in current.items():
        code = seat.person.party.code if seat.person.party else "utan parti"
        by_party.setdefault(code, []).append(orders[pk])
    problems = []
    for code, places in sorted(by_party.items()):
        duplicates, missing = rules.substitute_order_faults(places)
        if duplicates or missing:
            parts = (
                [f"nr {', '.join(map(str, duplicates))} finns flera gånger"] if duplicates else []
            )
            parts += [f"nr {', '.join(map(str, missing))} saknas"] if missing else []
            problems.append(
                f"Ersättarna för {code}: {' och '.join(parts)}. Ordningen ska vara "
                f"1–{len(places)} utan luckor och utan dubbletter."
            )
    if problems:
        raise ValidationError(problems)
    changes = {}
    for pk, seat in current.items():
        if seat.substitute_order != orders[pk]:
            changes[str(seat.person)] = [str(seat.substitute_order), str(orders[pk])]
            seat.substitute_order = orders[pk]
            seat.save(update_fields=["substitute_order"])
    if changes:
        audit_record(
            actor=actor,
            action="substitutes_reorder",
            obj=organization,
            summary=f"Ändrade ersättarnas ordning i {organization}.",
            scope=f"organization:{organization.pk}",
            changes=changes,
        )
    return len(changes)
