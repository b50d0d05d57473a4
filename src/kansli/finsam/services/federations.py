"""Federations and their members, with the members' seats on the board."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from kansli.core.audit import audit_record
from kansli.core.models import User
from kansli.people.models import Body

from .. import rules
from ..models import Federation, FederationMember, MemberKind, SplitRule
from ._guard import require_finsam, scope_of


def _one_line(text: str) -> str:
    return " ".join(text.split())


_FEDERATION_FIELDS = ("name", "short_name", "aliases", "seat", "split_rule")
_MEMBER_FIELDS = ("name", "board_members", "board_substitutes", "fixed_share")


def _snapshot(obj: object, fields: tuple[str, ...]) -> dict[str, object]:
    def plain(value: object) -> object:
        return str(value) if isinstance(value, Decimal) else value

    return {name: plain(getattr(obj, name)) for name in fields}


def _changes(before: dict[str, object], after: dict[str, object]) -> dict[str, object]:
    """The fields that changed, as [before, after] (the audit's form)."""
    return {k: [before[k], after[k]] for k in before if before[k] != after[k]}


def _check_names(federation: Federation) -> None:
    """No two federations of a body share a name, short name or alias (they are looked up
    by any of them in the CSV files and on the command line)."""
    others = Federation.objects.filter(body=federation.body).exclude(pk=federation.pk)
    taken = {n.casefold() for f in others for n in f.names}
    clash = [n for n in federation.names if n.casefold() in taken]
    if clash:
        raise ValidationError(f"Namnet ”{clash[0]}” används redan av ett annat förbund.")


def _fill(
    federation: Federation,
    *,
    name: str,
    short_name: str,
    aliases: list[str] | None,
    seat: str,
    split_rule: str,
) -> None:
    federation.name = _one_line(name)
    federation.short_name = _one_line(short_name)
    known = {federation.name.casefold(), federation.short_name.casefold()}
    federation.aliases = []
    for alias in (_one_line(a) for a in aliases or []):
        if alias and alias.casefold() not in known:  # a repeated name is said once
            federation.aliases.append(alias)
            known.add(alias.casefold())
    federation.seat = _one_line(seat)
    federation.split_rule = split_rule
    federation.full_clean()
    _check_names(federation)


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
    federation = Federation(body=body)
    _fill(
        federation,
        name=name,
        short_name=short_name,
        aliases=aliases,
        seat=seat,
        split_rule=split_rule,
    )
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
def federation_update(
    *,
    actor: User | None,
    federation: Federation,
    name: str,
    short_name: str,
    aliases: list[str] | None = None,
    seat: str = "",
    split_rule: str = SplitRule.POPULATION,
) -> Federation:
    require_finsam(actor)
    federation = Federation.objects.select_for_update().get(pk=federation.pk)
    before = _snapshot(federation, _FEDERATION_FIELDS)
    was_fixed = federation.split_rule == SplitRule.FIXED
    _fill(
        federation,
        name=name,
        short_name=short_name,
        aliases=aliases,
        seat=seat,
        split_rule=split_rule,
    )
    problem = "" if was_fixed else fixed_shares_problem(federation)  # checked on the switch
    if problem:
        raise ValidationError(problem)
    federation.save()
    audit_record(
        actor=actor,
        action="federation_update",
        obj=federation,
        scope=scope_of(federation),
        summary=f"Ändrade uppgifterna om {federation.name}.",
        changes=_changes(before, _snapshot(federation, _FEDERATION_FIELDS)),
    )
    return federation


def fixed_shares_problem(federation: Federation) -> str:
    """With fixed shares, every municipality needs one (the förbundsordning gives them all);
    empty when the shares are complete or the split is by population."""
    if federation.split_rule != SplitRule.FIXED:
        return ""
    municipalities = list(federation.members.filter(kind=MemberKind.MUNICIPALITY))
    missing = [m.name for m in municipalities if m.fixed_share is None]
    if missing:
        return (
            "Med fasta andelar behöver varje kommun sin andel. Ange andelen för "
            + ", ".join(missing)
            + " först."
        )
    problem = rules.fixed_shares_sum_problem(
        [m.fixed_share for m in municipalities if m.fixed_share]
    )
    return f"{problem} Rätta andelarna först." if problem else ""


def _check_member(member: FederationMember, *, board_members: int, board_substitutes: int) -> None:
    federation = member.federation
    if not member.name:
        raise ValidationError("Ange medlemmens namn.")
    if (
        member.kind == MemberKind.REGION
        and federation.members.filter(kind=MemberKind.REGION).exclude(pk=member.pk).exists()
    ):
        raise ValidationError("Förbundet har redan en region som medlem.")
    share = member.fixed_share
    if share is not None and not Decimal(0) < share <= Decimal(1):
        raise ValidationError("En fast andel ska vara större än 0 och högst 1 (till exempel 0,25).")
    if board_members < 1 or board_substitutes < 1:
        raise ValidationError("Varje medlem har minst en ledamot och en ersättare i styrelsen.")
    if board_members > 20 or board_substitutes > 20:
        raise ValidationError("En medlem har högst 20 ledamöter och 20 ersättare i styrelsen.")
    if (
        FederationMember.objects.filter(federation=federation, name__iexact=member.name)
        .exclude(pk=member.pk)
        .exists()
    ):
        raise ValidationError(f"{member.name} är redan medlem i {federation.name}.")
    member.full_clean()


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
    member = FederationMember(
        federation=federation,
        kind=kind,
        name=_one_line(name),
        board_members=board_members,
        board_substitutes=board_substitutes,
        fixed_share=fixed_share if kind == MemberKind.MUNICIPALITY else None,
    )
    _check_member(member, board_members=board_members, board_substitutes=board_substitutes)
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
def federation_member_update(
    *,
    actor: User | None,
    member: FederationMember,
    name: str,
    board_members: int,
    board_substitutes: int,
    fixed_share: Decimal | None = None,
) -> FederationMember:
    """A member's name, seats on the board and fixed share; its kind does not change."""
    require_finsam(actor)
    member = FederationMember.objects.select_for_update().get(pk=member.pk)
    before = _snapshot(member, _MEMBER_FIELDS)
    member.name = _one_line(name)
    member.board_members = board_members
    member.board_substitutes = board_substitutes
    member.fixed_share = fixed_share if member.is_municipality else None
    _check_member(member, board_members=board_members, board_substitutes=board_substitutes)
    member.save()
    audit_record(
        actor=actor,
        action="federation_member_update",
        obj=member,
        scope=scope_of(member.federation),
        summary=f"Ändrade uppgifterna om medlemmen {member.name} i {member.federation.name}.",
        changes=_changes(before, _snapshot(member, _MEMBER_FIELDS)),
    )
    return member
