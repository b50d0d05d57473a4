"""A federation's board for a term of office, and who each member appointed to it."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from kansli.core.audit import audit_record
from kansli.core.models import User

from ..models import BoardAppointment, BoardRole, BoardTerm, Federation, FederationMember
from ._guard import require_finsam, scope_of


@transaction.atomic
def board_term_create(
    *,
    actor: User | None,
    federation: Federation,
    start: datetime.date,
    end: datetime.date,
    members: int,
    substitutes: int,
    qualified_majority: str = "",
) -> BoardTerm:
    require_finsam(actor)
    if end < start:
        raise ValidationError("Mandatperioden slutar före den börjar.")
    if members < 1 or substitutes < 0:
        raise ValidationError("Styrelsen har minst en ledamot, och antalet ersättare är ≥ 0.")
    overlapping = BoardTerm.objects.filter(federation=federation, start__lte=end, end__gte=start)
    if overlapping.exists():
        other = overlapping.first()
        assert other is not None
        raise ValidationError(
            f"Mandatperioden överlappar styrelsen {other.start.isoformat()}–"
            f"{other.end.isoformat()}."
        )
    term = BoardTerm(
        federation=federation,
        start=start,
        end=end,
        members=members,
        substitutes=substitutes,
        qualified_majority=" ".join(qualified_majority.split()),
    )
    term.full_clean()
    term.save()
    audit_record(
        actor=actor,
        action="board_term_create",
        obj=term,
        scope=scope_of(federation),
        summary=f"Styrelse {start.isoformat()}–{end.isoformat()}: {members} ledamöter och "
        f"{substitutes} ersättare.",
    )
    return term


def _count(n: int, role: str) -> str:
    """ "1 ledamot", "2 ledamöter", "1 ersättare", "3 ersättare"."""
    if role == BoardRole.MEMBER:
        return f"{n} {'ledamot' if n == 1 else 'ledamöter'}"
    return f"{n} ersättare"


def _seats(member: FederationMember, role: str) -> int:
    return member.board_members if role == BoardRole.MEMBER else member.board_substitutes


@transaction.atomic
def board_appointment_add(
    *,
    actor: User | None,
    term: BoardTerm,
    member: FederationMember,
    role: str,
    name: str,
) -> BoardAppointment:
    """A person a member appointed to the board for the term, within the member's seats
    and the board's size."""
    require_finsam(actor)
    term = BoardTerm.objects.select_for_update().get(pk=term.pk)
    if member.federation_id != term.federation_id:
        raise ValidationError(f"{member.name} är inte medlem i {term.federation.name}.")
    if role not in BoardRole.values:
        raise ValidationError("Välj ledamot eller ersättare.")
    name = " ".join(name.split())
    if not name:
        raise ValidationError("Ange namnet på den som utsetts.")
    label = BoardRole(role).label.lower()
    taken = BoardAppointment.objects.filter(term=term, member=member, role=role)
    seats = _seats(member, role)
    if taken.count() >= seats:
        filled = (
            "den platsen är redan tillsatt" if seats == 1 else "alla platserna är redan tillsatta"
        )
        raise ValidationError(
            f"{member.name} utser {_count(seats, role)} i styrelsen, och {filled}."
        )
    size = term.members if role == BoardRole.MEMBER else term.substitutes
    if BoardAppointment.objects.filter(term=term, role=role).count() >= size:
        if size == 0:
            raise ValidationError(f"Styrelsen har inga platser som {label}.")
        raise ValidationError(f"Styrelsen har bara {_count(size, role)}, och alla är tillsatta.")
    if taken.filter(name__iexact=name).exists():
        raise ValidationError(f"{name} är redan utsedd till {label} av {member.name}.")
    appointment = BoardAppointment(term=term, member=member, role=role, name=name)
    appointment.full_clean()
    appointment.save()
    audit_record(
        actor=actor,
        action="board_appointment_add",
        obj=appointment,
        scope=scope_of(term.federation),
        summary=f"{member.name} utsåg {name} till {label} i styrelsen för "
        f"{term.federation.name} {term.start.year}–{term.end.year}.",
    )
    return appointment


@transaction.atomic
def board_appointment_remove(*, actor: User | None, appointment: BoardAppointment) -> None:
    """Ends an appointment entered by mistake or left early; the audit row keeps it."""
    require_finsam(actor)
    term = appointment.term
    summary = (
        f"{appointment.name} ({appointment.get_role_display().lower()}, "
        f"{appointment.member.name}) togs bort ur styrelsen för {term.federation.name} "
        f"{term.start.year}–{term.end.year}."
    )
    audit_record(
        actor=actor,
        action="board_appointment_remove",
        obj=appointment,
        scope=scope_of(term.federation),
        summary=summary,
    )
    appointment.delete()
