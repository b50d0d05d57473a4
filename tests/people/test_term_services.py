"""The services behind the term pages: terms, parties, organizations and persons; seats
inside their term, one seat per person, the substitutes' places. Every refusal writes
nothing."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kansli.core.models import AuditEntry
from kansli.people import services
from kansli.people.models import Membership, Organization, OrganizationKind, Party, Person, Term

from .conftest import CHAIR, MEMBER, SUBSTITUTE, person, seat

D = datetime.date


def _audits(action):
    return AuditEntry.objects.filter(action=action).count()


class TestTerms:
    def test_create_and_change(self, secretary, body):
        term = services.term_create(
            actor=secretary, body=body, name="2023–2026", start=D(2023, 1, 1), end=D(2026, 12, 31)
        )
        services.term_update(
            actor=secretary,
            term=term,
            name="Mandatperiod 2023–2026",
            start=term.start,
            end=term.end,
        )
        term.refresh_from_db()
        assert term.name == "Mandatperiod 2023–2026"
        assert AuditEntry.objects.get(action="term_update").changes == {
            "name": ["2023–2026", "Mandatperiod 2023–2026"]
        }

    def test_bad_terms_are_refused(self, secretary, body, term, elected):
        with pytest.raises(ValidationError, match="kan inte sluta innan den börjar"):
            services.term_create(
                actor=secretary, body=body, name="X", start=D(2027, 1, 1), end=D(2026, 1, 1)
            )
        with pytest.raises(ValidationError, match="finns redan en mandatperiod"):
            services.term_create(
                actor=secretary, body=body, name="2023–2026", start=D(2027, 1, 1), end=D(2030, 1, 1)
            )
        with pytest.raises(PermissionDenied):
            services.term_create(
                actor=elected, body=body, name="Y", start=D(2027, 1, 1), end=D(2030, 1, 1)
            )
        assert Term.objects.count() == 1 and _audits("term_create") == 1

    def test_dates_that_would_leave_a_seat_outside_are_refused(
        self, secretary, board, term, parties
    ):
        seat(person(parties, "Anna", "Exempelsson", "S"), board, MEMBER, term)
        with pytest.raises(ValidationError, match="skulle hamna utanför"):
            services.term_update(
                actor=secretary, term=term, name=term.name, start=term.start, end=D(2025, 12, 31)
            )
        term.refresh_from_db()
        assert term.end == D(2026, 12, 31)


class TestPartiesAndOrganizations:
    def test_party_codes_are_unique_in_any_case(self, secretary, parties):
        with pytest.raises(ValidationError, match="finns redan ett parti med förkortningen s"):
            services.party_create(actor=secretary, code="s", name="Annat")
        with pytest.raises(ValidationError, match="utan mellanslag"):
            services.party_create(actor=secretary, code="A B", name="Annat")
        party = services.party_update(
            actor=secretary, party=parties["KD"], code="KD", name="Kristdemokraterna i regionen"
        )
        assert party.name == "Kristdemokraterna i regionen"
        assert Party.objects.count() == 3

    def test_organizations_created_and_changed(self, secretary, body, board):
        committee = services.organization_create(
            actor=secretary,
            body=body,
            name="Regionstyrelsens arbetsutskott",
            kind=OrganizationKind.WORKING_COMMITTEE,
            parent=board,
            email="au@region.example.se",
            notice_days=3,
        )
        services.organization_update(
            actor=secretary,
            organization=committee,
            name="Arbetsutskottet",
            short_name="AU",
            kind=OrganizationKind.WORKING_COMMITTEE,
            parent=board,
            email="au@region.example.se",
            notice_days=4,
        )
        committee.refresh_from_db()
        assert (committee.name, committee.short_name, committee.notice_days) == (
            "Arbetsutskottet",
            "AU",
            4,
        )
        changes = AuditEntry.objects.get(action="organization_update").changes
        assert changes["name"] == ["Regionstyrelsens arbetsutskott", "Arbetsutskottet"]

    def test_bad_organizations_are_refused(self, secretary, body, board):
        with pytest.raises(ValidationError, match="finns redan ett organ som heter"):
            services.organization_create(
                actor=secretary, body=body, name="regionstyrelsen", kind=OrganizationKind.BOARD
            )
        child = services.organization_create(
            actor=secretary,
            body=body,
            name="Utskottet",
            kind=OrganizationKind.WORKING_COMMITTEE,
            parent=board,
        )
        with pytest.raises(ValidationError, match="under sig självt"):
            services.organization_update(
                actor=secretary, organization=board, name=board.name, kind=board.kind, parent=child
            )
        with pytest.raises(ValidationError):
            services.organization_create(
                actor=secretary,
                body=body,
                name="Nämnden",
                kind=OrganizationKind.COMMITTEE,
                email="inte en adress",
            )
        assert Organization.objects.count() == 2
        assert Organization.objects.get(pk=board.pk).parent is None


class TestPersons:
    def test_a_namesake_is_asked_about_never_created_in_silence(self, secretary, parties):
        first = person(parties, "Anna", "Exempelsson", "S")
        with pytest.raises(ValidationError, match="Det finns redan Anna Exempelsson \\(S\\)") as e:
            services.person_create(
                actor=secretary, first_name="anna", last_name="EXEMPELSSON", party=parties["S"]
            )
        assert e.value.code == "namesake"
        assert Person.objects.count() == 1
        # the same name in another party is another person
        services.person_create(
            actor=secretary, first_name="Anna", last_name="Exempelsson", party=parties["M"]
        )
        # the user said it is another person with the same name
        second = services.person_create(
            actor=secretary,
            first_name="Anna",
            last_name="Exempelsson",
            party=parties["S"],
            allow_namesake=True,
        )
        assert second.pk != first.pk and Person.objects.count() == 3

    def test_e_mail_is_entered_and_changed_and_checked(self, secretary, parties):
        anna = person(parties, "Anna", "Exempelsson", "S", email="anna@example.se")
        services.person_email_set(actor=secretary, person=anna, email="anna.e@example.se")
        anna.refresh_from_db()
        assert anna.email == "anna.e@example.se"
        assert AuditEntry.objects.get(action="person_update").changes == {
            "email": ["anna@example.se", "anna.e@example.se"]
        }
        for bad in ("anna@", "inte en adress", "anna@example"):
            with pytest.raises(ValidationError, match="ingen giltig e-postadress"):
                services.person_email_set(actor=secretary, person=anna, email=bad)
            with pytest.raises(ValidationError, match="ingen giltig e-postadress"):
                services.person_create(
                    actor=secretary, first_name="Ny", last_name="Person", email=bad
                )
        anna.refresh_from_db()
        assert anna.email == "anna.e@example.se" and Person.objects.count() == 1

    def test_renaming_into_a_namesake_is_asked_about(self, secretary, parties):
        person(parties, "Anna", "Exempelsson", "S")
        other = person(parties, "Anna", "Annorlunda", "S")
        with pytest.raises(ValidationError, match="är det samma person"):
            services.person_update(
                actor=secretary,
                person=other,
                first_name="Anna",
                last_name="Exempelsson",
                party=other.party,
                email="",
            )
        other.refresh_from_db()
        assert other.last_name == "Annorlunda"


class TestSeatsInATerm:
    def test_a_seat_outside_its_term_is_refused(self, secretary, board, term, parties):
        anna = person(parties, "Anna", "Exempelsson", "S")
        for start, end in [
            (D(2022, 12, 31), None),  # starts before the term
            (D(2023, 1, 1), D(2027, 1, 1)),  # ends after it
            (D(2027, 1, 1), None),  # starts after it
        ]:
            with pytest.raises(ValidationError, match="måste ligga inom mandatperioden 2023–2026"):
                services.membership_create(
                    actor=secretary,
                    person=anna,
                    organization=board,
                    role=MEMBER,
                    start=start,
                    end=end,
                    term=term,
                )
        with pytest.raises(ValidationError, match="kan inte sluta innan det börjar"):
            services.membership_create(
                actor=secretary,
                person=anna,
                organization=board,
                role=MEMBER,
                start=D(2024, 1, 1),
                end=D(2023, 6, 1),
                term=term,
            )
        assert not Membership.objects.exists() and _audits("membership_create") == 0

    def test_a_person_holds_one_seat_at_a_time_in_an_organization(
        self, secretary, board, term, parties
    ):
        anna = person(parties, "Anna", "Exempelsson", "S")
        seat(anna, board, MEMBER, term)
        with pytest.raises(ValidationError, match="har redan ett uppdrag i Regionstyrelsen"):
            seat(anna, board, SUBSTITUTE, term)
        assert Membership.objects.count() == 1

    def test_two_chairs_at_once_are_refused_and_a_successor_follows(
        self, secretary, board, term, parties
    ):
        first = seat(person(parties, "Anna", "Exempelsson", "S"), board, CHAIR, term)
        bertil = person(parties, "Bertil", "Berg", "S")
        with pytest.raises(ValidationError, match="har redan en ordförande under perioden"):
            seat(bertil, board, CHAIR, term, start=D(2024, 6, 1))
        # mid-term: the first chair leaves on a day, the successor comes the next
        services.membership_end(actor=secretary, membership=first, end=D(2024, 5, 31))
        seat(bertil, board, CHAIR, term, start=D(2024, 6, 1))
        first.refresh_from_db()
        assert first.end == D(2024, 5, 31)  # the ended seat stays, with its end
        assert Membership.objects.count() == 2

    def test_ending_a_seat_after_its_term_is_refused(self, secretary, board, term, parties):
        anna = seat(person(parties, "Anna", "Exempelsson", "S"), board, MEMBER, term)
        with pytest.raises(ValidationError, match="sista dag"):
            services.membership_end(actor=secretary, membership=anna, end=D(2027, 1, 1))
        with pytest.raises(ValidationError, match="kan inte sluta innan det börjar"):
            services.membership_end(actor=secretary, membership=anna, end=D(2022, 1, 1))
        anna.refresh_from_db()
        assert anna.end == D(2026, 12, 31) and _audits("membership_end") == 0

    def test_a_substitute_place_taken_or_leaving_a_gap_is_refused(
        self, secretary, board, term, parties
    ):
        one = seat(person(parties, "Anna", "Exempelsson", "S"), board, SUBSTITUTE, term)
        assert one.substitute_order == 1
        for place in (1, 3):
            with pytest.raises(ValidationError, match=f"Ersättare nr {place} går inte för S"):
                seat(person(parties, "B", f"Nr{place}", "S"), board, SUBSTITUTE, term, order=place)
        seat(person(parties, "Bertil", "Berg", "S"), board, SUBSTITUTE, term, order=2)
        # another party has places of its own
        assert (
            seat(person(parties, "Cecilia", "Prov", "M"), board, SUBSTITUTE, term).substitute_order
            == 1
        )
        with pytest.raises(ValidationError, match="bara för ersättare"):
            seat(person(parties, "David", "Test", "S"), board, MEMBER, term, order=1)
        assert Membership.objects.count() == 3

    def test_the_next_term_does_not_take_this_terms_places(
        self, secretary, board, term, old_term, parties
    ):
        seat(person(parties, "Anna", "Exempelsson", "S"), board, SUBSTITUTE, term)
        late = seat(
            person(parties, "Bertil", "Berg", "S"), board, SUBSTITUTE, old_term, start=D(2022, 6, 1)
        )
        assert late.substitute_order == 1


class TestSubstituteOrder:
    @pytest.fixture
    def substitutes(self, board, term, parties):
        names = [("Anna", "Ett", "S"), ("Bertil", "Två", "S"), ("Cecilia", "Tre", "S")]
        made = [seat(person(parties, f, last, p), board, SUBSTITUTE, term) for f, last, p in names]
        made.append(seat(person(parties, "David", "Ett", "M"), board, SUBSTITUTE, term))
        return made

    def _reorder(self, actor, board, term, orders, day=None):
        return services.substitutes_reorder(
            actor=actor, organization=board, term=term, day=day or D(2024, 1, 1), orders=orders
        )

    def test_the_order_is_given_as_a_whole(self, secretary, board, term, substitutes):
        a, b, c, d = substitutes
        assert self._reorder(secretary, board, term, {a.pk: 3, b.pk: 1, c.pk: 2, d.pk: 1}) == 3
        assert [Membership.objects.get(pk=s.pk).substitute_order for s in substitutes] == [
            3,
            1,
            2,
            1,
        ]
        entry = AuditEntry.objects.get(action="substitutes_reorder")
        assert entry.changes["Anna Ett (S)"] == ["1", "3"]

    @pytest.mark.parametrize(
        ("places", "message"),
        [
            ((1, 1, 2), "nr 1 finns flera gånger och nr 3 saknas"),
            ((1, 2, 4), "nr 3 saknas"),
            ((2, 3, 4), "nr 1 saknas"),
        ],
    )
    def test_gaps_and_duplicates_are_refused(
        self, secretary, board, term, substitutes, places, message
    ):
        a, b, c, d = substitutes
        orders = {a.pk: places[0], b.pk: places[1], c.pk: places[2], d.pk: 1}
        with pytest.raises(ValidationError, match=f"Ersättarna för S: {message}"):
            self._reorder(secretary, board, term, orders)
        assert [Membership.objects.get(pk=s.pk).substitute_order for s in substitutes] == [
            1,
            2,
            3,
            1,
        ]
        assert _audits("substitutes_reorder") == 0

    def test_the_whole_order_must_be_given(self, secretary, board, term, substitutes, elected):
        a, b, c, d = substitutes
        with pytest.raises(ValidationError, match="har ändrats sedan sidan visades"):
            self._reorder(secretary, board, term, {a.pk: 1, b.pk: 2, c.pk: 3})
        with pytest.raises(PermissionDenied):
            self._reorder(elected, board, term, {a.pk: 1, b.pk: 2, c.pk: 3, d.pk: 1})

    def test_a_gap_left_by_one_who_leaves_is_closed(self, secretary, board, term, substitutes):
        a, b, c, d = substitutes
        services.membership_end(actor=secretary, membership=b, end=D(2024, 5, 31))
        day = D(2024, 6, 1)
        with pytest.raises(ValidationError, match="nr 2 saknas"):
            self._reorder(secretary, board, term, {a.pk: 1, c.pk: 3, d.pk: 1}, day=day)
        self._reorder(secretary, board, term, {a.pk: 1, c.pk: 2, d.pk: 1}, day=day)
        assert Membership.objects.get(pk=c.pk).substitute_order == 2
        assert Membership.objects.get(pk=b.pk).substitute_order == 2  # history kept


class TestSeatAdd:
    def test_a_refused_seat_registers_no_one(self, secretary, board, term, parties):
        seat(person(parties, "Anna", "Exempelsson", "S"), board, CHAIR, term)
        with pytest.raises(ValidationError, match="har redan en ordförande"):
            services.seat_add(
                actor=secretary,
                term=term,
                organization=board,
                role=CHAIR,
                start=term.start,
                end=term.end,
                first_name="Bertil",
                last_name="Berg",
                party=parties["M"],
                email="bertil@example.se",
            )
        assert not Person.objects.filter(last_name="Berg").exists()

    def test_a_registered_person_gets_the_seat_and_a_new_e_mail(
        self, secretary, board, term, parties
    ):
        anna = person(parties, "Anna", "Exempelsson", "S")
        made = services.seat_add(
            actor=secretary,
            term=term,
            organization=board,
            role=MEMBER,
            start=D(2024, 6, 1),
            end=None,
            person=anna,
            email="anna@example.se",
        )
        anna.refresh_from_db()
        assert made.person == anna and anna.email == "anna@example.se"
        assert made.last_day == term.end and Person.objects.count() == 1

    def test_only_secretaries_and_administrators(self, registrar, elected, board, term):
        for actor in (registrar, elected):
            with pytest.raises(PermissionDenied):
                services.seat_add(
                    actor=actor,
                    term=term,
                    organization=board,
                    role=MEMBER,
                    start=term.start,
                    end=term.end,
                    first_name="Anna",
                    last_name="Exempelsson",
                )
        assert not Person.objects.exists()
