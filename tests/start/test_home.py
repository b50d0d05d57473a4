"""The start page per role: what waits, and the deadlines, for each viewer."""

import datetime

from django.urls import reverse
from django.utils import timezone

from kansli.delegation import services as delegation
from kansli.followups import services as followups
from kansli.meetings.services import meeting_create
from kansli.people import services as people
from kansli.people.models import MembershipRole
from kansli.registry import services as registry


def test_an_official_sees_their_follow_ups_near_their_limit(client, official_user, body, series):
    today = timezone.localdate()
    case = registry.case_register(
        actor=None, body=body, series=series, title="Budget", official=official_user.official
    )
    other = registry.case_register(actor=None, body=body, series=series, title="Annat")
    for c, text in ((case, "Min uppföljning"), (other, "Någon annans")):
        followups.followup_create(
            actor=None,
            case=c,
            description=text,
            decided_on=today,
            due_on=today + datetime.timedelta(days=5),
        )
    client.force_login(official_user)
    page = client.get(reverse("core:home")).content.decode()
    assert f"Uppföljning i {case.number}" in page
    assert f"Uppföljning i {other.number}" not in page
    assert "Väntar på dig" not in page  # an official has no report to compile


def test_a_secretary_sees_what_waits_to_be_reported(client, secretary, board):
    point = delegation.delegation_point_create(
        actor=None, organization=board, code="1.1", title="Avtal", delegate="Direktören"
    )
    meeting_create(
        actor=None,
        organization=board,
        date=datetime.date(2020, 8, 26),
        start_time=datetime.time(9),
        place="Sal A",
    )
    delegation.delegated_decision_register(
        actor=None,
        organization=board,
        point=point,
        decided_by="Direktören",
        decided_on=datetime.date(2020, 6, 1),
        summary="Direktören har tecknat ett avtal",
    )
    client.force_login(secretary)
    page = client.get(reverse("core:home")).content.decode()
    assert "1 delegationsbeslut väntar på att anmälas, varav 1 borde redan ha anmälts" in page


def test_an_elected_member_sees_their_seats_and_meetings(client, elected, board, person):
    person.user = elected
    person.save()
    people.membership_create(
        actor=None,
        person=person,
        organization=board,
        role=MembershipRole.MEMBER,
        start=datetime.date(2019, 1, 1),
    )
    meeting_create(
        actor=None,
        organization=board,
        date=timezone.localdate() + datetime.timedelta(days=3),
        start_time=datetime.time(9),
        place="Sal A",
    )
    client.force_login(elected)
    page = client.get(reverse("core:home")).content.decode()
    assert "Mina uppdrag" in page and "Ledamot" in page
    assert "Sammanträde: Regionstyrelsen" in page


def test_the_public_sees_no_personal_sections(client, db):
    page = client.get(reverse("core:home")).content.decode()
    assert "Mina tidsgränser" not in page
