"""Resignation and by-election end to end through the services (corpus item 5)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kansli.core.models import AuditEntry
from kansli.elections import services
from kansli.elections.models import Resignation, ResignationStatus
from kansli.meetings.models import AgendaItem
from kansli.meetings.services import agenda_item_memo_mark_ready, meeting_create
from kansli.people import services as people
from kansli.people.models import Membership, MembershipRole

D = datetime.date


@pytest.fixture
def resignation(seat, series):
    return services.resignation_register(
        actor=None, membership=seat, requested_on=D(2020, 6, 24), series=series
    )


def _clauses(item):
    item.proposal.refresh_from_db()
    return [c.text for c in item.proposal.clauses.all()]


def test_the_whole_workflow(seat, series, board_meeting, successor, secretary):
    resignation = services.resignation_register(
        actor=secretary, membership=seat, requested_on=D(2020, 6, 24), series=series
    )
    by_election = resignation.by_election
    assert resignation.case.title == (
        "Entledigande samt fyllnadsval till rådet för funktionshinderfrågor i Degerfors kommun"
    )
    assert by_election.end == D(2022, 12, 31) and by_election.party.code == "S"

    services.resignation_propose(actor=secretary, resignation=resignation, meeting=board_meeting)
    resignation.refresh_from_db()
    item = resignation.item
    assert resignation.status == ResignationStatus.PROPOSED
    assert item.title.startswith("Entledigande samt fyllnadsval till rådet")
    assert item.proposal.formula == "Regionstyrelsen beslutar"
    assert _clauses(item) == [
        "att bevilja Patrik Rehnbergs (S) begäran om entledigande från uppdraget som ersättare i "
        "rådet för funktionshinderfrågor i Degerfors kommun",
        "att till ny ersättare i rådet för funktionshinderfrågor i Degerfors kommun utse "
        "..... (S) för tiden 2020-08-26 – 2022-12-31",
    ]
    recipients = [r.label for r in item.memo.recipients.all()]
    assert recipients[1:] == ["Den valde", "Rådet för funktionshinderfrågor i Degerfors kommun"]
    # The memo cannot be ready while the person to elect is missing.
    with pytest.raises(ValidationError) as caught:
        agenda_item_memo_mark_ready(actor=secretary, item=item)
    assert any("”.....”" in m for m in caught.value.messages)

    services.by_election_nominate(actor=secretary, by_election=by_election, person=successor)
    assert _clauses(item)[1] == (
        "att till ny ersättare i rådet för funktionshinderfrågor i Degerfors kommun utse "
        "Anna Exempelsdotter (S) för tiden 2020-08-26 – 2022-12-31"
    )
    with pytest.raises(ValidationError) as caught:
        agenda_item_memo_mark_ready(actor=secretary, item=item)
    assert not any("platshållare" in m for m in caught.value.messages)  # only the signature

    services.resignation_grant(actor=secretary, resignation=resignation, decided_on=D(2020, 8, 26))
    seat.refresh_from_db()
    assert seat.end == D(2020, 8, 26)
    new = Membership.objects.get(person=successor)
    assert (new.role, new.start, new.end, new.term) == (
        MembershipRole.SUBSTITUTE,
        D(2020, 8, 26),
        D(2022, 12, 31),
        seat.term,
    )
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {
        "resignation_register",
        "resignation_propose",
        "by_election_nominate",
        "membership_end",
        "resignation_grant",
        "membership_create",
        "by_election_decide",
    } <= actions


def test_the_successor_can_be_elected_at_a_later_meeting(resignation, successor, board):
    services.resignation_grant(actor=None, resignation=resignation, decided_on=D(2020, 8, 26))
    by_election = resignation.by_election
    with pytest.raises(ValidationError, match="Ange vem som väljs"):
        services.by_election_decide(actor=None, by_election=by_election, decided_on=D(2020, 9, 30))
    services.by_election_nominate(actor=None, by_election=by_election, person=successor)
    services.by_election_decide(actor=None, by_election=by_election, decided_on=D(2020, 9, 30))
    new = Membership.objects.get(person=successor)
    assert (new.start, new.end) == (D(2020, 9, 30), D(2022, 12, 31))
    with pytest.raises(ValidationError, match="redan gjort"):
        services.by_election_decide(actor=None, by_election=by_election, decided_on=D(2020, 9, 30))


def test_the_seat_is_not_filled_before_it_is_free(resignation, successor):
    services.by_election_nominate(actor=None, by_election=resignation.by_election, person=successor)
    with pytest.raises(ValidationError, match="Bevilja entledigandet först"):
        services.by_election_decide(
            actor=None, by_election=resignation.by_election, decided_on=D(2020, 8, 26)
        )
    assert not Membership.objects.filter(person=successor).exists()


class TestRefusals:
    def test_register_refuses_an_ended_seat_a_second_request_and_a_future_day(self, seat, series):
        with pytest.raises(ValidationError, match="framtiden"):
            services.resignation_register(
                actor=None, membership=seat, requested_on=D(2999, 1, 1), series=series
            )
        services.resignation_register(
            actor=None, membership=seat, requested_on=D(2020, 6, 24), series=series
        )
        with pytest.raises(ValidationError, match="redan en begäran"):
            services.resignation_register(
                actor=None, membership=seat, requested_on=D(2020, 6, 25), series=series
            )
        people.membership_end(actor=None, membership=seat, end=D(2020, 1, 31))
        Resignation.objects.all().delete()
        with pytest.raises(ValidationError, match="slutade redan 2020-01-31"):
            services.resignation_register(
                actor=None, membership=seat, requested_on=D(2020, 6, 24), series=series
            )

    def test_a_seat_without_a_period_is_refused_with_advice(
        self, disability_council, successor, series
    ):
        open_seat = people.membership_create(
            actor=None,
            person=successor,
            organization=disability_council,
            role=MembershipRole.MEMBER,
            start=D(2019, 1, 1),
        )
        with pytest.raises(ValidationError, match="Lägg upp mandatperioden"):
            services.resignation_register(
                actor=None, membership=open_seat, requested_on=D(2020, 6, 24), series=series
            )
        assert not Resignation.objects.exists()

    def test_propose_refuses_a_meeting_before_the_request(self, resignation, board):
        early = meeting_create(
            actor=None,
            organization=board,
            date=D(2020, 6, 10),
            start_time=datetime.time(9),
            place="Sal A",
        )
        with pytest.raises(ValidationError, match="före dagen begäran kom in"):
            services.resignation_propose(actor=None, resignation=resignation, meeting=early)
        assert not AgendaItem.objects.exists()

    def test_grant_refuses_a_day_out_of_order(self, resignation, board_meeting):
        with pytest.raises(ValidationError, match="före dagen begäran kom in"):
            services.resignation_grant(
                actor=None, resignation=resignation, decided_on=D(2020, 6, 1)
            )
        services.resignation_propose(actor=None, resignation=resignation, meeting=board_meeting)
        with pytest.raises(ValidationError, match="sammanträdet 2020-08-26"):
            services.resignation_grant(
                actor=None, resignation=resignation, decided_on=D(2020, 8, 27)
            )
        services.resignation_grant(actor=None, resignation=resignation, decided_on=D(2020, 8, 26))
        with pytest.raises(ValidationError, match="redan beviljat"):
            services.resignation_grant(
                actor=None, resignation=resignation, decided_on=D(2020, 8, 26)
            )

    def test_nominate_refuses_another_party_and_the_resigning_person(self, resignation, seat):
        other = people.person_create(
            actor=None,
            first_name="Karin",
            last_name="Annanparti",
            party=people.party_create(actor=None, code="M", name="Moderaterna"),
        )
        with pytest.raises(ValidationError, match=r"Platsen tillhör Socialdemokraterna \(S\)"):
            services.by_election_nominate(
                actor=None, by_election=resignation.by_election, person=other
            )
        with pytest.raises(ValidationError, match="begärt entledigande"):
            services.by_election_nominate(
                actor=None, by_election=resignation.by_election, person=seat.person
            )

    def test_only_secretaries_and_administrators(self, seat, series, official_user, elected):
        for user in (official_user, elected):
            with pytest.raises(PermissionDenied):
                services.resignation_register(
                    actor=user, membership=seat, requested_on=D(2020, 6, 24), series=series
                )


def test_a_chair_is_replaced_on_the_day_the_resignation_is_granted(
    disability_council, term, social_democrats, successor, series
):
    chair = people.person_create(
        actor=None, first_name="Kerstin", last_name="Ordförandesson", party=social_democrats
    )
    seat = people.membership_create(
        actor=None,
        person=chair,
        organization=disability_council,
        role=MembershipRole.CHAIR,
        start=D(2019, 1, 1),
        term=term,
    )
    resignation = services.resignation_register(
        actor=None, membership=seat, requested_on=D(2020, 6, 24), series=series
    )
    services.by_election_nominate(actor=None, by_election=resignation.by_election, person=successor)
    services.resignation_grant(actor=None, resignation=resignation, decided_on=D(2020, 8, 26))
    new = Membership.objects.get(person=successor)
    assert (new.role, new.start) == (MembershipRole.CHAIR, D(2020, 8, 26))


def test_a_grant_after_the_seat_ended_is_refused(resignation):
    with pytest.raises(ValidationError, match="Uppdraget slutade 2022-12-31"):
        services.resignation_grant(actor=None, resignation=resignation, decided_on=D(2023, 1, 10))
    resignation.membership.refresh_from_db()
    assert resignation.membership.end is None
