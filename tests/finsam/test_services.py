"""The Finsam services: each writes its change and one audit row in one transaction, refuses
users who may not manage Finsam, and refuses bad input whole with a Swedish message."""

import datetime
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError

from kansli.core.models import AuditEntry
from kansli.finsam import rules, services
from kansli.finsam.models import (
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
from kansli.finsam.services import ExtraFundsInput
from kansli.people import services as people

D = datetime.date

MODELS = (
    Federation,
    FederationMember,
    Population,
    BoardTerm,
    CharterVersion,
    CharterAdoption,
    StateAllocation,
    FollowUp,
    ExtraFunds,
    AuditEntry,
)


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.fixture
def sofint(body):
    federation = services.federation_create(
        actor=None,
        body=body,
        name="Samordningsförbundet i norra Örebro län",
        short_name="SOFINT",
        aliases=["Finsam norra länsdelen"],
        seat="Lindesberg",
    )
    for kind, name in [
        (MemberKind.SOCIAL_INSURANCE, "Försäkringskassan"),
        (MemberKind.EMPLOYMENT, "Arbetsförmedlingen"),
        (MemberKind.REGION, "Region Örebro län"),
        (MemberKind.MUNICIPALITY, "Lindesberg"),
        (MemberKind.MUNICIPALITY, "Nora"),
    ]:
        services.federation_member_add(actor=None, federation=federation, kind=kind, name=name)
    return federation


@pytest.fixture
def sydnarke(body):
    federation = services.federation_create(
        actor=None, body=body, name="Samordningsförbundet Sydnärke", short_name="Sydnärke"
    )
    services.federation_member_add(
        actor=None, federation=federation, kind=MemberKind.MUNICIPALITY, name="Kumla"
    )
    return federation


def member(federation: Federation, name: str) -> FederationMember:
    return federation.members.get(name=name)


def charter(federation: Federation) -> CharterVersion:
    return services.charter_propose(
        actor=None,
        federation=federation,
        title="Förbundsordning för SOFINT",
        proposed_on=D(2020, 8, 26),
        case_number="20RS1234",
    )


# --- every service, with what it writes ---------------------------------------------------------

WRITES: dict[str, Callable] = {
    "federation_create": lambda actor, body, fed: services.federation_create(
        actor=actor, body=body, name="Finsam Lekeberg och Örebro", short_name="Lekeberg/Örebro"
    ),
    "federation_member_add": lambda actor, body, fed: services.federation_member_add(
        actor=actor, federation=fed, kind=MemberKind.MUNICIPALITY, name="Hällefors"
    ),
    "population_record": lambda actor, body, fed: services.population_record(
        actor=actor, member=member(fed, "Nora"), on=D(2020, 11, 1), inhabitants=10_500
    ),
    "board_term_create": lambda actor, body, fed: services.board_term_create(
        actor=actor,
        federation=fed,
        start=D(2019, 4, 1),
        end=D(2023, 3, 31),
        members=8,
        substitutes=8,
        qualified_majority="3/4 för budget, verksamhetsplan, projekt, årsredovisning",
    ),
    "charter_propose": lambda actor, body, fed: services.charter_propose(
        actor=actor, federation=fed, title="Förbundsordning", proposed_on=D(2020, 8, 26)
    ),
    "charter_adopt": lambda actor, body, fed: services.charter_adopt(
        actor=actor,
        charter=fed.charters.get(),
        member=member(fed, "Region Örebro län"),
        adopted_on=D(2020, 9, 16),
        reference="RF § 123",
    ),
    "state_allocation_record": lambda actor, body, fed: services.state_allocations_record(
        actor=actor, year=2021, amounts={fed: 2_000_000}
    )[0],
    "follow_up_record": lambda actor, body, fed: services.follow_up_record(
        actor=actor,
        federation=fed,
        year=2019,
        figures={"participants": 73, "member_contributions": 4_000_000},
        extra_funds=[ExtraFundsInput(source="ESF", granted=100_000, used=50_000)],
    ),
}


@pytest.fixture
def ready(sofint):
    """SOFINT with a proposed förbundsordning (for charter_adopt)."""
    charter(sofint)
    return sofint


@pytest.mark.parametrize("action", WRITES)
def test_each_write_has_its_audit_row(action, official_user, body, ready):
    before = AuditEntry.objects.count()
    obj = WRITES[action](official_user, body, ready)
    assert AuditEntry.objects.count() == before + 1
    entry = AuditEntry.objects.get(action=action, actor=official_user)
    assert entry.actor == official_user
    assert entry.object_type == obj._meta.label_lower
    assert entry.object_id == str(obj.pk)
    federation = obj if isinstance(obj, Federation) else ready
    assert entry.scope == f"federation:{federation.pk}"
    assert entry.summary.strip()


@pytest.mark.parametrize("action", WRITES)
def test_elected_member_may_not_write(action, elected, body, ready):
    before = counts()
    with pytest.raises(PermissionDenied, match="Finsam"):
        WRITES[action](elected, body, ready)
    assert counts() == before


@pytest.mark.parametrize("action", WRITES)
@pytest.mark.parametrize("who", ["registrar", "secretary"])
def test_registrar_and_secretary_may_write(action, who, request, body, ready):
    user = request.getfixturevalue(who)
    WRITES[action](user, body, ready)
    assert AuditEntry.objects.filter(action=action, actor=user).count() == 1


def test_write_and_audit_row_roll_back_together(official_user, sofint):
    # the change and its audit row share one transaction: an error after the follow-up row was
    # saved (two extra funds from the same giver) leaves neither behind
    before = counts()
    with pytest.raises((ValidationError, IntegrityError)):
        services.follow_up_record(
            actor=official_user,
            federation=sofint,
            year=2019,
            figures={"participants": 73},
            extra_funds=[
                ExtraFundsInput(source="ESF", granted=1, used=1),
                ExtraFundsInput(source="ESF", granted=2, used=2),
            ],
        )
    assert counts() == before


# --- federations ----------------------------------------------------------------------------------


def test_federation_create(official_user, body):
    federation = services.federation_create(
        actor=official_user,
        body=body,
        name="  Finsam   Degerfors/Karlskoga ",
        short_name=" Degerfors/Karlskoga",
        aliases=["  Samordningsförbundet   Degerfors/Karlskoga ", "   "],
        seat=" Karlskoga ",
        split_rule=SplitRule.FIXED,
    )
    federation.refresh_from_db()
    assert federation.name == "Finsam Degerfors/Karlskoga"
    assert federation.short_name == "Degerfors/Karlskoga"
    assert federation.aliases == ["Samordningsförbundet Degerfors/Karlskoga"]
    assert federation.seat == "Karlskoga"
    assert federation.split_rule == SplitRule.FIXED


@pytest.mark.parametrize(
    ("name", "short_name", "aliases"),
    [
        ("Samordningsförbundet i norra Örebro län", "Norra", []),  # the same name
        ("Finsam Norra", "SOFINT", []),  # the same short name
        ("Finsam Norra", "sofint", []),  # ignoring case
        ("  samordningsförbundet  I NORRA Örebro län ", "Norra", []),  # case and spacing
        ("Finsam norra länsdelen", "Norra", []),  # the other's alias as name
        ("Finsam Norra", "Norra", ["SOFINT"]),  # the other's short name as alias
        ("Finsam Norra", "Norra", ["Samordningsförbundet i norra Örebro län"]),
        ("Finsam Norra", "Norra", ["finsam norra länsdelen"]),  # alias against alias
    ],
)
def test_federation_names_must_be_unique(official_user, body, sofint, name, short_name, aliases):
    before = counts()
    with pytest.raises(ValidationError) as raised:
        services.federation_create(
            actor=official_user, body=body, name=name, short_name=short_name, aliases=aliases
        )
    assert "redan" in " ".join(raised.value.messages)
    assert counts() == before


def test_federation_name_of_another_body_is_free(official_user, sofint):
    other = people.body_create(actor=None, name="Region Värmland", short_name="Värmland")
    federation = services.federation_create(
        actor=official_user,
        body=other,
        name="Samordningsförbundet i norra Örebro län",
        short_name="SOFINT",
    )
    assert federation.pk != sofint.pk


@pytest.mark.parametrize(
    "kwargs",
    [
        {"name": "", "short_name": "X"},
        {"name": "   ", "short_name": "X"},
        {"name": "Finsam X", "short_name": ""},
        {"name": "Finsam X", "short_name": "X", "split_rule": "lottning"},
    ],
    ids=["empty name", "blank name", "empty short name", "unknown split rule"],
)
def test_federation_bad_input(official_user, body, kwargs):
    before = counts()
    with pytest.raises(ValidationError):
        services.federation_create(actor=official_user, body=body, **kwargs)
    assert counts() == before


# --- members ------------------------------------------------------------------------------------


def test_member_add(official_user, sofint):
    added = services.federation_member_add(
        actor=official_user,
        federation=sofint,
        kind=MemberKind.MUNICIPALITY,
        name="  Ljusnarsberg ",
        board_members=2,
        board_substitutes=2,
    )
    added.refresh_from_db()
    assert (added.name, added.board_members, added.board_substitutes) == ("Ljusnarsberg", 2, 2)
    assert added.is_municipality


def test_fixed_share_only_for_a_municipality(official_user, sydnarke):
    region = services.federation_member_add(
        actor=official_user,
        federation=sydnarke,
        kind=MemberKind.REGION,
        name="Region Örebro län",
        fixed_share=Decimal("0.5"),
    )
    assert region.fixed_share is None
    laxa = services.federation_member_add(
        actor=official_user,
        federation=sydnarke,
        kind=MemberKind.MUNICIPALITY,
        name="Laxå",
        fixed_share=Decimal("0.25"),
    )
    laxa.refresh_from_db()
    assert laxa.fixed_share == Decimal("0.25")


def test_second_region_is_refused(official_user, sofint):
    before = counts()
    with pytest.raises(ValidationError, match="redan en region"):
        services.federation_member_add(
            actor=official_user, federation=sofint, kind=MemberKind.REGION, name="Region Värmland"
        )
    assert counts() == before


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"board_members": 0}, "minst en ledamot"),
        ({"board_substitutes": 0}, "minst en ledamot och en ersättare"),
        ({"board_members": -1}, "minst en ledamot"),
        ({"name": "Nora"}, None),  # already a member
        ({"name": ""}, None),
        ({"kind": "landsting"}, None),
    ],
    ids=["no member", "no substitute", "negative", "twice", "no name", "unknown kind"],
)
def test_member_bad_input(official_user, sofint, kwargs, match):
    arguments = {"kind": MemberKind.MUNICIPALITY, "name": "Hällefors", **kwargs}
    before = counts()
    with pytest.raises(ValidationError, match=match):
        services.federation_member_add(actor=official_user, federation=sofint, **arguments)
    assert counts() == before


def test_negative_fixed_share_is_refused(official_user, sydnarke):
    before = counts()
    with pytest.raises(ValidationError):
        services.federation_member_add(
            actor=official_user,
            federation=sydnarke,
            kind=MemberKind.MUNICIPALITY,
            name="Askersund",
            fixed_share=Decimal("-0.25"),
        )
    assert counts() == before


# --- populations ----------------------------------------------------------------------------------


def test_population_recorded_again_replaces(official_user, sofint):
    nora = member(sofint, "Nora")
    services.population_record(
        actor=official_user, member=nora, on=D(2020, 11, 1), inhabitants=10_400
    )
    services.population_record(
        actor=official_user, member=nora, on=D(2020, 11, 1), inhabitants=10_500
    )
    assert list(nora.populations.values_list("on", "inhabitants")) == [(D(2020, 11, 1), 10_500)]
    assert AuditEntry.objects.filter(action="population_record").count() == 2


@pytest.mark.parametrize(
    ("who", "inhabitants", "match"),
    [
        ("Region Örebro län", 300_000, "ingen kommun"),
        ("Försäkringskassan", 1, "ingen kommun"),
        ("Nora", 0, "positivt heltal"),
        ("Nora", -10_500, "positivt heltal"),
    ],
)
def test_population_bad_input(official_user, sofint, who, inhabitants, match):
    before = counts()
    with pytest.raises(ValidationError, match=match):
        services.population_record(
            actor=official_user,
            member=member(sofint, who),
            on=D(2020, 11, 1),
            inhabitants=inhabitants,
        )
    assert counts() == before


# --- board terms ----------------------------------------------------------------------------------


def test_board_term_of_the_rule(official_user, sofint):
    start, end = rules.board_term(D(2020, 8, 26))
    term = services.board_term_create(
        actor=official_user, federation=sofint, start=start, end=end, members=6, substitutes=6
    )
    assert (term.start, term.end) == (D(2019, 4, 1), D(2023, 3, 31))


def test_board_term_twice_is_refused(official_user, sofint):
    kwargs = {"federation": sofint, "start": D(2019, 4, 1), "members": 6, "substitutes": 6}
    services.board_term_create(actor=official_user, end=D(2023, 3, 31), **kwargs)
    before = counts()
    with pytest.raises(ValidationError):
        services.board_term_create(actor=official_user, end=D(2023, 3, 30), **kwargs)
    assert counts() == before


def test_board_term_ending_before_it_starts_is_refused(official_user, sofint):
    before = counts()
    with pytest.raises(ValidationError):
        services.board_term_create(
            actor=official_user,
            federation=sofint,
            start=D(2023, 4, 1),
            end=D(2019, 3, 31),
            members=6,
            substitutes=6,
        )
    assert counts() == before


def test_board_term_ending_before_it_starts_has_a_clear_message(official_user, sofint):
    with pytest.raises(ValidationError) as raised:
        services.board_term_create(
            actor=official_user,
            federation=sofint,
            start=D(2023, 4, 1),
            end=D(2019, 3, 31),
            members=6,
            substitutes=6,
        )
    assert raised.value.messages == ["Mandatperioden slutar före den börjar."]


# --- förbundsordningar ----------------------------------------------------------------------------


def test_charter_adopted_by_every_member_takes_effect(official_user, sofint):
    version = charter(sofint)
    days = {
        "Region Örebro län": D(2020, 9, 16),
        "Lindesberg": D(2020, 10, 26),
        "Nora": D(2020, 9, 30),
        "Försäkringskassan": D(2020, 10, 5),
        "Arbetsförmedlingen": D(2020, 8, 26),  # on the day of the proposal: allowed
    }
    members = list(sofint.members.values_list("name", flat=True))

    def adopted() -> dict[str, datetime.date]:
        return dict(version.adoptions.values_list("member__name", "adopted_on"))

    for name, day in days.items():
        assert rules.charter_in_force(members, adopted()) is None
        services.charter_adopt(
            actor=official_user, charter=version, member=member(sofint, name), adopted_on=day
        )
    assert rules.charter_in_force(members, adopted()) == D(2020, 10, 26)
    assert AuditEntry.objects.filter(action="charter_adopt").count() == 5


def test_charter_adoption_before_the_proposal_is_refused(official_user, sofint):
    version = charter(sofint)
    before = counts()
    with pytest.raises(ValidationError, match="före förslagets datum"):
        services.charter_adopt(
            actor=official_user,
            charter=version,
            member=member(sofint, "Nora"),
            adopted_on=D(2020, 8, 25),
        )
    assert counts() == before


def test_charter_adopted_twice_is_refused(official_user, sofint):
    version = charter(sofint)
    nora = member(sofint, "Nora")
    services.charter_adopt(
        actor=official_user, charter=version, member=nora, adopted_on=D(2020, 9, 30)
    )
    before = counts()
    with pytest.raises(ValidationError, match="redan antagit"):
        services.charter_adopt(
            actor=official_user, charter=version, member=nora, adopted_on=D(2020, 10, 1)
        )
    assert counts() == before
    assert version.adoptions.get().adopted_on == D(2020, 9, 30)


def test_charter_adopted_by_a_member_of_another_federation_is_refused(
    official_user, sofint, sydnarke
):
    version = charter(sofint)
    before = counts()
    with pytest.raises(ValidationError, match="Kumla är inte medlem i"):
        services.charter_adopt(
            actor=official_user,
            charter=version,
            member=member(sydnarke, "Kumla"),
            adopted_on=D(2020, 9, 30),
        )
    assert counts() == before


def test_charter_without_title_is_refused(official_user, sofint):
    before = counts()
    with pytest.raises(ValidationError):
        services.charter_propose(
            actor=official_user, federation=sofint, title="  ", proposed_on=D(2020, 8, 26)
        )
    assert counts() == before


# --- the state's amounts --------------------------------------------------------------------------


def test_state_allocation_recorded_again_replaces(official_user, sofint, sydnarke):
    services.state_allocations_record(
        actor=official_user, year=2021, amounts={sofint: 2_000_000, sydnarke: 2_650_000}
    )
    services.state_allocations_record(actor=official_user, year=2021, amounts={sofint: 2_100_000})
    assert dict(StateAllocation.objects.values_list("federation__short_name", "amount")) == {
        "SOFINT": 2_100_000,
        "Sydnärke": 2_650_000,
    }
    entries = AuditEntry.objects.filter(action="state_allocation_record").order_by("id")
    assert entries.count() == 3
    assert "ändrat" in entries.last().summary
    assert "ändrat" not in entries.first().summary


@pytest.mark.parametrize(
    ("year", "amounts", "match"),
    [
        (2021, {"sofint": -1}, "negativt"),
        (2021, {"sofint": 2_000_000, "sydnarke": -2_650_000}, "Sydnärke"),
        (2021, {"sofint": 10**13}, "orimligt"),
        (1999, {"sofint": 2_000_000}, "1999"),
        (2101, {"sofint": 2_000_000}, "2101"),
        (2021, {}, "minst ett förbund"),
    ],
    ids=["negative", "one of two negative", "too large", "year too early", "too late", "none"],
)
def test_state_allocation_bad_input(official_user, sofint, sydnarke, year, amounts, match):
    federations = {"sofint": sofint, "sydnarke": sydnarke}
    before = counts()
    with pytest.raises(ValidationError, match=match):
        services.state_allocations_record(
            actor=official_user,
            year=year,
            amounts={federations[key]: amount for key, amount in amounts.items()},
        )
    assert counts() == before


# --- follow-up figures ----------------------------------------------------------------------------


def test_follow_up_recorded_and_replaced(official_user, sofint):
    services.follow_up_record(
        actor=official_user,
        federation=sofint,
        year=2019,
        figures={
            "member_contributions": 4_000_000,
            "cost_administration": 1_373_000,
            "participants": 73,
            "equity": -120_000,  # equity may be negative
        },
        extra_funds=[ExtraFundsInput(source=" Tillväxtverket ", granted=240_000, used=166_000)],
    )
    follow_up = services.follow_up_record(
        actor=official_user,
        federation=sofint,
        year=2019,
        figures={"participants": 74},
        extra_funds=[ExtraFundsInput(source="MUCF", granted=527_000, used=527_000)],
    )
    follow_up.refresh_from_db()
    assert FollowUp.objects.count() == 1
    assert follow_up.participants == 74
    assert follow_up.cost_administration == 1_373_000
    assert follow_up.equity == -120_000
    assert list(follow_up.extra_funds.values_list("source", "granted", "used")) == [
        ("MUCF", 527_000, 527_000)
    ]
    summaries = list(
        AuditEntry.objects.filter(action="follow_up_record")
        .order_by("id")
        .values_list("summary", flat=True)
    )
    assert summaries[0].startswith("Förde in") and summaries[1].startswith("Ändrade")


@pytest.mark.parametrize(
    ("figures", "extra", "match"),
    [
        ({"deltagare": 73}, None, "Okänd uppgift: deltagare"),
        ({"year": 2020}, None, "Okänd uppgift: year"),
        ({"participants": -1}, None, "Deltagare under året: värdet får inte vara negativt"),
        ({"cost_administration": -1_373_000}, None, "Kostnad administration"),
        ({"member_contributions": -1}, None, "negativ"),
        ({}, [ExtraFundsInput(source="  ", granted=1, used=1)], "givare"),
        ({}, [ExtraFundsInput(source="ESF", granted=-1, used=0)], "negativa"),
        ({}, [ExtraFundsInput(source="ESF", granted=1, used=-1)], "negativa"),
    ],
    ids=[
        "unknown field",
        "year is no figure",
        "negative count",
        "negative cost",
        "negative contributions",
        "no giver",
        "negative granted",
        "negative used",
    ],
)
def test_follow_up_bad_input(official_user, sofint, figures, extra, match):
    services.follow_up_record(
        actor=official_user, federation=sofint, year=2019, figures={"participants": 73}
    )
    before = counts()
    with pytest.raises(ValidationError, match=match):
        services.follow_up_record(
            actor=official_user,
            federation=sofint,
            year=2019,
            figures={"participants": 80, **figures},
            extra_funds=extra,
        )
    assert counts() == before
    assert FollowUp.objects.get().participants == 73


def test_follow_up_extra_funds_from_the_same_giver_twice(official_user, sofint):
    with pytest.raises(ValidationError):
        services.follow_up_record(
            actor=official_user,
            federation=sofint,
            year=2019,
            figures={"participants": 73},
            extra_funds=[
                ExtraFundsInput(source="ESF", granted=1, used=1),
                ExtraFundsInput(source=" ESF", granted=2, used=2),
            ],
        )
