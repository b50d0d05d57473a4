"""Federations, their members, populations, board terms and förbundsordningar."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from kansli.core.audit import audit_record
from kansli.core.models import User
from kansli.people.models import Body

from ..models import (
    BoardTerm,
    CharterAdoption,
    CharterVersion,
    Federation,
    FederationMember,
    MemberKind,
    Population,
    SplitRule,
)
from ._guard import require_finsam, scope_of


@transaction.atomic
def federation_create(
    *,
    actor: User | None,
    body: Body,
    name: str,
    short_name: str,
    aliases: list[str] | None = None,
    seat: str = "",
    split_rule: str = SplitRule.POPULATION,
) -> Federation:
    require_finsam(actor)
    clean_aliases = [" ".join(a.split()) for a in aliases or [] if a.strip()]
    federation = Federation(
        body=body,
        name=" ".join(name.split()),
        short_name=" ".join(short_name.split()),
        aliases=clean_aliases,
        seat=" ".join(seat.split()),
        split_rule=split_rule,
    )
    federation.full_clean()
    taken = {n.casefold() for f in Federation.objects.filter(body=body) for n in f.names}
    clash = [n for n in federation.names if n.casefold() in taken]
    if clash:
        raise ValidationError(f"Namnet ”{clash[0]}” används redan av ett annat förbund.")
    federation.save()
    audit_record(
        actor=actor,
        action="federation_create",
        obj=federation,
        scope=scope_of(federation),
        summary=f"Lade upp samordningsförbundet {federation.name} ({federation.short_name}).",
    )
    return federation


@transaction.atomic
def federation_member_add(
    *,
    actor: User | None,
    federation: Federation,
    kind: str,
    name: str,
    board_members: int = 1,
    board_substitutes: int = 1,
    fixed_share: Decimal | None = None,
) -> FederationMember:
    require_finsam(actor)
    if kind == MemberKind.REGION and federation.members.filter(kind=MemberKind.REGION).exists():
        raise ValidationError("Förbundet har redan en region som medlem.")
    if fixed_share is not None and not Decimal(0) < fixed_share <= Decimal(1):
        raise ValidationError("En fast andel ska vara större än 0 och högst 1 (till exempel 0,25).")
    if board_members < 1 or board_substitutes < 1:
        raise ValidationError("Varje medlem har minst en ledamot och en ersättare i styrelsen.")
    member = FederationMember(
        federation=federation,
        kind=kind,
        name=" ".join(name.split()),
        board_members=board_members,
        board_substitutes=board_substitutes,
        fixed_share=fixed_share if kind == MemberKind.MUNICIPALITY else None,
    )
    member.full_clean()
    member.save()
    audit_record(
        actor=actor,
        action="federation_member_add",
        obj=member,
        scope=scope_of(federation),
        summary=f"{member.name} blev medlem i {federation.name}.",
    )
    return member


@transaction.atomic
def population_record(
    *, actor: User | None, member: FederationMember, on: datetime.date, inhabitants: int
) -> Population:
    require_finsam(actor)
    if not member.is_municipality:
        raise ValidationError(f"{member.name} är ingen kommun; invånarantal gäller kommuner.")
    if inhabitants <= 0:
        raise ValidationError("Invånarantalet ska vara ett positivt heltal.")
    population, _ = Population.objects.update_or_create(
        member=member, on=on, defaults={"inhabitants": inhabitants}
    )
    audit_record(
        actor=actor,
        action="population_record",
        obj=population,
        scope=scope_of(member.federation),
        summary=f"{member.name} hade {inhabitants} invånare den {on.isoformat()}.",
    )
    return population


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
    term = BoardTerm(
        federation=federation,
        start=start,
        end=end,
        members=members,
        substitutes=substitutes,
        qualified_majority=" ".join(qualified_majority.split()),
    )
    if end < start:
        raise ValidationError("Mandatperioden slutar före den börjar.")
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


@transaction.atomic
def charter_propose(
    *,
    actor: User | None,
    federation: Federation,
    title: str,
    proposed_on: datetime.date,
    case_number: str = "",
) -> CharterVersion:
    require_finsam(actor)
    charter = CharterVersion(
        federation=federation,
        title=" ".join(title.split()),
        proposed_on=proposed_on,
        case_number=" ".join(case_number.split()),
    )
    charter.full_clean()
    charter.save()
    audit_record(
        actor=actor,
        action="charter_propose",
        obj=charter,
        scope=scope_of(federation),
        summary=f"Förslag till förbundsordning för {federation.name}: {charter.title}.",
    )
    return charter


@transaction.atomic
def charter_adopt(
    *,
    actor: User | None,
    charter: CharterVersion,
    member: FederationMember,
    adopted_on: datetime.date,
    reference: str = "",
) -> CharterAdoption:
    require_finsam(actor)
    if member.federation_id != charter.federation_id:
        raise ValidationError(f"{member.name} är inte medlem i {charter.federation.name}.")
    if adopted_on < charter.proposed_on:
        raise ValidationError("En förbundsordning kan inte antas före förslagets datum.")
    if CharterAdoption.objects.filter(charter=charter, member=member).exists():
        raise ValidationError(f"{member.name} har redan antagit förbundsordningen.")
    adoption = CharterAdoption(
        charter=charter, member=member, adopted_on=adopted_on, reference=reference.strip()
    )
    adoption.full_clean()
    adoption.save()
    audit_record(
        actor=actor,
        action="charter_adopt",
        obj=adoption,
        scope=scope_of(charter.federation),
        summary=f"{member.name} antog {charter.title} den {adopted_on.isoformat()}.",
    )
    return adoption
