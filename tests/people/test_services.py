import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kansli.core.models import AuditEntry
from kansli.people import selectors, services
from kansli.people.models import Membership, MembershipRole

D = datetime.date


@pytest.fixture
def parties(db):
    return {
        code: services.party_create(actor=None, code=code, name=name)
        for code, name in [
            ("S", "Socialdemokraterna"),
            ("M", "Moderaterna"),
            ("KD", "Kristdemokraterna"),
        ]
    }


def _person(parties, first, last, party):
    return services.person_create(
        actor=None, first_name=first, last_name=last, party=parties[party]
    )


def test_membership_end_before_start_is_refused(secretary, board, person):
    with pytest.raises(ValidationError, match="kan inte sluta innan det börjar"):
        services.membership_create(
            actor=secretary,
            person=person,
            organization=board,
            role=MembershipRole.MEMBER,
            start=D(2020, 1, 1),
            end=D(2019, 12, 31),
        )
    assert not Membership.objects.exists()
    assert not AuditEntry.objects.filter(action="membership_create").exists()


def test_two_chairs_at_once_are_refused_but_successive_chairs_allowed(secretary, board, parties):
    first = _person(parties, "Andreas", "Svahn", "S")
    second = _person(parties, "Karin", "Sundin", "S")
    services.membership_create(
        actor=secretary,
        person=first,
        organization=board,
        role=MembershipRole.CHAIR,
        start=D(2019, 1, 1),
        end=D(2020, 12, 31),
    )
    with pytest.raises(ValidationError, match="har redan en ordförande under perioden"):
        services.membership_create(
            actor=secretary,
            person=second,
            organization=board,
            role=MembershipRole.CHAIR,
            start=D(2020, 6, 1),
        )
    assert Membership.objects.count() == 1
    services.membership_create(
        actor=secretary,
        person=second,
        organization=board,
        role=MembershipRole.CHAIR,
        start=D(2021, 1, 1),
    )
    # a vice chair is another role: allowed at the same time
    services.membership_create(
        actor=secretary,
        person=_person(parties, "Behcet", "Barsom", "KD"),
        organization=board,
        role=MembershipRole.FIRST_VICE_CHAIR,
        start=D(2019, 1, 1),
    )
    assert Membership.objects.count() == 3


def test_ending_a_membership(secretary, board, person):
    seat = services.membership_create(
        actor=secretary,
        person=person,
        organization=board,
        role=MembershipRole.MEMBER,
        start=D(2019, 1, 1),
    )
    services.membership_end(actor=secretary, membership=seat, end=D(2020, 8, 26))
    seat.refresh_from_db()
    assert seat.end == D(2020, 8, 26)
    with pytest.raises(ValidationError):
        services.membership_end(actor=secretary, membership=seat, end=D(2018, 1, 1))
    seat.refresh_from_db()
    assert seat.end == D(2020, 8, 26)


def test_reinstating_an_ended_seat(secretary, registrar, board, parties):
    """A seat ended early gets its days back (a holder fullmäktige lets keep the seat); not
    over another's chair, not when it has no end, not to an earlier day."""
    chair = services.membership_create(
        actor=secretary,
        person=_person(parties, "Andreas", "Svahn", "S"),
        organization=board,
        role=MembershipRole.CHAIR,
        start=D(2019, 1, 1),
        end=D(2020, 6, 15),
    )
    with pytest.raises(ValidationError, match="inget slutdatum"):
        services.membership_reinstate(
            actor=secretary,
            membership=services.membership_create(
                actor=secretary,
                person=_person(parties, "Eva", "Exempel", "M"),
                organization=board,
                role=MembershipRole.MEMBER,
                start=D(2019, 1, 1),
            ),
            end=None,
        )
    with pytest.raises(ValidationError, match="slutar redan 2020-06-15"):
        services.membership_reinstate(actor=secretary, membership=chair, end=D(2020, 6, 1))
    later = services.membership_create(
        actor=secretary,
        person=_person(parties, "Karin", "Exempelsdotter", "S"),
        organization=board,
        role=MembershipRole.CHAIR,
        start=D(2021, 1, 1),
    )
    with pytest.raises(ValidationError, match="har redan en ordförande"):
        services.membership_reinstate(actor=secretary, membership=chair, end=None)
    assert Membership.objects.get(pk=chair.pk).end == D(2020, 6, 15)
    assert not AuditEntry.objects.filter(action="membership_reinstate").exists()
    services.membership_reinstate(actor=secretary, membership=chair, end=D(2020, 12, 31))
    assert Membership.objects.get(pk=chair.pk).end == D(2020, 12, 31)
    entry = AuditEntry.objects.get(action="membership_reinstate")
    assert entry.changes == {"end": ["2020-06-15", "2020-12-31"]}
    assert later.end is None
    with pytest.raises(PermissionDenied):
        services.membership_reinstate(actor=registrar, membership=chair, end=D(2020, 12, 31))


def test_only_secretaries_and_administrators_change_memberships(elected, registrar, board, person):
    for actor in (elected, registrar):
        with pytest.raises(PermissionDenied):
            services.membership_create(
                actor=actor,
                person=person,
                organization=board,
                role=MembershipRole.MEMBER,
                start=D(2019, 1, 1),
            )


def test_substitutes_get_their_order_within_party(secretary, board, parties):
    a = _person(parties, "Carina", "Dahl", "S")
    b = _person(parties, "Zaki", "Habib", "S")
    c = _person(parties, "Oskar", "Svärd", "M")
    orders = [
        services.membership_create(
            actor=secretary,
            person=p,
            organization=board,
            role=MembershipRole.SUBSTITUTE,
            start=D(2019, 1, 1),
        ).substitute_order
        for p in (a, b, c)
    ]
    assert orders == [1, 2, 1]


def test_members_on_a_day_in_notice_order(secretary, board, parties):
    board.body.party_order = "S,M,KD"
    board.body.save()
    seats = [
        ("Ola", "Karlsson", "M", MembershipRole.SECOND_VICE_CHAIR),
        ("Karin", "Sundin", "S", MembershipRole.MEMBER),
        ("Sebastian", "Cehlin", "M", MembershipRole.MEMBER),
        ("Andreas", "Svahn", "S", MembershipRole.CHAIR),
        ("Behcet", "Barsom", "KD", MembershipRole.FIRST_VICE_CHAIR),
    ]
    for first, last, party, role in seats:
        services.membership_create(
            actor=secretary,
            person=_person(parties, first, last, party),
            organization=board,
            role=role,
            start=D(2019, 1, 1),
        )
    old = _person(parties, "Gammal", "Ledamot", "S")
    services.membership_create(
        actor=secretary,
        person=old,
        organization=board,
        role=MembershipRole.MEMBER,
        start=D(2015, 1, 1),
        end=D(2018, 12, 31),
    )
    members, substitutes = selectors.memberships_on(
        viewer=None, organization=board, day=D(2020, 8, 26)
    )
    assert [m.person.last_name for m in members] == [
        "Svahn",
        "Barsom",
        "Karlsson",
        "Sundin",
        "Cehlin",
    ]
    assert substitutes == []
    history = selectors.membership_history(viewer=None, organization=board)
    assert history[-1].person == old
