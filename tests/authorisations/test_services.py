import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kansli.authorisations import selectors, services
from kansli.authorisations.models import Authorisation

D = datetime.date
HOLDERS = [
    ("Caroline Klefbom", "finanscontroller Region Örebro län"),
    ("Maria Pisoni Sundahl", "ekonomi- och personalchef Länsgården Fastigheter AB"),
]
COUNTERSIGN = "redovisningsansvarig Inger Andersson eller ekonomidirektör Lennart Frommegård"


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


def test_one_decision_two_holders_searchable_and_in_force_until_revoked(
    board, body, secretary, elected
):
    first, second = _grant(board, actor=secretary)
    assert first.needs_countersignature and second.holder_name == "Maria Pisoni Sundahl"
    found = selectors.authorisation_list(viewer=elected, body=body, query="Frommegård")
    assert set(found) == {first, second}
    services.authorisation_revoke(
        actor=secretary, authorisation=first, revoked_on=D(2021, 3, 1), reason="Ny tjänst"
    )
    on = selectors.authorisation_list(viewer=elected, body=body, on_day=D(2021, 2, 28))
    after = selectors.authorisation_list(viewer=elected, body=body, on_day=D(2021, 3, 1))
    assert set(on) == {first, second} and list(after) == [second]
    assert list(selectors.authorisation_list(viewer=elected, body=body)) == [first, second]
    history = selectors.authorisation_history(viewer=elected, authorisation=first)
    assert [e.action for e in history] == ["authorisation_grant", "authorisation_revoke"]
    assert list(selectors.authorisation_list(viewer=None, body=body)) == []


def test_bad_input_is_refused_whole(board):
    with pytest.raises(ValidationError) as caught:
        _grant(board, holders=[("", "x")], scope=" ")
    assert set(caught.value.message_dict) == {"holders", "scope"}
    with pytest.raises(ValidationError, match="Inger Andersson kan inte kontrasignera"):
        _grant(board, holders=[*HOLDERS, ("Inger Andersson", "redovisningsansvarig")])
    assert not Authorisation.objects.exists()


def test_revocation_out_of_order_or_twice_is_refused(board):
    [first, _] = _grant(board)
    with pytest.raises(ValidationError, match="före den dag den började gälla"):
        services.authorisation_revoke(actor=None, authorisation=first, revoked_on=D(2020, 1, 1))
    services.authorisation_revoke(actor=None, authorisation=first, revoked_on=D(2021, 1, 1))
    with pytest.raises(ValidationError, match="redan återkallad"):
        services.authorisation_revoke(actor=None, authorisation=first, revoked_on=D(2021, 2, 1))


def test_only_secretaries_and_registrars(board, official_user, elected):
    for user in (official_user, elected):
        with pytest.raises(PermissionDenied):
            _grant(board, actor=user)
