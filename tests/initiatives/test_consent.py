"""A citizen proposer's consent to publication of their name: changed through its service,
followed by the items that name them while their minutes are open, and respected by the
public portal."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kansli.core.models import AuditEntry
from kansli.initiatives import services
from kansli.initiatives.models import Initiative
from kansli.meetings.models import AgendaItem
from kansli.memos.models import SectionKey
from kansli.registry.models import Case

D = datetime.date
NAME = "Kim Provnamn"


def test_consent_given_renames_the_open_announcement(proposal, council_meeting, board, registrar):
    services.initiative_announce(
        actor=None, initiative=proposal, meeting=council_meeting, refer_to=board
    )
    item = AgendaItem.objects.get()
    assert NAME not in item.title
    done, notes = services.citizen_proposal_consent(
        actor=registrar, proposal=proposal, publish_name=True
    )
    assert done.publish_name and notes == []
    item.refresh_from_db()
    assert item.title == f"Anmälan av medborgarförslag från {NAME}: {proposal.title}"
    services.citizen_proposal_consent(actor=registrar, proposal=proposal, publish_name=False)
    item.refresh_from_db()
    assert NAME not in item.title
    assert AuditEntry.objects.filter(action="citizen_proposal_consent").count() == 2
    assert AuditEntry.objects.filter(action="agenda_item_retitle").count() == 2


def test_consent_withdrawn_rewrites_the_open_report(proposal, council, board, series):
    from kansli.meetings.services import meeting_create

    services.initiative_announcement_record(
        actor=None, initiative=proposal, announced_on=D(2020, 9, 10)
    )
    services.citizen_proposal_consent(actor=None, proposal=proposal, publish_name=True)
    meeting = meeting_create(
        actor=None,
        organization=council,
        date=D(2021, 10, 27),
        start_time=datetime.time(9),
        place="Conventum",
    )
    item = services.not_prepared_report_compile(actor=None, meeting=meeting, series=series)
    summary = item.memo.sections.get(key=SectionKey.SUMMARY)
    assert NAME in summary.text
    services.citizen_proposal_consent(actor=None, proposal=proposal, publish_name=False)
    summary.refresh_from_db()
    assert NAME not in summary.text and "cykelställ" in summary.text


@pytest.mark.parametrize(
    ("publish", "message"),
    [(False, "inget samtycke att återkalla"), (True, None)],
)
def test_the_same_answer_twice_is_refused(proposal, publish, message):
    if message is None:
        services.citizen_proposal_consent(actor=None, proposal=proposal, publish_name=True)
        message = "redan registrerat"
    with pytest.raises(ValidationError, match=message):
        services.citizen_proposal_consent(actor=None, proposal=proposal, publish_name=publish)


def test_a_motion_has_no_consent(motion):
    with pytest.raises(ValidationError, match="namnges alltid"):
        services.citizen_proposal_consent(actor=None, proposal=motion, publish_name=True)


def test_elected_members_do_not_record_consent(proposal, elected):
    with pytest.raises(PermissionDenied):
        services.citizen_proposal_consent(actor=elected, proposal=proposal, publish_name=True)
    assert not Initiative.objects.get().publish_name


def test_the_consent_form_on_the_detail_page(client, registrar, elected, proposal):
    url = reverse("initiatives:consent", args=[proposal.pk])
    detail = reverse("initiatives:detail", args=[proposal.pk])
    client.force_login(elected)
    assert url not in client.get(detail).content.decode()
    assert client.post(url, {"publish_name": "on"}).status_code == 403
    client.force_login(registrar)
    assert url in client.get(detail).content.decode()
    assert client.get(url).status_code == 405
    response = client.post(url, {"publish_name": "on"}, follow=True)
    assert "namnet får publiceras" in response.content.decode()
    assert Initiative.objects.get().publish_name
    response = client.post(url, {"publish_name": "on"})
    assert response.status_code == 200 and "redan registrerat" in response.content.decode()
    assert client.post(reverse("initiatives:consent", args=[99999]), {}).status_code == 404


class TestPublicPortal:
    def test_no_name_without_consent(self, client, proposal, motion):
        page = client.get(reverse("publishing:initiatives")).content.decode()
        assert "cykelställ" in page and NAME not in page
        assert "Jens Exempelsson (V)" in page and "Motion om fler vårdplatser" in page
        services.citizen_proposal_consent(actor=None, proposal=proposal, publish_name=True)
        page = client.get(reverse("publishing:initiatives")).content.decode()
        assert NAME in page

    def test_filter_by_kind_and_hostile_parameters(self, client, proposal, motion):
        page = client.get(reverse("publishing:initiatives"), {"slag": "motion"}).content.decode()
        assert "fler vårdplatser" in page and "cykelställ" not in page
        response = client.get(reverse("publishing:initiatives"), {"slag": "<script>"})
        assert response.status_code == 200
        page = response.content.decode()
        assert "<script>" not in page and "cykelställ" in page

    def test_a_case_under_secrecy_is_not_shown(self, client, proposal, motion):
        # No service changes a case's secrecy after registration: set as if registered so.
        Case.objects.filter(pk=proposal.case_id).update(secrecy="OSL 21 kap. 1 §")
        page = client.get(reverse("publishing:initiatives")).content.decode()
        assert "cykelställ" not in page and "fler vårdplatser" in page

    def test_the_portal_links_to_it(self, client, proposal):
        assert (
            reverse("publishing:initiatives")
            in client.get(reverse("publishing:home")).content.decode()
        )


def test_an_official_cannot_withdraw_consent_from_an_agenda_item(
    proposal, council_meeting, board, official_user
):
    services.citizen_proposal_consent(actor=None, proposal=proposal, publish_name=True)
    services.initiative_announce(
        actor=None, initiative=proposal, meeting=council_meeting, refer_to=board
    )
    with pytest.raises(ValidationError, match="måste skrivas om"):
        services.citizen_proposal_consent(
            actor=official_user, proposal=proposal, publish_name=False
        )
    assert Initiative.objects.get().publish_name
    assert NAME in AgendaItem.objects.get().title


def test_a_title_with_the_name_blocks_withdrawal(body, series):
    named = services.citizen_proposal_register(
        actor=None,
        body=body,
        series=series,
        title="Kim Provnamns förslag om parkbänkar",
        received_on=D(2020, 9, 1),
        proposer_name=NAME,
        publish_name=True,
    )
    with pytest.raises(ValidationError, match="Rubriken innehåller förslagsställarens namn"):
        services.citizen_proposal_consent(actor=None, proposal=named, publish_name=False)
    assert Initiative.objects.get().publish_name


def test_every_open_report_is_rewritten(proposal, council, series):
    from kansli.meetings.services import meeting_create

    services.initiative_announcement_record(
        actor=None, initiative=proposal, announced_on=D(2020, 9, 10)
    )
    services.citizen_proposal_consent(actor=None, proposal=proposal, publish_name=True)
    items = []
    for day in (D(2021, 6, 16), D(2021, 10, 27)):
        meeting = meeting_create(
            actor=None, organization=council, date=day, start_time=datetime.time(9), place="C"
        )
        items.append(
            services.not_prepared_report_compile(actor=None, meeting=meeting, series=series)
        )
    assert set(Initiative.objects.get().reports.all()) == set(items)
    services.citizen_proposal_consent(actor=None, proposal=proposal, publish_name=False)
    for item in items:
        text = item.memo.sections.get(key=SectionKey.SUMMARY).text
        assert NAME not in text and "cykelställ" in text
