"""Who sees which document: every role against a secret, an unpublished and a public one."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from kansli.registry import selectors, services
from kansli.registry.models import Case, Document, DocumentKind, Visibility
from kansli.registry.tasks import document_inspect

TODAY = datetime.date(2020, 8, 26)


@pytest.fixture
def case_with_documents(registrar, official_user, body, series):
    case = services.case_register(
        actor=registrar,
        body=body,
        series=series,
        title="Anställning",
        official=official_user.official,
        today=TODAY,
    )
    for visibility, secrecy, description in [
        (Visibility.PUBLIC, "", "Offentlig skrivelse"),
        (Visibility.INTERNAL, "", "Utkast ej publicerat"),
        (Visibility.SECRET, "OSL 39 kap. 3 §", "Sekretessbelagt underlag"),
    ]:
        document = services.document_register(
            actor=registrar,
            case=case,
            kind=DocumentKind.INCOMING,
            date=TODAY,
            description=description,
            visibility=visibility,
            secrecy=secrecy,
            today=TODAY,
        )
        document_inspect.call(document.pk)  # the privacy step lets the public one out
    return case


EXPECTED = {
    # viewer fixture: (public, internal, secret)
    "anonymous": (True, False, False),  # public once the privacy step has let it out
    "elected": (True, True, False),
    "secretary": (True, True, False),
    "administrator": (True, True, False),
    "other_official_user": (True, True, False),
    "official_user": (True, True, True),  # the case's own official
    "registrar": (True, True, True),
}


@pytest.mark.parametrize("viewer_name", EXPECTED)
def test_document_visibility_matrix(request, case_with_documents, viewer_name):
    viewer = AnonymousUser() if viewer_name == "anonymous" else request.getfixturevalue(viewer_name)
    visible = {
        d.visibility for d in selectors.document_list(viewer=viewer, case=case_with_documents)
    }
    expected = dict(
        zip(
            [Visibility.PUBLIC, Visibility.INTERNAL, Visibility.SECRET],
            EXPECTED[viewer_name],
            strict=True,
        )
    )
    assert visible == {v for v, seen in expected.items() if seen}
    for document in Document.objects.filter(case=case_with_documents):
        if expected[Visibility(document.visibility)]:
            assert selectors.document_get(viewer=viewer, pk=document.pk) == document
        else:
            with pytest.raises(Document.DoesNotExist):
                selectors.document_get(viewer=viewer, pk=document.pk)
    hidden = selectors.document_count_hidden(viewer=viewer, case=case_with_documents)
    assert hidden == 3 - len(visible)


def test_inactive_user_is_treated_as_the_public(registrar, case_with_documents):
    registrar.is_active = False
    registrar.save()
    visible = selectors.document_list(viewer=registrar, case=case_with_documents)
    assert {d.visibility for d in visible} == {Visibility.PUBLIC}


@pytest.fixture
def secret_case(registrar, official_user, body, series):
    case = services.case_register(
        actor=registrar,
        body=body,
        series=series,
        title="Tvist om namngiven patient",
        secrecy="OSL 25 kap. 1 §",
        official=official_user.official,
        today=TODAY,
    )
    services.document_register(
        actor=registrar,
        case=case,
        kind=DocumentKind.INCOMING,
        date=TODAY,
        description="Följebrev",
        today=TODAY,
    )
    return case


def test_secret_case_is_hidden_from_the_public(secret_case):
    public = AnonymousUser()
    assert not selectors.case_list(viewer=public).exists()
    with pytest.raises(Case.DoesNotExist):
        selectors.case_get(viewer=public, pk=secret_case.pk)
    assert not selectors.document_list(viewer=public, case=secret_case).exists()
    assert not selectors.case_history(viewer=public, case=secret_case).exists()


def test_secret_case_title_only_for_registry_and_its_official(
    secret_case, registrar, official_user, other_official_user, elected
):
    assert selectors.case_title_for(viewer=registrar, case=secret_case) == secret_case.title
    assert selectors.case_title_for(viewer=official_user, case=secret_case) == secret_case.title
    for viewer in (other_official_user, elected):
        assert selectors.case_title_for(viewer=viewer, case=secret_case) == selectors.SECRET_TITLE
        assert not selectors.case_list(viewer=viewer, query="patient").exists()
    assert selectors.case_list(viewer=registrar, query="patient").get() == secret_case
    assert "patient" not in " ".join(
        e.summary for e in selectors.case_history(viewer=registrar, case=secret_case)
    )


def test_case_search_by_number_and_title(registrar, body, series):
    services.case_register(
        actor=registrar,
        body=body,
        series=series,
        number="20RS6617",
        title="Motion om gröna obligationer",
        today=TODAY,
    )
    services.case_register(
        actor=registrar,
        body=body,
        series=series,
        number="20RS8413",
        title="Motion om TBE-vaccin",
        today=TODAY,
    )
    public = AnonymousUser()
    assert [c.number for c in selectors.case_list(viewer=public, query="dnr 20rs6617")] == [
        "20RS6617"
    ]
    assert [c.number for c in selectors.case_list(viewer=public, query="TBE")] == ["20RS8413"]
    assert selectors.case_get_by_number(viewer=public, body=body, number="20RS8413").title == (
        "Motion om TBE-vaccin"
    )
    with pytest.raises(ValueError, match="inte ett diarienummer"):
        selectors.case_get_by_number(viewer=public, body=body, number="KS 2018/1")


def test_a_public_document_is_not_public_before_the_privacy_step(registrar, body, series):
    case = services.case_register(
        actor=registrar, body=body, series=series, title="Skrivelse", today=TODAY
    )
    document = services.document_register(
        actor=registrar,
        case=case,
        kind=DocumentKind.INCOMING,
        date=TODAY,
        description="Skrivelse",
        today=TODAY,
    )
    assert list(selectors.document_list(viewer=AnonymousUser(), case=case)) == []
    document_inspect.call(document.pk)
    assert list(selectors.document_list(viewer=AnonymousUser(), case=case)) == [document]
