"""The services behind the federation pages: changing a federation and its members, the
board's appointments, adopting a förbundsordning, recording many populations at once."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kansli.core.models import AuditEntry
from kansli.finsam import services
from kansli.finsam.models import (
    BoardAppointment,
    BoardRole,
    Federation,
    FederationMember,
    MemberKind,
    Population,
    SplitRule,
)

D = datetime.date


@pytest.fixture
def sofint(body):
    federation = services.federation_create(
        actor=None,
        body=body,
        name="Samordningsförbundet Norra Örebro län",
        short_name="SOFINT",
        aliases=["Finsam norr"],
    )
    services.federation_member_add(
        actor=None,
        federation=federation,
        kind=MemberKind.REGION,
        name="Region Örebro län",
        board_members=2,
        board_substitutes=2,
    )
    for town in ("Lindesberg", "Nora"):
        services.federation_member_add(
            actor=None, federation=federation, kind=MemberKind.MUNICIPALITY, name=town
        )
    return federation


@pytest.fixture
def sydnarke(body):
    return services.federation_create(
        actor=None, body=body, name="Samordningsförbundet Sydnärke", short_name="Sydnärke"
    )


def _member(federation, name):
    return federation.members.get(name=name)


def _update(federation, **changes):
    values = {
        "name": federation.name,
        "short_name": federation.short_name,
        "aliases": federation.aliases,
        "seat": federation.seat,
        "split_rule": federation.split_rule,
    }
    values.update(changes)
    return values


def test_federation_update_records_what_changed(official_user, sofint):
    services.federation_update(
        actor=official_user, federation=sofint, **_update(sofint, seat="  Lindesberg ")
    )
    sofint.refresh_from_db()
    assert sofint.seat == "Lindesberg"
    entry = AuditEntry.objects.get(action="federation_update")
    assert entry.actor == official_user
    assert entry.changes == {"seat": ["", "Lindesberg"]}


def test_federation_update_keeps_its_own_names(official_user, sofint):
    """Saving a federation unchanged does not clash with itself."""
    services.federation_update(actor=official_user, federation=sofint, **_update(sofint))
    assert AuditEntry.objects.filter(action="federation_update").count() == 1


@pytest.mark.parametrize(
    "changes",
    [
        {"short_name": "sydnärke"},
        {"aliases": ["Finsam norr", "Samordningsförbundet Sydnärke"]},
        {"name": "SYDNÄRKE"},
    ],
)
def test_federation_update_refuses_another_federations_name(
    official_user, sofint, sydnarke, changes
):
    before = AuditEntry.objects.count()
    with pytest.raises(ValidationError, match="används redan av ett annat förbund"):
        services.federation_update(
            actor=official_user, federation=sofint, **_update(sofint, **changes)
        )
    sofint.refresh_from_db()
    assert sofint.short_name == "SOFINT" and sofint.aliases == ["Finsam norr"]
    assert AuditEntry.objects.count() == before


def test_a_repeated_alias_is_kept_once(official_user, body):
    federation = services.federation_create(
        actor=official_user,
        body=body,
        name="Samordningsförbundet Väst",
        short_name="Väst",
        aliases=["väst", "Finsam Väst", "finsam  väst"],
    )
    assert federation.aliases == ["Finsam Väst"]


def test_fixed_shares_need_a_share_for_every_municipality(official_user, sofint):
    with pytest.raises(ValidationError, match="Lindesberg, Nora"):
        services.federation_update(
            actor=official_user, federation=sofint, **_update(sofint, split_rule=SplitRule.FIXED)
        )
    for town, share in (("Lindesberg", "0.6"), ("Nora", "0.4")):
        member = _member(sofint, town)
        services.federation_member_update(
            actor=official_user,
            member=member,
            name=member.name,
            board_members=1,
            board_substitutes=1,
            fixed_share=Decimal(share),
        )
    services.federation_update(
        actor=official_user, federation=sofint, **_update(sofint, split_rule=SplitRule.FIXED)
    )
    assert Federation.objects.get(pk=sofint.pk).split_rule == SplitRule.FIXED


def test_member_update(official_user, sofint):
    region = _member(sofint, "Region Örebro län")
    services.federation_member_update(
        actor=official_user,
        member=region,
        name="Region  Örebro län",
        board_members=3,
        board_substitutes=3,
        fixed_share=Decimal("0.5"),  # not a municipality: no share is stored
    )
    region.refresh_from_db()
    assert (region.board_members, region.board_substitutes, region.fixed_share) == (3, 3, None)
    entry = AuditEntry.objects.get(action="federation_member_update")
    assert entry.changes == {"board_members": [2, 3], "board_substitutes": [2, 3]}


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"name": "Nora"}, "redan medlem"),
        ({"name": "nora"}, "redan medlem"),
        ({"board_members": 0}, "minst en ledamot"),
        ({"board_substitutes": 21}, "högst 20"),
        ({"name": ""}, "Ange medlemmens namn"),
    ],
)
def test_member_update_bad_input(official_user, sofint, kwargs, match):
    member = _member(sofint, "Lindesberg")
    values = {"name": "Lindesberg", "board_members": 1, "board_substitutes": 1}
    values.update(kwargs)
    with pytest.raises(ValidationError, match=match):
        services.federation_member_update(actor=official_user, member=member, **values)
    member.refresh_from_db()
    assert member.name == "Lindesberg" and member.board_members == 1


def test_adding_a_member_twice_is_refused(official_user, sofint):
    with pytest.raises(ValidationError, match="redan medlem"):
        services.federation_member_add(
            actor=official_user, federation=sofint, kind=MemberKind.MUNICIPALITY, name="NORA"
        )


@pytest.fixture
def term(sofint):
    return services.board_term_create(
        actor=None,
        federation=sofint,
        start=D(2023, 4, 1),
        end=D(2027, 3, 31),
        members=4,
        substitutes=4,
    )


def _appoint(term, member, name, role=BoardRole.MEMBER, actor=None):
    return services.board_appointment_add(
        actor=actor, term=term, member=member, role=role, name=name
    )


def test_appointments_within_the_members_seats(official_user, sofint, term):
    region = _member(sofint, "Region Örebro län")
    _appoint(term, region, "Ledamot Ett", actor=official_user)
    _appoint(term, region, "Ledamot  Två")
    assert list(term.appointments.values_list("name", flat=True)) == ["Ledamot Ett", "Ledamot Två"]
    with pytest.raises(
        ValidationError,
        match="utser 2 ledamöter i styrelsen, och alla platserna är redan tillsatta",
    ):
        _appoint(term, region, "Ledamot Tre")
    _appoint(term, region, "Ersättare Ett", role=BoardRole.SUBSTITUTE)
    assert AuditEntry.objects.filter(action="board_appointment_add").count() == 3
    assert BoardAppointment.objects.count() == 3


def test_appointments_within_the_boards_size(sofint, term):
    """The board has 4 members' seats: the region's 2, Lindesberg's and Nora's."""
    nora = _member(sofint, "Nora")
    nora.board_members = 5
    nora.save()
    for n in range(4):
        _appoint(term, nora, f"Person {n}")
    with pytest.raises(ValidationError, match="bara 4 ledamöter, och alla är tillsatta"):
        _appoint(term, nora, "Person 5")


@pytest.mark.parametrize(
    ("role", "name", "match"),
    [("ordförande", "Någon", "ledamot eller ersättare"), (BoardRole.MEMBER, "  ", "namnet")],
)
def test_appointment_bad_input(sofint, term, role, name, match):
    with pytest.raises(ValidationError, match=match):
        _appoint(term, _member(sofint, "Nora"), name, role=role)
    assert not BoardAppointment.objects.exists()


def test_appointment_by_a_member_of_another_federation(body, term):
    other = services.federation_create(actor=None, body=body, name="Förbund Väst", short_name="V")
    member = services.federation_member_add(
        actor=None, federation=other, kind=MemberKind.MUNICIPALITY, name="Karlskoga"
    )
    with pytest.raises(ValidationError, match="inte medlem"):
        _appoint(term, member, "Någon")


def test_the_same_person_twice_is_refused(sofint, term):
    region = _member(sofint, "Region Örebro län")
    _appoint(term, region, "Ledamot Ett")
    with pytest.raises(ValidationError, match="redan utsedd"):
        _appoint(term, region, "ledamot ett")


def test_appointment_remove(official_user, elected, sofint, term):
    appointment = _appoint(term, _member(sofint, "Nora"), "Ledamot Ett")
    with pytest.raises(PermissionDenied):
        services.board_appointment_remove(actor=elected, appointment=appointment)
    services.board_appointment_remove(actor=official_user, appointment=appointment)
    assert not BoardAppointment.objects.exists()
    entry = AuditEntry.objects.get(action="board_appointment_remove")
    assert "Ledamot Ett" in entry.summary and entry.actor == official_user


def test_overlapping_terms_are_refused(sofint, term):
    with pytest.raises(ValidationError, match="överlappar styrelsen 2023-04-01–2027-03-31"):
        services.board_term_create(
            actor=None,
            federation=sofint,
            start=D(2026, 1, 1),
            end=D(2029, 12, 31),
            members=4,
            substitutes=4,
        )
    services.board_term_create(
        actor=None,
        federation=sofint,
        start=D(2027, 4, 1),
        end=D(2031, 3, 31),
        members=4,
        substitutes=4,
    )


def test_adoption_cannot_be_in_the_future(sofint):
    charter = services.charter_propose(
        actor=None, federation=sofint, title="Förbundsordning 2025", proposed_on=D(2025, 1, 1)
    )
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError, match="framtiden"):
        services.charter_adopt(
            actor=None, charter=charter, member=_member(sofint, "Nora"), adopted_on=tomorrow
        )


def test_populations_record_all_or_none(official_user, sofint):
    lindesberg, nora = _member(sofint, "Lindesberg"), _member(sofint, "Nora")
    region = _member(sofint, "Region Örebro län")
    with pytest.raises(ValidationError, match="ingen kommun"):
        services.populations_record(
            actor=official_user,
            on=D(2025, 11, 1),
            inhabitants={lindesberg: 23_710, region: 300_000},
        )
    assert not Population.objects.exists()
    services.populations_record(
        actor=official_user, on=D(2025, 11, 1), inhabitants={lindesberg: 23_710, nora: 10_580}
    )
    assert Population.objects.count() == 2
    assert AuditEntry.objects.filter(action="population_record").count() == 2


def test_population_over_the_maximum(official_user, sofint):
    with pytest.raises(ValidationError, match="orimligt"):
        services.population_record(
            actor=official_user,
            member=_member(sofint, "Nora"),
            on=D(2025, 11, 1),
            inhabitants=services.MAX_INHABITANTS + 1,
        )


def test_elected_may_not_change_a_federation(elected, sofint):
    with pytest.raises(PermissionDenied):
        services.federation_update(actor=elected, federation=sofint, **_update(sofint))
    with pytest.raises(PermissionDenied):
        services.federation_member_update(
            actor=elected,
            member=FederationMember.objects.first(),
            name="X",
            board_members=1,
            board_substitutes=1,
        )
