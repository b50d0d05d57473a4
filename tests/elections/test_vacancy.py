"""A seat vacated without a resignation (the holder died or is no longer eligible): the seat
ends that day, a by-election fills the rest of the period through the same steps, and bad
input changes nothing."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from kansli.core.models import AuditEntry
from kansli.elections import rules, selectors, services
from kansli.elections.models import ByElection, VacancyReason
from kansli.people import services as people
from kansli.people.models import Membership, Party

D = datetime.date


@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2099, 12, 31)))
def test_the_seat_ends_on_the_day_of_the_event(day):
    assert rules.vacancy_end(day) == day


MAY_4 = D(2020, 5, 4)


def _vacate(seat, day=MAY_4, reason=VacancyReason.INELIGIBLE, actor=None):
    return services.vacancy_register(actor=actor, membership=seat, occurred_on=day, reason=reason)


def test_from_vacancy_to_election(seat, successor, secretary):
    by_election = _vacate(seat, actor=secretary)
    seat.refresh_from_db()
    assert seat.end == D(2020, 5, 4)
    assert by_election.end == D(2022, 12, 31) and by_election.resignation is None
    assert by_election.party == seat.person.party and by_election.role == seat.role
    entry = AuditEntry.objects.get(action="vacancy_register")
    assert "Patrik Rehnbergs uppdrag som ersättare" in entry.summary
    services.by_election_nominate(actor=secretary, by_election=by_election, person=successor)
    services.by_election_decide(actor=secretary, by_election=by_election, decided_on=D(2020, 6, 1))
    new = Membership.objects.get(person=successor)
    assert (new.start, new.end, new.term_id) == (D(2020, 6, 1), D(2022, 12, 31), seat.term_id)
    assert new.organization == seat.organization and new.role == seat.role


class TestRefused:
    def test_an_unknown_reason(self, seat):
        with pytest.raises(ValidationError, match="Välj varför"):
            _vacate(seat, reason="<script>")
        assert Membership.objects.get(pk=seat.pk).end is None

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
        assert Membership.objects.get(pk=seat.pk).end is None
        assert not ByElection.objects.exists()

    def test_a_seat_with_an_open_resignation(self, seat, series):
        services.resignation_register(
            actor=None, membership=seat, requested_on=D(2020, 4, 1), series=series
        )
        with pytest.raises(ValidationError, match="begäran om entledigande"):
            _vacate(seat)
        assert ByElection.objects.count() == 1

    def test_twice(self, seat):
        _vacate(seat)
        with pytest.raises(ValidationError, match="ingen återstående period"):
            _vacate(seat, day=D(2020, 6, 1))

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


def test_the_pages(client, secretary, elected, seat, successor):
    register = reverse("elections:vacancy_register")
    client.force_login(elected)
    assert client.get(register).status_code == 403
    client.force_login(secretary)
    assert register in client.get(reverse("elections:list")).content.decode()
    data = {"membership": seat.pk, "occurred_on": "2020-05-04", "reason": "ej_valbar"}
    for changes, message in (
        ({"reason": "<script>"}, "Välj varför platsen blev ledig."),
        ({"occurred_on": "4/5"}, "ÅÅÅÅ-MM-DD"),
        ({"membership": "'; DROP TABLE x; --"}, "Välj i listan."),
        ({"occurred_on": "2018-01-01"}, "före uppdragets början"),
    ):
        response = client.post(register, {**data, **changes})
        assert response.status_code == 200 and message in response.content.decode()
    assert not ByElection.objects.exists()
    response = client.post(register, data)
    by_election = ByElection.objects.get()
    assert response["Location"] == reverse("elections:vacancy", args=[by_election.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Valbarheten har upphört" in page and "2022-12-31" in page
    assert "Patrik Rehnberg" in client.get(reverse("elections:list")).content.decode()
    nominate = reverse("elections:vacancy_nominate", args=[by_election.pk])
    assert client.get(nominate).status_code == 405
    response = client.post(nominate, {"person": seat.person_id})
    assert "Välj i listan." in response.content.decode()  # not a candidate
    assert client.post(nominate, {"person": successor.pk}).status_code == 302
    elect = reverse("elections:vacancy_elect", args=[by_election.pk])
    response = client.post(elect, {"decided_on": "2020-05-01"})
    assert "före dagen platsen blev ledig" in response.content.decode()
    assert client.post(elect, {"decided_on": "2020-06-01"}).status_code == 302
    page = client.get(reverse("elections:vacancy", args=[by_election.pk])).content.decode()
    assert "vald 2020-06-01" in page and "För in valet" not in page
    client.force_login(elected)
    assert client.get(reverse("elections:vacancy", args=[by_election.pk])).status_code == 200
    assert client.post(elect, {"decided_on": "2020-06-01"}).status_code == 403
    assert client.get(reverse("elections:vacancy", args=[99999])).status_code == 404


def test_the_start_page_counts_an_open_vacancy(client, secretary, seat, body):
    _vacate(seat)
    assert selectors.vacancies(viewer=secretary, body=body).count() == 1
    client.force_login(secretary)
    page = client.get("/").content.decode()
    assert "1 vakant plats att fylla" in page
