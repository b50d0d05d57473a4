"""A seat vacated without a resignation (the holder died or is no longer eligible): the seat
ends on the day of the event, or, for a holder no longer eligible in a seat given by
fullmäktige, at the next council meeting unless fullmäktige lets the holder keep it
(KL 4 kap. 7 §); a by-election fills the rest of the period through the same steps, and bad
input changes nothing."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from kansli.core.models import AuditEntry
from kansli.elections import selectors, services
from kansli.elections.models import ByElection, VacancyReason
from kansli.meetings.services import meeting_cancel, meeting_create
from kansli.people import services as people
from kansli.people.models import Membership, MembershipRole, OrganizationKind, Party

D = datetime.date

MAY_4 = D(2020, 5, 4)  # the day of the event
JUNE_15 = D(2020, 6, 15)  # the next council meeting after it


def _vacate(seat, day=MAY_4, reason=VacancyReason.DEATH, actor=None):
    return services.vacancy_register(actor=actor, membership=seat, occurred_on=day, reason=reason)


def _meeting(organization, day):
    return meeting_create(
        actor=None,
        organization=organization,
        date=day,
        start_time=datetime.time(10),
        place="Regionens hus, plenisalen",
    )


@pytest.fixture
def council(body):
    return people.organization_create(
        actor=None, body=body, name="Regionfullmäktige", kind=OrganizationKind.COUNCIL
    )


@pytest.fixture
def council_meetings(council):
    """Meetings around the event: one before, one the same day, one cancelled and the next
    one after it, 2020-06-15."""
    _meeting(council, D(2020, 4, 20))
    _meeting(council, MAY_4)
    meeting_cancel(actor=None, meeting=_meeting(council, D(2020, 5, 25)), reason="Inga ärenden")
    _meeting(council, D(2020, 9, 21))
    return _meeting(council, JUNE_15)


@pytest.fixture
def committee(body):
    return people.organization_create(
        actor=None, body=body, name="Hälso- och sjukvårdsnämnden", kind=OrganizationKind.COMMITTEE
    )


def _seat(organization, term, party, first_name="Lena", last_name="Exempelsson", **kwargs):
    holder = people.person_create(
        actor=None, first_name=first_name, last_name=last_name, party=party
    )
    return people.membership_create(
        actor=None,
        person=holder,
        organization=organization,
        role=kwargs.pop("role", MembershipRole.MEMBER),
        start=kwargs.pop("start", D(2019, 1, 1)),
        term=term,
        **kwargs,
    )


@pytest.fixture
def committee_seat(committee, term, social_democrats):
    return _seat(committee, term, social_democrats)


@pytest.fixture
def council_seat(council, term, social_democrats):
    return _seat(council, term, social_democrats, first_name="Per", last_name="Exempelberg")


def _unchanged(seat, end=None):
    assert Membership.objects.get(pk=seat.pk).end == end
    assert not ByElection.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="vacancy").exists()


def test_from_vacancy_to_election(seat, successor, secretary):
    by_election = _vacate(seat, actor=secretary)
    seat.refresh_from_db()
    assert seat.end == MAY_4
    assert (by_election.vacated_on, by_election.seat_ends_on) == (MAY_4, MAY_4)
    assert by_election.end == D(2022, 12, 31) and by_election.resignation is None
    assert by_election.party == seat.person.party and by_election.role == seat.role
    entry = AuditEntry.objects.get(action="vacancy_register")
    assert "Patrik Rehnbergs uppdrag som ersättare" in entry.summary
    services.by_election_nominate(actor=secretary, by_election=by_election, person=successor)
    services.by_election_decide(actor=secretary, by_election=by_election, decided_on=D(2020, 6, 1))
    new = Membership.objects.get(person=successor)
    assert (new.start, new.end, new.term_id) == (D(2020, 6, 1), D(2022, 12, 31), seat.term_id)
    assert new.organization == seat.organization and new.role == seat.role


class TestNoLongerEligible:
    def test_a_member_of_fullmaktige_loses_the_seat_at_once(self, council_seat):
        # No council meeting is needed: the seat ends the day eligibility is lost.
        by_election = _vacate(council_seat, reason=VacancyReason.INELIGIBLE)
        assert Membership.objects.get(pk=council_seat.pk).end == MAY_4
        assert by_election.seat_ends_on == MAY_4 and not by_election.ends_at_council_meeting
        assert not services.may_be_kept(by_election)

    def test_a_seat_given_by_fullmaktige_ends_at_the_next_council_meeting(
        self, committee_seat, council_meetings, successor, secretary
    ):
        by_election = _vacate(committee_seat, reason=VacancyReason.INELIGIBLE, actor=secretary)
        # Not the meeting before, the one the same day or the cancelled one: 2020-06-15.
        assert Membership.objects.get(pk=committee_seat.pk).end == JUNE_15
        assert (by_election.vacated_on, by_election.seat_ends_on) == (MAY_4, JUNE_15)
        assert by_election.vacated_end is None and by_election.end == D(2022, 12, 31)
        assert by_election.ends_at_council_meeting and services.may_be_kept(by_election)
        entry = AuditEntry.objects.get(action="vacancy_register")
        assert "upphör vid sammanträdet med regionfullmäktige 2020-06-15" in entry.summary
        # The successor is elected at that meeting at the earliest.
        services.by_election_nominate(actor=secretary, by_election=by_election, person=successor)
        with pytest.raises(ValidationError, match=r"före dagen platsen blev ledig \(2020-06-15\)"):
            services.by_election_decide(
                actor=secretary, by_election=by_election, decided_on=D(2020, 6, 14)
            )
        services.by_election_decide(actor=secretary, by_election=by_election, decided_on=JUNE_15)
        assert Membership.objects.get(person=successor).start == JUNE_15

    def test_the_council_meeting_may_lie_ahead(self, committee, council, social_democrats):
        today = timezone.localdate()
        seat = people.membership_create(
            actor=None,
            person=people.person_create(actor=None, first_name="Eva", last_name="Exempel"),
            organization=committee,
            role=MembershipRole.MEMBER,
            start=today - datetime.timedelta(days=100),
            end=today + datetime.timedelta(days=300),
        )
        meeting = _meeting(council, today + datetime.timedelta(days=20))
        by_election = _vacate(seat, day=today, reason=VacancyReason.INELIGIBLE)
        assert Membership.objects.get(pk=seat.pk).end == meeting.date
        assert by_election.vacated_end == today + datetime.timedelta(days=300)

    def test_no_council_meeting_planned(self, committee_seat, council, body):
        _meeting(council, D(2020, 4, 20))  # before the event
        _meeting(council, MAY_4)  # the same day: not after it
        meeting_cancel(actor=None, meeting=_meeting(council, JUNE_15))
        other = people.body_create(actor=None, name="Grannkommunen")
        _meeting(
            people.organization_create(
                actor=None, body=other, name="Kommunfullmäktige", kind=OrganizationKind.COUNCIL
            ),
            JUNE_15,
        )
        _meeting(committee_seat.organization, JUNE_15)  # not fullmäktige
        with pytest.raises(ValidationError) as refused:
            _vacate(committee_seat, reason=VacancyReason.INELIGIBLE)
        assert refused.value.messages == [
            "Uppdraget upphör vid nästa sammanträde med fullmäktige (kommunallagen 4 kap. 7 §), "
            "men inget sådant sammanträde är planerat efter 2020-05-04; lägg in sammanträdet först."
        ]
        _unchanged(committee_seat)

    def test_a_seat_that_ends_before_the_meeting_leaves_nothing_to_fill(
        self, committee_seat, council
    ):
        _meeting(council, D(2023, 1, 16))  # the next term
        with pytest.raises(ValidationError, match="slutar ändå 2022-12-31"):
            _vacate(committee_seat, day=D(2022, 12, 1), reason=VacancyReason.INELIGIBLE)
        _unchanged(committee_seat)


class TestKept:
    """Fullmäktige, on application, lets the holder keep the seat for the rest of the term."""

    @pytest.fixture
    def vacancy(self, committee_seat, council_meetings):
        return _vacate(committee_seat, reason=VacancyReason.INELIGIBLE)

    def test_the_seat_is_given_back_and_the_by_election_closed(
        self, vacancy, committee_seat, secretary, successor, body
    ):
        services.by_election_nominate(actor=secretary, by_election=vacancy, person=successor)
        services.vacancy_keep(
            actor=secretary, by_election=vacancy, decided_on=JUNE_15, reference=" RF  § 45 "
        )
        vacancy.refresh_from_db()
        assert (vacancy.kept_on, vacancy.kept_reference) == (JUNE_15, "RF § 45")
        assert not vacancy.is_open and vacancy.decided_on is None
        seat = Membership.objects.get(pk=committee_seat.pk)
        assert seat.end is None and seat.last_day == D(2022, 12, 31)
        kept = AuditEntry.objects.get(action="vacancy_keep")
        assert "Lena Exempelsson får ha kvar uppdraget som ledamot" in kept.summary
        assert "RF § 45" in kept.summary
        restored = AuditEntry.objects.get(action="membership_reinstate")
        assert restored.changes == {"end": ["2020-06-15", None]}
        assert not selectors.vacancies_to_fill(viewer=secretary, body=body).exists()
        # No by-election any more, and no second decision.
        with pytest.raises(ValidationError, match="inget fyllnadsval behövs"):
            services.by_election_decide(actor=secretary, by_election=vacancy, decided_on=JUNE_15)
        with pytest.raises(ValidationError, match="inget fyllnadsval behövs"):
            services.by_election_nominate(actor=secretary, by_election=vacancy, person=successor)
        with pytest.raises(ValidationError, match="redan beslutat"):
            services.vacancy_keep(
                actor=secretary, by_election=vacancy, decided_on=JUNE_15, reference="RF § 45"
            )
        assert not Membership.objects.filter(person=successor).exists()
        # Kept, the seat may fall vacant again later (the holder dies).
        again = _vacate(seat, day=D(2021, 2, 1))
        assert Membership.objects.get(pk=seat.pk).end == D(2021, 2, 1) and again.is_open

    def test_a_seat_with_its_own_end_gets_it_back(
        self, committee, term, social_democrats, council_meetings
    ):
        seat = _seat(committee, term, social_democrats, end=D(2021, 12, 31))
        vacancy = _vacate(seat, reason=VacancyReason.INELIGIBLE)
        assert vacancy.end == D(2021, 12, 31) and vacancy.vacated_end == D(2021, 12, 31)
        services.vacancy_keep(
            actor=None, by_election=vacancy, decided_on=JUNE_15, reference="RF § 45"
        )
        assert Membership.objects.get(pk=seat.pk).end == D(2021, 12, 31)

    def test_decided_at_an_earlier_council_meeting(self, vacancy, committee_seat):
        services.vacancy_keep(
            actor=None, by_election=vacancy, decided_on=D(2020, 4, 20), reference="RF § 12"
        )
        assert Membership.objects.get(pk=committee_seat.pk).end is None

    @pytest.mark.parametrize(
        ("day", "reference", "message"),
        [
            (D(2020, 9, 21), "RF § 80", "fullmäktige beslutar senast då"),
            (D(2020, 6, 16), "RF § 45", "fullmäktige beslutar senast då"),
            (D(2020, 6, 1), "RF § 45", "inget sammanträde med fullmäktige 2020-06-01"),
            # Cancelled:
            (D(2020, 5, 25), "RF § 45", "inget sammanträde med fullmäktige 2020-05-25"),
            (D(2018, 12, 3), "RF § 45", "före uppdragets början"),
            (JUNE_15, "   ", "Ange beslutet"),
            (JUNE_15, "x" * 201, "Högst 200 tecken"),
        ],
    )
    def test_refused(self, vacancy, committee_seat, day, reference, message):
        with pytest.raises(ValidationError, match=message):
            services.vacancy_keep(
                actor=None, by_election=vacancy, decided_on=day, reference=reference
            )
        self._nothing_kept(vacancy, committee_seat)

    def test_not_in_the_future(self, committee, council, social_democrats):
        today = timezone.localdate()
        seat = people.membership_create(
            actor=None,
            person=people.person_create(actor=None, first_name="Eva", last_name="Exempel"),
            organization=committee,
            role=MembershipRole.MEMBER,
            start=today - datetime.timedelta(days=100),
            end=today + datetime.timedelta(days=300),
        )
        meeting = _meeting(council, today + datetime.timedelta(days=20))
        vacancy = _vacate(seat, day=today, reason=VacancyReason.INELIGIBLE)
        with pytest.raises(ValidationError, match="kan inte ligga i framtiden"):
            services.vacancy_keep(
                actor=None, by_election=vacancy, decided_on=meeting.date, reference="KF § 1"
            )
        self._nothing_kept(vacancy, seat, end=meeting.date)

    @pytest.mark.parametrize(
        ("holder", "reason"),
        [
            ("committee_seat", VacancyReason.DEATH),
            ("committee_seat", VacancyReason.OTHER),
            ("council_seat", VacancyReason.INELIGIBLE),
        ],
    )
    def test_only_a_seat_given_by_fullmaktige_lost_by_ineligibility(
        self, request, council_meetings, holder, reason
    ):
        seat = request.getfixturevalue(holder)
        vacancy = _vacate(seat, reason=reason)
        assert not services.may_be_kept(vacancy)
        with pytest.raises(ValidationError, match="Bara ett uppdrag som fullmäktige gett"):
            services.vacancy_keep(
                actor=None, by_election=vacancy, decided_on=MAY_4, reference="RF § 45"
            )
        self._nothing_kept(vacancy, seat, end=MAY_4)

    def test_not_once_the_successor_is_elected(self, vacancy, committee_seat, successor):
        services.by_election_nominate(actor=None, by_election=vacancy, person=successor)
        services.by_election_decide(actor=None, by_election=vacancy, decided_on=JUNE_15)
        with pytest.raises(ValidationError, match="Fyllnadsvalet är redan gjort"):
            services.vacancy_keep(
                actor=None, by_election=vacancy, decided_on=JUNE_15, reference="RF § 45"
            )
        assert Membership.objects.get(pk=committee_seat.pk).end == JUNE_15

    def test_not_when_another_holds_the_place_meanwhile(
        self, committee, term, social_democrats, council_meetings
    ):
        seat = _seat(committee, term, social_democrats, role=MembershipRole.SUBSTITUTE)
        vacancy = _vacate(seat, reason=VacancyReason.INELIGIBLE)
        # Given by hand, not by the by-election: the next substitute from 2020-07-01, as nr 1.
        other = _seat(
            committee,
            term,
            social_democrats,
            first_name="Jon",
            role=MembershipRole.SUBSTITUTE,
            start=D(2020, 7, 1),
        )
        assert other.substitute_order == seat.substitute_order == 1
        with pytest.raises(ValidationError, match="En annan ersättare har plats nr 1"):
            services.vacancy_keep(
                actor=None, by_election=vacancy, decided_on=JUNE_15, reference="RF § 45"
            )
        self._nothing_kept(vacancy, seat, end=JUNE_15)

    def test_officials_do_not_record_it(self, vacancy, committee_seat, official_user):
        with pytest.raises(PermissionDenied):
            services.vacancy_keep(
                actor=official_user, by_election=vacancy, decided_on=JUNE_15, reference="RF § 45"
            )
        self._nothing_kept(vacancy, committee_seat)

    @staticmethod
    def _nothing_kept(vacancy, seat, end=JUNE_15):
        vacancy.refresh_from_db()
        assert vacancy.kept_on is None and vacancy.kept_reference == ""
        assert Membership.objects.get(pk=seat.pk).end == end
        assert not AuditEntry.objects.filter(
            action__in=["vacancy_keep", "membership_reinstate"]
        ).exists()


class TestRefused:
    def test_an_unknown_reason(self, seat):
        with pytest.raises(ValidationError, match="Välj varför"):
            _vacate(seat, reason="<script>")
        _unchanged(seat)

    @pytest.mark.parametrize(
        ("day", "message"),
        [
            (D(2018, 12, 31), "före uppdragets början"),
            (D(2999, 1, 1), "kan inte ligga i framtiden"),
            (D(2022, 12, 31), "ingen återstående period"),
        ],
    )
    def test_days_outside_the_seat(self, seat, day, message):
        with pytest.raises(ValidationError, match=message):
            _vacate(seat, day=day)
        _unchanged(seat)

    def test_a_seat_with_an_open_resignation(self, seat, series):
        services.resignation_register(
            actor=None, membership=seat, requested_on=D(2020, 4, 1), series=series
        )
        with pytest.raises(ValidationError, match="begäran om entledigande"):
            _vacate(seat)
        assert ByElection.objects.count() == 1

    def test_twice(self, committee_seat, council_meetings):
        _vacate(committee_seat, reason=VacancyReason.INELIGIBLE)
        # The holder dies before the meeting: the seat is already vacated.
        with pytest.raises(ValidationError, match="redan registrerad som ledig"):
            _vacate(committee_seat, day=D(2020, 6, 1))
        assert ByElection.objects.count() == 1
        assert Membership.objects.get(pk=committee_seat.pk).end == JUNE_15

    def test_a_resignation_from_a_vacated_seat(self, committee_seat, council_meetings, series):
        _vacate(committee_seat, reason=VacancyReason.INELIGIBLE)
        with pytest.raises(ValidationError, match="redan registrerad som ledig"):
            services.resignation_register(
                actor=None, membership=committee_seat, requested_on=D(2020, 6, 1), series=series
            )
        assert ByElection.objects.count() == 1

    def test_the_one_who_left_and_another_party_cannot_be_named(self, seat):
        by_election = _vacate(seat)
        with pytest.raises(ValidationError, match="hade platsen"):
            services.by_election_nominate(actor=None, by_election=by_election, person=seat.person)
        other = people.person_create(
            actor=None,
            first_name="Ola",
            last_name="Karlsson",
            party=Party.objects.get_or_create(code="M", defaults={"name": "Moderaterna"})[0],
        )
        with pytest.raises(ValidationError, match="Platsen tillhör"):
            services.by_election_nominate(actor=None, by_election=by_election, person=other)

    def test_an_election_before_the_vacancy(self, seat, successor):
        by_election = _vacate(seat)
        services.by_election_nominate(actor=None, by_election=by_election, person=successor)
        with pytest.raises(ValidationError, match="före dagen platsen blev ledig"):
            services.by_election_decide(
                actor=None, by_election=by_election, decided_on=D(2020, 5, 1)
            )
        assert not Membership.objects.filter(person=successor).exists()

    def test_officials_do_not_register_vacancies(self, seat, official_user):
        with pytest.raises(PermissionDenied):
            _vacate(seat, actor=official_user)


def test_the_pages(client, secretary, elected, seat, successor, council):
    register = reverse("elections:vacancy_register")
    client.force_login(elected)
    assert client.get(register).status_code == 403
    client.force_login(secretary)
    assert register in client.get(reverse("elections:list")).content.decode()
    page = client.get(register).content.decode()
    assert "vid nästa sammanträde med fullmäktige" in page and "4 kap. 7 §" in page
    data = {"membership": seat.pk, "occurred_on": "2020-05-04", "reason": "ej_valbar"}
    for changes, message in (
        ({"reason": "<script>"}, "Välj varför platsen blev ledig."),
        ({"occurred_on": "4/5"}, "ÅÅÅÅ-MM-DD"),
        ({"membership": "'; DROP TABLE x; --"}, "Välj i listan."),
        ({"occurred_on": "2018-01-01"}, "före uppdragets början"),
        ({}, "inget sådant sammanträde är planerat efter 2020-05-04"),
    ):
        response = client.post(register, {**data, **changes})
        assert response.status_code == 200 and message in response.content.decode()
    assert not ByElection.objects.exists()
    _meeting(council, JUNE_15)
    response = client.post(register, data, follow=True)
    by_election = ByElection.objects.get()
    assert response.redirect_chain[-1][0] == reverse("elections:vacancy", args=[by_election.pk])
    page = response.content.decode()
    assert "Uppdraget upphör vid nästa sammanträde med fullmäktige, 2020-06-15" in page
    assert "Valbarheten har upphört" in page and "2022-12-31" in page
    assert "Patrik Rehnberg" in client.get(reverse("elections:list")).content.decode()
    nominate = reverse("elections:vacancy_nominate", args=[by_election.pk])
    assert client.get(nominate).status_code == 405
    response = client.post(nominate, {"person": seat.person_id})
    assert "Välj i listan." in response.content.decode()  # not a candidate
    assert client.post(nominate, {"person": successor.pk}).status_code == 302
    elect = reverse("elections:vacancy_elect", args=[by_election.pk])
    response = client.post(elect, {"decided_on": "2020-06-01"})
    assert "före dagen platsen blev ledig (2020-06-15)" in response.content.decode()
    assert client.post(elect, {"decided_on": "2020-06-15"}).status_code == 302
    page = client.get(reverse("elections:vacancy", args=[by_election.pk])).content.decode()
    assert "vald 2020-06-15" in page and "För in valet" not in page
    assert "Får ha kvar uppdraget" not in page  # filled: too late to keep it
    client.force_login(elected)
    assert client.get(reverse("elections:vacancy", args=[by_election.pk])).status_code == 200
    assert client.post(elect, {"decided_on": "2020-06-01"}).status_code == 403
    assert client.get(reverse("elections:vacancy", args=[99999])).status_code == 404


def test_a_death_ends_the_seat_that_day_on_the_page(client, secretary, seat):
    client.force_login(secretary)
    data = {"membership": seat.pk, "occurred_on": "2020-05-04", "reason": "avliden"}
    response = client.post(reverse("elections:vacancy_register"), data, follow=True)
    page = response.content.decode()
    assert "Uppdraget slutade 2020-05-04; platsen fylls genom fyllnadsval" in page
    assert "Får ha kvar uppdraget" not in page and "Föreslå efterträdare" in page


def test_the_keep_step(client, secretary, elected, committee_seat, council_meetings, body):
    vacancy = _vacate(committee_seat, reason=VacancyReason.INELIGIBLE)
    detail = reverse("elections:vacancy", args=[vacancy.pk])
    keep = reverse("elections:vacancy_keep", args=[vacancy.pk])
    client.force_login(elected)
    page = client.get(detail).content.decode()
    assert "2020-06-15, vid nästa sammanträde med fullmäktige" in page
    assert keep not in page  # members read, they do not record
    assert client.post(keep, {"decided_on": "2020-06-15", "reference": "RF § 45"}).status_code == (
        403
    )
    client.force_login(secretary)
    page = client.get(detail).content.decode()
    assert keep in page and 'value="2020-06-15"' in page
    assert client.get(keep).status_code == 405
    for data, message in (
        ({"decided_on": "2020-09-21", "reference": "RF § 80"}, "fullmäktige beslutar senast då"),
        ({"decided_on": "15/6", "reference": "RF § 45"}, "ÅÅÅÅ-MM-DD"),
        ({"decided_on": "2020-06-15", "reference": ""}, "Ange beslutet"),
    ):
        response = client.post(keep, data)
        assert response.status_code == 200 and message in response.content.decode()
    assert Membership.objects.get(pk=committee_seat.pk).end == JUNE_15
    response = client.post(keep, {"decided_on": "2020-06-15", "reference": "RF § 45"}, follow=True)
    page = response.content.decode()
    assert "Lena Exempelsson får ha kvar uppdraget under återstoden av mandattiden" in page
    assert "Upphör inte: fullmäktige beslutade 2020-06-15 (RF § 45)" in page
    assert "Föreslå efterträdare" not in page and "För in valet" not in page
    assert keep not in page
    assert Membership.objects.get(pk=committee_seat.pk).end is None
    listing = client.get(reverse("elections:list")).content.decode()
    assert "Får ha kvar uppdraget (beslut 2020-06-15)" in listing and "Behövs inte" in listing
    assert "vakant plats" not in client.get("/").content.decode()
    response = client.post(keep, {"decided_on": "2020-06-15", "reference": "RF § 45"})
    assert response.status_code == 200 and "redan beslutat" in response.content.decode()


def test_the_start_page_counts_an_open_vacancy(client, secretary, seat, body):
    _vacate(seat)
    assert selectors.vacancies(viewer=secretary, body=body).count() == 1
    assert selectors.vacancies_to_fill(viewer=secretary, body=body).count() == 1
    client.force_login(secretary)
    page = client.get("/").content.decode()
    assert "1 vakant plats att fylla" in page
