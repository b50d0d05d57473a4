import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kansli.authorisations import rules, selectors, services
from kansli.authorisations.models import Authorisation, GivenBy
from kansli.core.models import AuditEntry

D = datetime.date
HOLDERS = [
    ("Caroline Klefbom", "finanscontroller Region Örebro län"),
    ("Maria Pisoni Sundahl", "ekonomi- och personalchef Länsgården Fastigheter AB"),
]
COUNTERSIGN = "redovisningsansvarig Inger Andersson eller ekonomidirektör Lennart Frommegård"
DECIDED = D(2021, 3, 1)


def _grant(board, **kw):
    data = {
        "actor": None,
        "organization": board,
        "holders": HOLDERS,
        "scope": "genomföra finansiella affärstransaktioner för Region Örebro län",
        "countersign": COUNTERSIGN,
        "valid_from": D(2020, 8, 26),
        "decision_reference": "RS § 142",
    }
    return services.authorisation_grant(**{**data, **kw})


def _in_force(viewer, body, day):
    return set(selectors.authorisation_list(viewer=viewer, body=body, on_day=day))


def test_a_bank_authorisation_stays_in_force_until_the_bank_is_told(
    board, body, secretary, elected
):
    first, second = _grant(board, actor=secretary)
    assert first.given_by == GivenBy.THIRD_PARTY and first.needs_countersignature
    found = selectors.authorisation_list(viewer=elected, body=body, query="Frommegård")
    assert set(found) == {first, second}

    services.authorisation_revoke(
        actor=secretary, authorisation=first, decided_on=DECIDED, reason="Ny tjänst"
    )
    first.refresh_from_db()
    assert first.revocation_decided_on == DECIDED and first.revocation_reason == "Ny tjänst"
    assert _in_force(elected, body, D(2021, 3, 10)) == {first, second}  # the bank not told

    services.authorisation_record_revocation(
        actor=secretary, authorisation=first, holder_told_on=D(2021, 3, 2)
    )
    assert _in_force(elected, body, D(2021, 3, 10)) == {first, second}  # 12 §: not enough

    services.authorisation_record_revocation(
        actor=secretary, authorisation=first, third_party_told_on=D(2021, 3, 4)
    )
    assert _in_force(elected, body, D(2021, 3, 3)) == {first, second}
    assert _in_force(elected, body, D(2021, 3, 4)) == {second}
    assert list(selectors.authorisation_list(viewer=elected, body=body)) == [first, second]

    history = list(selectors.authorisation_history(viewer=elected, authorisation=first))
    assert [e.action for e in history] == [
        "authorisation_grant",
        "authorisation_revoke",
        "authorisation_revocation_event",
        "authorisation_revocation_event",
    ]
    assert history[1].summary == "Återkallelse av fullmakten beslutad 2021-03-01: Ny tjänst."
    assert history[3].summary == (
        "Tredje man underrättad 2021-03-04. Fullmakten upphörde 2021-03-04 (avtalslagen 13 §)."
    )
    assert history[3].actor == secretary
    assert history[3].changes == {"third_party_told_on": [None, "2021-03-04"]}
    assert list(selectors.authorisation_list(viewer=None, body=body)) == []


def test_the_effect_day_can_be_recorded_with_the_revocation(board, body, elected):
    [first, _] = _grant(board)
    services.authorisation_revoke(
        actor=None, authorisation=first, decided_on=DECIDED, third_party_told_on=DECIDED
    )
    assert _in_force(elected, body, DECIDED) == set(Authorisation.objects.exclude(pk=first.pk))
    [entry] = AuditEntry.objects.filter(action="authorisation_revoke")
    assert entry.summary.endswith("Fullmakten upphörde 2021-03-01 (avtalslagen 13 §).")


@pytest.mark.parametrize("given_by", GivenBy.values)
def test_the_register_agrees_with_the_rule_for_every_way(board, body, elected, given_by):
    """One authorisation revoked by each event in turn: the register's "in force on a day"
    is rules.valid_on, day by day."""
    start = D(2020, 8, 26)
    event_day = {
        "third_party_told_on": D(2021, 3, 4),
        "revocation_announced_on": D(2021, 3, 5),
        "left_position_on": D(2021, 2, 20),  # may come before the decision (15 §)
        "document_returned_on": D(2021, 3, 6),
        "holder_told_on": D(2021, 3, 2),
    }
    rows = []
    for event, day in event_day.items():
        if event not in (rules.revoking_event(given_by), "holder_told_on"):
            continue  # the service refuses it (test_an_event_of_another_way_is_refused)
        [authorisation] = _grant(board, holders=[(f"Innehavare {event}", "")], given_by=given_by)
        services.authorisation_revoke(
            actor=None, authorisation=authorisation, decided_on=DECIDED, **{event: day}
        )
        rows.append(authorisation)
    [never] = _grant(board, holders=[("Ingen återkallelse", "")], given_by=given_by)
    [undecided] = _grant(board, holders=[("Bara beslut", "")], given_by=given_by)
    services.authorisation_revoke(actor=None, authorisation=undecided, decided_on=DECIDED)
    rows += [never, undecided]
    for offset in range(-2, 40):
        day = D(2021, 2, 15) + datetime.timedelta(days=offset)
        expected = set()
        for authorisation in rows:
            authorisation.refresh_from_db()
            events = authorisation.revocation_events()
            if rules.valid_on(start, day, given_by=given_by, **events):
                expected.add(authorisation)
        assert _in_force(elected, body, day) == expected, day
    assert _in_force(elected, body, start - datetime.timedelta(days=1)) == set()


def test_leaving_the_position_may_come_before_the_decision(board):
    [first, _] = _grant(board, given_by=GivenBy.POSITION)
    services.authorisation_revoke(
        actor=None, authorisation=first, decided_on=DECIDED, left_position_on=D(2021, 2, 28)
    )
    first.refresh_from_db()
    assert first.left_position_on == D(2021, 2, 28)
    with pytest.raises(ValidationError, match="före den dag fullmakten började gälla"):
        services.authorisation_revoke(
            actor=None, authorisation=_, decided_on=DECIDED, left_position_on=D(2020, 1, 1)
        )


def _unchanged(authorisation):
    row = Authorisation.objects.get(pk=authorisation.pk)
    return row.revocation_events() == authorisation.revocation_events() and (
        row.revocation_decided_on == authorisation.revocation_decided_on
    )


def test_bad_revocations_are_refused_and_write_nothing(board):
    [first, second] = _grant(board)
    today = timezone.localdate()
    tomorrow = today + datetime.timedelta(days=1)
    audit_rows = AuditEntry.objects.count()
    refused = [
        ({"decided_on": D(2020, 1, 1)}, "decided_on", "före den dag den började gälla"),
        ({"decided_on": tomorrow}, "decided_on", "ligger i framtiden"),
        (
            {"decided_on": DECIDED, "third_party_told_on": D(2021, 2, 28)},
            "third_party_told_on",
            "före beslutet om återkallelse (2021-03-01)",
        ),
        (
            {"decided_on": DECIDED, "third_party_told_on": tomorrow},
            "third_party_told_on",
            "ligger i framtiden",
        ),
        (
            {"decided_on": DECIDED, "holder_told_on": D(2021, 2, 1)},
            "holder_told_on",
            "före beslutet",
        ),
        (
            {"decided_on": DECIDED, "document_returned_on": D(2021, 3, 2)},
            "document_returned_on",
            "återkallas när ett meddelande om återkallelsen har kommit fram till banken",
        ),
        ({"decided_on": DECIDED, "reason": "x" * 501}, "reason", "Högst 500 tecken."),
    ]
    for kwargs, field, message in refused:
        with pytest.raises(ValidationError) as caught:
            services.authorisation_revoke(actor=None, authorisation=first, **kwargs)
        assert field in caught.value.message_dict
        assert message in caught.value.message_dict[field][0]
        assert _unchanged(first)
    assert AuditEntry.objects.count() == audit_rows

    with pytest.raises(ValidationError, match="har inte återkallats"):
        services.authorisation_record_revocation(
            actor=None, authorisation=second, third_party_told_on=DECIDED
        )
    services.authorisation_revoke(actor=None, authorisation=first, decided_on=DECIDED)
    first.refresh_from_db()
    audit_rows = AuditEntry.objects.count()
    with pytest.raises(ValidationError, match="redan beslutad"):
        services.authorisation_revoke(actor=None, authorisation=first, decided_on=DECIDED)
    with pytest.raises(ValidationError, match="Ange en dag"):
        services.authorisation_record_revocation(actor=None, authorisation=first)
    for kwargs, message in [
        ({"third_party_told_on": D(2021, 2, 1)}, "före beslutet"),
        ({"third_party_told_on": tomorrow}, "i framtiden"),
        ({"revocation_announced_on": D(2021, 3, 5)}, "avtalslagen 13 §"),
        ({"third_party_told_on": D(2021, 3, 5), "holder_told_on": tomorrow}, "i framtiden"),
    ]:
        with pytest.raises(ValidationError, match=message):
            services.authorisation_record_revocation(actor=None, authorisation=first, **kwargs)
        assert _unchanged(first)  # the good day of the last case is not written either
    services.authorisation_record_revocation(
        actor=None, authorisation=first, third_party_told_on=D(2021, 3, 4)
    )
    with pytest.raises(ValidationError, match="Redan antecknat: tredje man underrättad 2021-03-04"):
        services.authorisation_record_revocation(
            actor=None, authorisation=first, third_party_told_on=D(2021, 3, 5)
        )
    assert AuditEntry.objects.count() == audit_rows + 1


def test_how_it_was_given_can_be_corrected_until_the_revocation_takes_effect(board, body, elected):
    [first, second] = _grant(board)
    with pytest.raises(ValidationError) as caught:
        _grant(board, given_by="muntligen")
    assert caught.value.message_dict == {"given_by": [services.UNKNOWN_WAY]}
    with pytest.raises(ValidationError, match="Okänt sätt"):
        services.authorisation_set_given_by(actor=None, authorisation=first, given_by="muntligen")
    services.authorisation_revoke(
        actor=None, authorisation=first, decided_on=DECIDED, holder_told_on=D(2021, 3, 2)
    )
    assert first in _in_force(elected, body, D(2021, 3, 10))
    # It was in fact told only to the holder (18 §): then telling the holder revoked it.
    services.authorisation_set_given_by(
        actor=None, authorisation=first, given_by=GivenBy.HOLDER_ONLY
    )
    assert first not in _in_force(elected, body, D(2021, 3, 2))
    entry = AuditEntry.objects.filter(action="authorisation_given_by").get()
    assert entry.summary == (
        "Hur fullmakten gavs ändrat till bara meddelad fullmäktigen (tidigare antecknat: "
        "meddelande till tredje man). Fullmakten upphörde 2021-03-02 (avtalslagen 18 §)."
    )
    with pytest.raises(ValidationError, match="redan fått verkan"):
        services.authorisation_set_given_by(
            actor=None, authorisation=first, given_by=GivenBy.THIRD_PARTY
        )
    first.refresh_from_db()
    assert first.given_by == GivenBy.HOLDER_ONLY
    services.authorisation_set_given_by(actor=None, authorisation=second, given_by=GivenBy.DOCUMENT)
    second.refresh_from_db()
    assert second.given_by == GivenBy.DOCUMENT


def test_bad_input_is_refused_whole(board):
    with pytest.raises(ValidationError) as caught:
        _grant(board, holders=[("", "x")], scope=" ")
    assert set(caught.value.message_dict) == {"holders", "scope"}
    with pytest.raises(ValidationError, match="Inger Andersson kan inte kontrasignera"):
        _grant(board, holders=[*HOLDERS, ("Inger Andersson", "redovisningsansvarig")])
    assert not Authorisation.objects.exists()


def test_only_secretaries_and_registrars(board, official_user, elected):
    [first, _] = _grant(board)
    for user in (official_user, elected):
        with pytest.raises(PermissionDenied):
            _grant(board, actor=user)
        with pytest.raises(PermissionDenied):
            services.authorisation_revoke(actor=user, authorisation=first, decided_on=DECIDED)
        with pytest.raises(PermissionDenied):
            services.authorisation_record_revocation(
                actor=user, authorisation=first, third_party_told_on=DECIDED
            )
        with pytest.raises(PermissionDenied):
            services.authorisation_set_given_by(
                actor=user, authorisation=first, given_by=GivenBy.DOCUMENT
            )
    assert _unchanged(first) and Authorisation.objects.get(pk=first.pk).given_by == "tredje_man"
