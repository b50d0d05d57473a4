"""Defects found by walking the meeting pages as a new secretary, each kept mended."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from kansli.core.confirm import NeedsConfirmation
from kansli.meetings import services
from kansli.meetings.models import Announcement
from kansli.meetings.selectors import announcements_on_board
from kansli.meetings.stages import meeting_stages
from kansli.minutes import services as minutes_services
from kansli.people import services as people

from ..minutes.helpers import started_minutes
from ..shared import shared_fixtures
from .lifecycle_helpers import board_with_upcoming_meeting, move, upcoming

pytestmark = pytest.mark.django_db
SITE = "https://kansli.example.se/"


_shared_data, body, series, b = shared_fixtures(board_with_upcoming_meeting, "b")


def test_namesakes_named_as_adjusters_do_not_stop_the_minutes(b, secretary):
    """Two seated people of one name: the adjustment clause cannot tell them apart, so
    neither is taken — the minutes still start."""
    twin = people.person_create(
        actor=None,
        first_name="Karin",
        last_name="Sundin",
        party=b["Sundin"].party,
        allow_namesake=True,
    )
    people.membership_create(
        actor=None,
        person=twin,
        organization=b.board,
        role="ersattare",
        start=b.meeting.date - datetime.timedelta(days=30),
    )
    minutes = started_minutes(b)
    assert minutes.adjuster == b["Karlsson"]
    assert minutes.substitute_adjuster is None


def test_minutes_before_the_meeting_day_are_asked_about(b, secretary):
    with pytest.raises(NeedsConfirmation, match="redan nu"):
        minutes_services.minutes_create(actor=secretary, meeting=b.meeting, confirmed=False)
    assert not hasattr(b.meeting, "minutes")
    minutes = minutes_services.minutes_create(actor=secretary, meeting=b.meeting, confirmed=True)
    assert minutes.paragraphs.count() == 3


def test_minutes_are_not_adjusted_before_the_meeting_is_held(b, secretary):
    minutes = started_minutes(b)
    minutes_services.minutes_set_adjustment(
        actor=secretary, minutes=minutes, chair=b["Svahn"], adjuster=b["Karlsson"]
    )
    with pytest.raises(ValidationError, match="först när sammanträdet har hållits"):
        minutes_services.minutes_sign(actor=b.login("Svahn"), minutes=minutes)
    assert not minutes.signatures.exists()


def test_the_start_page_asks_before_early_minutes(b, secretary, client):
    client.force_login(secretary)
    url = reverse("minutes:minutes_detail", args=[b.meeting.pk])
    page = client.get(url).content.decode()
    assert "Påbörja protokollet redan nu" in page
    response = client.post(url, {}, follow=True)
    assert "Vill du påbörja protokollet redan nu?" in response.content.decode()
    assert 'role="alert"' in response.content.decode()  # a refusal is an alert, not a status
    client.post(url, {"confirmed": "on"})
    assert b.meeting.minutes.paragraphs.count() == 3


def test_moving_an_announced_council_meeting_asks_and_is_announced_anew(b, secretary):
    meeting = services.meeting_create(
        actor=None,
        organization=b.council,
        date=upcoming(20),
        start_time=datetime.time(18, 0),
        place="Stadshuset",
    )
    services.agenda_item_add(actor=None, meeting=meeting, title="Budget")
    first = services.announcement_post(actor=secretary, meeting=meeting)
    facts = {"date": upcoming(21), "start_time": datetime.time(19, 0), "place": "Folkets hus"}
    with pytest.raises(NeedsConfirmation, match="på nytt"):
        services.meeting_update(actor=secretary, meeting=meeting, **facts)
    meeting, _ = services.meeting_update(actor=secretary, meeting=meeting, confirmed=True, **facts)
    stage = next(s for s in meeting_stages(meeting, secretary) if s.key == "announcement")
    assert stage.done is False and stage.action == "Tillkännage på nytt"
    assert "flyttats" in stage.warning
    plan = services.announcement_plan(meeting)
    assert plan.moved and not plan.supplement
    renewed = services.announcement_post(actor=secretary, meeting=meeting)
    assert not renewed.supplement and renewed.place == "Folkets hus"
    first.refresh_from_db()
    assert first.superseded
    board = announcements_on_board(viewer=None, today=timezone.localdate())
    assert list(board) == [renewed]
    assert Announcement.objects.count() == 2


def test_a_move_to_a_day_without_members_is_asked_about(b, secretary):
    today = timezone.localdate()
    term = people.term_create(
        actor=None,
        body=b.body,
        name="Innevarande",
        start=today - datetime.timedelta(days=100),
        end=today + datetime.timedelta(days=300),
    )
    committee = people.organization_create(
        actor=None, body=b.body, name="Kulturnämnden", kind="namnd"
    )
    people.membership_create(
        actor=None,
        person=b["Svahn"],
        organization=committee,
        role="ordforande",
        start=term.start,
        term=term,
    )
    meeting = services.meeting_create(
        actor=None,
        organization=committee,
        date=upcoming(10),
        start_time=datetime.time(9, 0),
        place="Kulturhuset",
    )
    facts = {"start_time": datetime.time(9, 0), "place": "Kulturhuset"}
    with pytest.raises(NeedsConfirmation, match="inga ledamöter den 9999-12-31"):
        services.meeting_update(
            actor=secretary, meeting=meeting, date=datetime.date(9999, 12, 31), **facts
        )
    moved, _ = services.meeting_update(actor=secretary, meeting=meeting, date=upcoming(11), **facts)
    assert moved.date == upcoming(11)


def test_the_memos_follow_the_meeting_to_its_new_day(b, secretary):
    memo = b.meeting.items.get(number=2).memo
    new_day = b.meeting.date + datetime.timedelta(days=2)
    move(b, secretary, date=new_day)
    memo.refresh_from_db()
    assert memo.meeting_date == new_day


def test_no_meeting_book_for_an_empty_agenda(b, secretary):
    from kansli.meetings.book.services import meeting_book_request

    for item in b.meeting.items.order_by("-number"):
        services.agenda_item_remove(actor=secretary, item=item)
    with pytest.raises(ValidationError, match="Dagordningen är tom"):
        meeting_book_request(actor=secretary, meeting=b.meeting, edition="ledamoter")


def test_the_same_case_twice_on_an_agenda_is_asked_about(b, secretary):
    case = b.meeting.items.get(number=2).case
    with pytest.raises(NeedsConfirmation, match="står redan på dagordningen som punkt 2"):
        services.agenda_item_add(actor=secretary, meeting=b.meeting, case=case, confirmed=False)


def test_stages_offer_nothing_before_the_meeting_once_the_minutes_are_started(b, secretary):
    services.notice_send(actor=secretary, meeting=b.meeting, site_url=SITE)
    started_minutes(b)
    services_before = {s.key: s for s in meeting_stages(b.meeting, secretary)}
    for key in ("agenda", "memos", "book", "notice"):
        assert services_before[key].action == ""
    assert services_before["memos"].done is None  # not done, and no longer to be done


def test_a_withdrawn_paragraph_says_so_and_offers_no_decision(b, secretary, client):
    minutes = started_minutes(b)
    paragraph = minutes.paragraphs.get(agenda_item__number=3)
    minutes_services.paragraph_withdraw(actor=secretary, paragraph=paragraph, reason="Ej berett")
    client.force_login(secretary)
    page = client.get(
        reverse("minutes:paragraph_edit", args=[b.meeting.pk, paragraph.pk])
    ).content.decode()
    assert "Ärendet utgick från dagordningen: Ej berett" in page
    assert "Spara paragrafen" not in page and "Registrera omröstningen" not in page
    listing = client.get(reverse("minutes:minutes_detail", args=[b.meeting.pk])).content.decode()
    assert "Ärendet utgick." in listing


def test_the_recipients_say_why_the_notice_would_not_reach_them(b, secretary, client):
    from kansli.people.models import Person

    Person.objects.filter(pk=b["Sundin"].pk).update(email="")
    Person.objects.filter(pk=b["Habib"].pk).update(email="zaki@")
    client.force_login(secretary)
    page = client.get(reverse("meetings:meeting_detail", args=[b.meeting.pk])).content.decode()
    assert "Saknar e-postadress" in page and "Ogiltig e-postadress" in page


def test_an_item_in_a_sent_notice_offers_withdrawal_not_removal(b, secretary, client):
    client.force_login(secretary)
    url = reverse("meetings:meeting_detail", args=[b.meeting.pk])
    assert "Ta bort<span" in client.get(url).content.decode()
    services.notice_send(actor=secretary, meeting=b.meeting, site_url=SITE)
    page = client.get(url).content.decode()
    assert "Ta bort<span" not in page and "Utgår<span" in page


def test_a_cancelled_meeting_is_marked_in_the_lists(b, secretary, client):
    services.meeting_cancel(actor=secretary, meeting=b.meeting)
    assert "inställt" in client.get(reverse("publishing:home")).content.decode()
    client.force_login(secretary)
    assert "inställt" in client.get(reverse("core:home")).content.decode()


def test_the_question_is_shown_once(b, secretary, client):
    client.force_login(secretary)
    past = services.meeting_create(
        actor=None,
        organization=b.board,
        date=timezone.localdate() - datetime.timedelta(days=10),
        start_time=datetime.time(9, 0),
        place="Regionens hus",
    )
    response = client.post(reverse("meetings:agenda_item_add", args=[past.pk]), {"title": "Extra"})
    assert response.content.decode().count("har redan varit") == 1
