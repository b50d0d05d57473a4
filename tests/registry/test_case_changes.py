"""A case after registration: its facts changed with a reason and the old value in the
history, reassigned to another official, closed with the decision that ended it, reopened;
every refusal a Swedish message that changes nothing."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kansli.core.models import AuditEntry
from kansli.people import services as people
from kansli.registry import services
from kansli.registry.models import Case, CaseStatus
from kansli.registry.selectors import case_history

D = datetime.date
TODAY = D(2026, 3, 17)  # the tests' fixed day (tests/clock.py)


@pytest.fixture
def officials(body):
    return (
        people.official_create(actor=None, body=body, name="Kristina Berglund", unit="Kansliet"),
        people.official_create(actor=None, body=body, name="Caroline Klefbom", unit="Ekonomi"),
    )


@pytest.fixture
def case(body, series, officials):
    return services.case_register(
        actor=None,
        body=body,
        series=series,
        title="Delårsrapport januari–juni",
        official=officials[0],
        registered_on=D(2026, 2, 2),
    )


def snapshot(case: Case) -> tuple:
    case = Case.objects.get(pk=case.pk)
    return (
        case.title,
        case.official_id,
        case.unit,
        case.secrecy,
        case.status,
        case.closed_on,
        case.closing_decision,
        AuditEntry.objects.filter(scope=f"case:{case.pk}").count(),
    )


def update(case, actor, **changes):
    facts = {
        "title": case.title,
        "official": case.official,
        "unit": case.unit,
        "secrecy": case.secrecy,
        "reason": "Rättelse.",
    }
    return services.case_update(actor=actor, case=case, **{**facts, **changes})


def test_reassigning_names_both_officials_and_the_reason(case, officials, registrar):
    changed = update(
        case, registrar, official=officials[1], unit="Ekonomi", reason="Ny controller."
    )
    assert changed.official == officials[1] and changed.unit == "Ekonomi"
    entry = AuditEntry.objects.filter(action="case_update").get()
    assert entry.actor == registrar and entry.scope == f"case:{case.pk}"
    assert "handläggare från Kristina Berglund till Caroline Klefbom" in entry.summary
    assert "enhet från Kansliet till Ekonomi" in entry.summary
    assert entry.summary.endswith("Skäl: Ny controller.")
    assert entry.changes["official"] == [officials[0].pk, officials[1].pk]


def test_a_new_title_keeps_the_old_in_the_history(case, registrar):
    update(case, registrar, title="Delårsrapport per juni", reason="Stavning")
    entry = AuditEntry.objects.get(action="case_update")
    assert "från ”Delårsrapport januari–juni” till ”Delårsrapport per juni”" in entry.summary
    assert entry.changes["title"] == ["Delårsrapport januari–juni", "Delårsrapport per juni"]
    assert Case.objects.get(pk=case.pk).title == "Delårsrapport per juni"


def test_marking_a_case_secret_marks_it_today_and_keeps_its_title_out_of_the_text(case, registrar):
    changed = update(
        case,
        registrar,
        title="Utredning om en enskild",
        secrecy="OSL 26 kap. 1 §",
        reason="Uppgifter om enskild",
    )
    assert changed.secrecy_marked_on == TODAY and changed.secrecy_authority == "Region Örebro län"
    entry = AuditEntry.objects.get(action="case_update")
    assert "Delårsrapport" not in entry.summary and "enskild" not in entry.summary.split("Skäl")[0]
    assert "sekretess från ingen till OSL 26 kap. 1 §" in entry.summary
    # lifting it again removes the marking
    again = update(changed, registrar, secrecy="", reason="Prövat: ingen sekretess")
    assert again.secrecy == "" and again.secrecy_marked_on is None and not again.secrecy_authority


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"title": "   "}, "title", "Ange ärendemening."),
        ({"title": "x" * 501}, "title", "högst 500 tecken"),
        ({"secrecy": "hemligt"}, "secrecy", "Ange lagrum"),
        ({"unit": "Ny enhet", "reason": "  "}, "reason", "Ange skälet"),
        ({"unit": "Ny enhet", "reason": "x" * 501}, "reason", "högst 500 tecken"),
    ],
)
def test_bad_changes_are_refused_and_change_nothing(case, registrar, changes, field, message):
    before = snapshot(case)
    with pytest.raises(ValidationError) as refused:
        update(case, registrar, **changes)
    assert message in " ".join(refused.value.message_dict[field])
    assert snapshot(case) == before


def test_nothing_changed_is_said(case, registrar):
    before = snapshot(case)
    with pytest.raises(ValidationError, match="Ingenting har ändrats"):
        update(case, registrar)
    assert snapshot(case) == before


def test_an_official_of_another_body_is_refused(case, registrar):
    other = people.body_create(actor=None, name="Region Värmland", short_name="Värmland")
    stranger = people.official_create(actor=None, body=other, name="Anna Annan")
    before = snapshot(case)
    with pytest.raises(ValidationError) as refused:
        update(case, registrar, official=stranger)
    assert "hör inte till huvudmannen" in refused.value.message_dict["official"][0]
    assert snapshot(case) == before


def test_close_with_its_decision_then_reopen(case, registrar):
    closed = services.case_close(
        actor=registrar, case=case, closed_on=D(2026, 3, 10), decision="RS 2026-03-10 § 41"
    )
    assert closed.status == CaseStatus.CLOSED and closed.closing_decision == "RS 2026-03-10 § 41"
    assert AuditEntry.objects.get(action="case_close").summary == (
        f"Avslutade ärende {case.number} 2026-03-10 genom RS 2026-03-10 § 41."
    )
    with pytest.raises(ValidationError, match="avslutat"):
        update(closed, registrar, unit="Annan")  # a closed case is reopened first
    reopened = services.case_reopen(actor=registrar, case=closed, reason="Beslutet överklagat")
    assert reopened.status == CaseStatus.OPEN
    assert reopened.closed_on is None and reopened.closing_decision == ""
    entry = AuditEntry.objects.get(action="case_reopen")
    assert entry.summary == f"Återupptog ärende {case.number}. Skäl: Beslutet överklagat"
    assert entry.changes["closing_decision"] == ["RS 2026-03-10 § 41", ""]
    # the history tells it all, newest first
    assert [e.action for e in case_history(viewer=registrar, case=case)][:3] == [
        "case_reopen",
        "case_close",
        "case_register",
    ]


@pytest.mark.parametrize(
    "closed_on, message",
    [(D(2026, 2, 1), "mellan registreringsdatumet 2026-02-02"), (D(2026, 3, 18), "och i dag")],
)
def test_a_closing_day_outside_the_cases_life_is_refused(case, registrar, closed_on, message):
    before = snapshot(case)
    with pytest.raises(ValidationError) as refused:
        services.case_close(actor=registrar, case=case, closed_on=closed_on)
    assert message in refused.value.message_dict["closed_on"][0]
    assert snapshot(case) == before


def test_twice_closed_or_reopening_an_open_case_is_refused(case, registrar):
    with pytest.raises(ValidationError, match="inte avslutat"):
        services.case_reopen(actor=registrar, case=case, reason="Fel")
    services.case_close(actor=registrar, case=case)
    before = snapshot(case)
    with pytest.raises(ValidationError, match="redan avslutat"):
        services.case_close(actor=registrar, case=case)
    with pytest.raises(ValidationError) as refused:
        services.case_reopen(actor=registrar, case=case, reason=" ")
    assert "Ange skälet" in refused.value.message_dict["reason"][0]
    assert snapshot(case) == before


def test_elected_members_may_not_change_cases(case, elected):
    before = snapshot(case)
    with pytest.raises(PermissionDenied):
        update(case, elected, unit="Annan")
    with pytest.raises(PermissionDenied):
        services.case_close(actor=elected, case=case)
    assert snapshot(case) == before


# The pages


def test_the_pages_change_close_and_reopen_a_case(client, case, officials, registrar):
    client.force_login(registrar)
    detail = client.get(reverse("registry:case_detail", args=[case.pk])).content.decode()
    assert "Ändra\n  ärendet" in detail and "Avsluta ärendet" in detail
    response = client.post(
        reverse("registry:case_update", args=[case.pk]),
        {
            "title": case.title,
            "official": officials[1].pk,
            "unit": "Ekonomi",
            "secrecy": "",
            "reason": "Ny handläggare",
        },
    )
    assert response.status_code == 302
    response = client.post(
        reverse("registry:case_close", args=[case.pk]),
        {"closed_on": "2026-03-16", "decision": "RS 2026-03-16 § 7"},
    )
    assert response.status_code == 302
    page = client.get(reverse("registry:case_detail", args=[case.pk])).content.decode()
    assert "Avslutat (2026-03-16" in page and "genom RS 2026-03-16 § 7" in page
    assert "Caroline Klefbom" in page and "Skäl: Ny handläggare" in page
    assert "Återuppta ärendet" in page and "Avsluta ärendet" not in page
    response = client.post(
        reverse("registry:case_reopen", args=[case.pk]), {"reason": "Överklagat"}
    )
    assert response.status_code == 302
    assert Case.objects.get(pk=case.pk).status == CaseStatus.OPEN


@pytest.mark.parametrize(
    "url, data, message",
    [
        ("registry:case_update", {"title": "", "reason": "x"}, "Ange ärendemening"),
        ("registry:case_update", {"title": "Ny", "official": "99999", "reason": "x"}, "Välj"),
        ("registry:case_close", {"closed_on": "2026-02-30"}, "ÅÅÅÅ-MM-DD"),
        ("registry:case_close", {"closed_on": "1999-01-01"}, "mellan registreringsdatumet"),
        ("registry:case_reopen", {"reason": ""}, "Ange skälet"),
    ],
)
def test_bad_forms_are_shown_again_in_swedish(client, case, registrar, url, data, message):
    client.force_login(registrar)
    before = snapshot(case)
    response = client.post(reverse(url, args=[case.pk]), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert snapshot(case) == before


def test_the_pages_are_refused_to_an_elected_member(client, case, elected):
    client.force_login(elected)
    for name in ("registry:case_update", "registry:case_close", "registry:case_reopen"):
        assert client.get(reverse(name, args=[case.pk])).status_code == 403
    page = client.get(reverse("registry:case_detail", args=[case.pk])).content.decode()
    assert "Avsluta ärendet" not in page


def test_a_secret_case_is_changed_only_by_those_who_see_its_secrets(
    client, body, series, officials, registrar, other_official_user
):
    secret = services.case_register(
        actor=None,
        body=body,
        series=series,
        title="Utredning om en enskild",
        official=officials[0],
        secrecy="OSL 26 kap. 1 §",
    )
    before = snapshot(secret)
    mine = other_official_user.official
    with pytest.raises(PermissionDenied, match="omfattas av sekretess"):
        update(secret, other_official_user, official=mine, secrecy="", reason="Tar över")
    with pytest.raises(PermissionDenied):
        services.case_close(actor=other_official_user, case=secret)
    assert snapshot(secret) == before
    client.force_login(other_official_user)
    for name in ("registry:case_update", "registry:case_close"):
        response = client.get(reverse(name, args=[secret.pk]))
        assert response.status_code == 403
        assert "Utredning" not in response.content.decode()
    page = client.get(reverse("registry:case_detail", args=[secret.pk])).content.decode()
    assert "Ändra\n  ärendet" not in page
    update(secret, registrar, unit="Socialtjänsten", reason="Rätt enhet")  # the registry may


def test_a_duplicate_in_a_case_is_named_only_to_those_who_see_it(case, registrar, official_user):
    from kansli.core.confirm import NeedsConfirmation

    from .helpers import pdf_bytes

    pdf = pdf_bytes("Läkarintyg")

    def register(actor, **extra):
        return services.document_register(
            actor=actor,
            case=case,
            kind="inkommen",
            date=D(2026, 3, 1),
            description="Läkarintyg för en enskild",
            file=io.BytesIO(pdf),
            file_name="intyg.pdf",
            confirmed=False,
            **extra,
        )

    register(registrar, visibility="sekretess", secrecy="OSL 25 kap. 1 §")
    with pytest.raises(NeedsConfirmation) as asked:
        register(official_user)
    assert "redan samma fil: en handling." in asked.value.messages[0]
    assert "Läkarintyg" not in asked.value.messages[0]
    with pytest.raises(NeedsConfirmation) as asked:
        register(registrar)
    assert f"handling {case.number}-1 (Läkarintyg för en enskild)" in asked.value.messages[0]


def test_a_case_marked_secret_later_hides_its_history_from_those_who_may_not_see_it(
    case, registrar, elected
):
    update(case, registrar, secrecy="OSL 26 kap. 1 §", reason="Uppgifter om enskild")
    assert case_history(viewer=elected, case=Case.objects.get(pk=case.pk)).count() == 0
    history = case_history(viewer=registrar, case=Case.objects.get(pk=case.pk))
    assert any("Delårsrapport" in e.summary for e in history)  # the registration's row
