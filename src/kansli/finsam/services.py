"""Writes of the Finsam module: federations, members, board terms, förbundsordningar, the
state's amounts, populations and follow-up figures. Each with actor and audit row in one
transaction; bad input is refused whole with a Swedish ValidationError."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from kansli.core.audit import audit_record
from kansli.core.models import User
from kansli.core.permissions import require
from kansli.core.roles import can_manage_finsam
from kansli.meetings.models import Meeting
from kansli.meetings.services import agenda_item_add, agenda_item_memo_create
from kansli.memos.models import Memo
from kansli.memos.services import (
    BasisInput,
    RecipientInput,
    memo_create,
    memo_update,
    proposal_create,
)
from kansli.people.models import Body, Official, Organization
from kansli.registry.models import Case, Series
from kansli.registry.services import case_register

from .funding import contributions, totals
from .memo import contribution_memo_content
from .models import (
    BoardTerm,
    CharterAdoption,
    CharterVersion,
    ExtraFunds,
    Federation,
    FederationMember,
    FollowUp,
    MemberKind,
    Population,
    SplitRule,
    StateAllocation,
)

_DENIED = "Bara handläggare, registratorer och nämndsekreterare kan ändra uppgifter om Finsam."
MAX_AMOUNT = 10**12  # kronor; far above any federation's budget, below any overflow


def _require(actor: User | None) -> None:
    if actor is not None:
        require(actor, can_manage_finsam, _DENIED)


def _scope(federation: Federation) -> str:
    return f"federation:{federation.pk}"


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
    _require(actor)
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
        scope=_scope(federation),
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
    _require(actor)
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
        scope=_scope(federation),
        summary=f"{member.name} blev medlem i {federation.name}.",
    )
    return member


@transaction.atomic
def population_record(
    *, actor: User | None, member: FederationMember, on: datetime.date, inhabitants: int
) -> Population:
    _require(actor)
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
        scope=_scope(member.federation),
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
    _require(actor)
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
        scope=_scope(federation),
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
    _require(actor)
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
        scope=_scope(federation),
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
    _require(actor)
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
        scope=_scope(charter.federation),
        summary=f"{member.name} antog {charter.title} den {adopted_on.isoformat()}.",
    )
    return adoption


@transaction.atomic
def state_allocations_record(
    *, actor: User | None, year: int, amounts: dict[Federation, int]
) -> list[StateAllocation]:
    """The state's amounts for a year, all federations at once: a second entry for the same
    year replaces the first (Försäkringskassan may correct its decision)."""
    _require(actor)
    errors = []
    if not 2000 <= year <= 2100:
        errors.append(f"Året {year} är inte rimligt.")
    for federation, amount in amounts.items():
        if amount < 0:
            errors.append(f"{federation.short_name}: beloppet får inte vara negativt.")
        elif amount > MAX_AMOUNT:
            errors.append(f"{federation.short_name}: beloppet är orimligt stort.")
    if not amounts:
        errors.append("Ange statens bidrag för minst ett förbund.")
    if errors:
        raise ValidationError(errors)
    saved = []
    for federation, amount in amounts.items():
        allocation, created = StateAllocation.objects.update_or_create(
            federation=federation, year=year, defaults={"amount": amount}
        )
        audit_record(
            actor=actor,
            action="state_allocation_record",
            obj=allocation,
            scope=_scope(federation),
            summary=f"Statens bidrag {year} till {federation.short_name}: {amount} kr"
            + ("." if created else " (ändrat)."),
        )
        saved.append(allocation)
    return saved


@dataclass(frozen=True)
class ExtraFundsInput:
    source: str
    granted: int
    used: int


FOLLOW_UP_LABELS: dict[str, str] = {
    f.name: str(f.verbose_name)
    for f in FollowUp._meta.concrete_fields
    if f.name not in ("id", "federation", "year")
}
FOLLOW_UP_FIELDS = tuple(FOLLOW_UP_LABELS)


@transaction.atomic
def follow_up_record(
    *,
    actor: User | None,
    federation: Federation,
    year: int,
    figures: dict[str, int | Decimal | None],
    extra_funds: list[ExtraFundsInput] | None = None,
) -> FollowUp:
    """A federation's figures for a year; the figures given replace those stored (a figure
    left out keeps its value; None clears it). Unknown or negative figures are refused (equity
    may be negative)."""
    _require(actor)
    errors = [f"Okänd uppgift: {name}." for name in figures if name not in FOLLOW_UP_FIELDS]
    if not 2004 <= year <= datetime.date.today().year:
        errors.append(
            f"Året {year} går inte: uppföljning förs för 2004 (då lagen trädde i kraft) till i år."
        )
    for name, value in figures.items():
        if value is not None and value < 0 and name != "equity":
            label = FOLLOW_UP_LABELS.get(name, name)
            errors.append(f"{label.capitalize()}: värdet får inte vara negativt.")
    givers: set[str] = set()
    for entry in extra_funds or []:
        giver = " ".join(entry.source.split())
        if not giver:
            errors.append("Extra medel behöver en givare.")
        elif len(giver) > 200:
            errors.append("Givarens namn får vara högst 200 tecken.")
        elif giver.casefold() in givers:
            errors.append(f"Extra medel från {giver} står två gånger; slå ihop dem.")
        givers.add(giver.casefold())
        if entry.granted < 0 or entry.used < 0:
            errors.append(f"Extra medel från {entry.source}: beloppen får inte vara negativa.")
    if errors:
        raise ValidationError(errors)
    follow_up = FollowUp.objects.filter(federation=federation, year=year).first()
    created = follow_up is None
    follow_up = follow_up or FollowUp(federation=federation, year=year)
    for name in FOLLOW_UP_FIELDS:
        if name in figures:
            setattr(follow_up, name, figures[name])
    follow_up.full_clean()
    follow_up.save()
    if extra_funds is not None:
        follow_up.extra_funds.all().delete()
        ExtraFunds.objects.bulk_create(
            ExtraFunds(
                follow_up=follow_up,
                source=" ".join(e.source.split()),
                granted=e.granted,
                used=e.used,
            )
            for e in extra_funds
        )
    audit_record(
        actor=actor,
        action="follow_up_record",
        obj=follow_up,
        scope=_scope(federation),
        summary=f"{'Förde in' if created else 'Ändrade'} uppföljning {year} för "
        f"{federation.short_name}.",
    )
    return follow_up


@transaction.atomic
def contribution_case_create(
    *,
    actor: User | None,
    body: Body,
    series: Series,
    year: int,
    amounts: dict[Federation, int],
    organization: Organization,
    meeting_date: datetime.date,
    official: Official | None = None,
    meeting: Meeting | None = None,
    previous: dict[Federation, int] | None = None,
) -> tuple[Case, Memo]:
    """The year's contribution case: record the state's amounts, register the case and write
    its memo (a draft) through the registry and memo services. With `meeting` (the organ's
    meeting that day) the case also goes on its agenda, the memo as the item's. Refused when
    the year's case already exists, so a form sent twice makes one case."""
    _require(actor)
    rows = contributions(year, amounts, previous)
    content = contribution_memo_content(year, rows, organization)
    if organization.body_id != body.pk or series.body_id != body.pk:
        raise ValidationError("Organet och diarieserien ska höra till huvudmannen.")
    if meeting is not None and (
        meeting.organization_id != organization.pk or meeting.date != meeting_date
    ):
        raise ValidationError("Sammanträdet är inte organets sammanträde den dagen.")
    earlier = (
        Memo.objects.filter(case__body=body, title=content.title).select_related("case").first()
    )
    if earlier is not None:
        raise ValidationError(
            f"Ärendet om bidragen {year} finns redan ({earlier.case.number}). Ändra dess "
            "föredragnings-PM i stället för att skapa ett nytt."
        )
    state_allocations_record(actor=actor, year=year, amounts=amounts)
    case = case_register(
        actor=actor,
        body=body,
        series=series,
        title=content.title,
        organization=organization,
        official=official,
    )
    proposal = proposal_create(
        actor=actor, formula=content.formula, clauses=content.clauses, scope=f"case:{case.pk}"
    )
    memo = memo_create(
        actor=actor,
        case=case,
        organization=organization,
        meeting_date=meeting_date,
        proposal=proposal,
        title=content.title,
        official=official,
    )
    memo_update(
        actor=actor,
        memo=memo,
        title=content.title,
        formula=content.formula,
        clauses=content.clauses,
        sections=content.sections,
        basis=[BasisInput(text=text) for text in content.basis],
        recipients=[RecipientInput(kind="text", text=name) for name in content.recipients],
        signatory_name=official.name if official else "",
        signatory_title=official.title if official else "",
        unit=official.unit if official else "",
        official_name=official.name if official else "",
    )
    if meeting is not None:
        item = agenda_item_add(actor=actor, meeting=meeting, title=content.title, case=case)
        memo = agenda_item_memo_create(actor=actor, item=item)
    audit_record(
        actor=actor,
        action="contribution_case_create",
        obj=case,
        scope=f"case:{case.pk}",
        summary=f"Skapade ärendet om bidragen till samordningsförbunden {year}: "
        f"{len(rows)} förbund, regionens bidrag {totals(rows).region} kr.",
    )
    return case, memo
