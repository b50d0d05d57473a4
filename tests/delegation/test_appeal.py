"""The appeal period of delegated decisions (from the posting of the minutes they were
reported in, or of the separate record of those not reported), the separate list, taking a
row off a compiled report, and the start page's count of what waits to be reported."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from kansli.core.models import AuditEntry
from kansli.delegation import rules, selectors, services
from kansli.delegation.models import Communication, DelegatedDecision
from kansli.memos.models import SectionKey
from kansli.minutes import rules as minutes_rules
from kansli.minutes import services as minutes_services
from kansli.minutes.models import Minutes

from ..minutes.helpers import board_with_meeting, started_minutes

D = datetime.date
SIGNED = datetime.datetime(2020, 9, 2, 14, 3, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))


def _decide(organization, point, summary="Regiondirektören har fattat beslut om anställning"):
    return services.delegated_decision_register(
        actor=None,
        organization=organization,
        point=point,
        decided_by="Regiondirektören",
        decided_on=D(2020, 6, 15),
        summary=summary,
    )


def _communication(organization, summary="Länsstyrelsen har överlämnat en rapport"):
    return services.communication_register(
        actor=None,
        organization=organization,
        received_on=D(2020, 6, 20),
        sender="Länsstyrelsen i Örebro län",
        summary=summary,
    )


def _summary(item):
    item.refresh_from_db()
    return item.memo.sections.get(key=SectionKey.SUMMARY).text


class TestRule:
    def test_not_posted_has_no_last_day(self):
        assert rules.last_day_to_appeal(None) is None

    def test_three_weeks_from_the_posting(self):
        assert rules.last_day_to_appeal(D(2020, 9, 2)) == D(2020, 9, 23)

    def test_a_last_day_on_a_holiday_moves_to_the_next_weekday(self):
        # 2020-12-04 + 21 days is Christmas Day; the 26th is a Saturday, the 27th a Sunday.
        assert rules.last_day_to_appeal(D(2020, 12, 4)) == D(2020, 12, 28)

    @given(st.dates(min_value=D(2000, 1, 1), max_value=D(2099, 12, 31)))
    def test_it_is_the_minutes_rule_at_least_three_weeks_on(self, posted_on):
        last = rules.last_day_to_appeal(posted_on)
        assert last == minutes_rules.last_day_to_appeal(posted_on)
        assert last is not None and last >= posted_on + datetime.timedelta(days=21)
        assert not minutes_rules.is_deadline_free_day(last)


def test_a_reported_decision_is_appealable_from_the_posting_of_the_minutes(body, series):
    b = board_with_meeting(body, series)
    point = services.delegation_point_create(
        actor=None, organization=b.board, code="3.2", title="Anställning", delegate="Direktören"
    )
    decision = _decide(b.board, point)
    [row] = selectors.decision_rows([decision], D(2020, 8, 1))
    assert row.last_appeal_day is None and row.posted_on is None
    services.report_item_compile(actor=None, meeting=b.meeting, series=series)
    minutes = started_minutes(b)
    # Once the minutes are started, the paragraph holds the list: the report is not changed.
    with pytest.raises(ValidationError, match="påbörjat"):
        services.report_row_remove(actor=None, row=decision)
    for name in ("Svahn", "Karlsson"):
        minutes_services.minutes_sign(actor=b.login(name), minutes=minutes, now=SIGNED)
    assert Minutes.objects.get(pk=minutes.pk).adjusted_on == D(2020, 9, 2)
    viewer = b.login("Svahn")
    decisions = list(selectors.decision_list(viewer=viewer, body=body).filter(pk=decision.pk))
    [row] = selectors.decision_rows(decisions, D(2020, 9, 10))
    assert row.posted_on == D(2020, 9, 2) and row.last_appeal_day == D(2020, 9, 23)
    # Once adjusted, the row stays on the report.
    with pytest.raises(ValidationError, match="justerat"):
        services.report_row_remove(actor=None, row=decision)


class TestNotReported:
    def test_the_separate_list_holds_only_decisions_not_reported(
        self, body, board, point, silent_point, registrar
    ):
        _decide(board, point, "Beslut A om anställning")
        silent = _decide(board, silent_point, "Beslut B om utlämnande")
        urgent = services.delegated_decision_register(
            actor=None,
            organization=board,
            point=silent_point,
            decided_by="Ordföranden",
            decided_on=D(2020, 6, 16),
            summary="Brådskande beslut om yttrande",
            urgent=True,
        )
        found = list(selectors.decisions_not_reported(viewer=registrar, body=body))
        assert found == [silent]
        assert urgent not in found
        # Those still to be posted come first, on every database.
        later = _decide(board, silent_point, "Beslut C om utlämnande")
        services.delegated_decision_post(actor=None, decision=silent, posted_on=D(2020, 6, 18))
        found = list(selectors.decisions_not_reported(viewer=registrar, body=body))
        assert found == [later, silent]

    def test_posting_starts_the_appeal_period(self, body, board, silent_point, registrar):
        decision = _decide(board, silent_point)
        services.delegated_decision_post(
            actor=registrar, decision=decision, posted_on=D(2020, 6, 18)
        )
        decision.refresh_from_db()
        assert decision.posted_on == D(2020, 6, 18)
        [row] = selectors.decision_rows([decision], D(2020, 7, 1))
        assert row.last_appeal_day == D(2020, 7, 9)
        entry = AuditEntry.objects.get(action="delegated_decision_post")
        assert "2020-07-09" in entry.summary and entry.actor == registrar

    def test_a_reported_decision_is_not_posted_on_its_own(self, board, point):
        decision = _decide(board, point)
        with pytest.raises(ValidationError, match="anmäls till organet"):
            services.delegated_decision_post(
                actor=None, decision=decision, posted_on=D(2020, 6, 18)
            )
        assert DelegatedDecision.objects.get().posted_on is None

    @pytest.mark.parametrize(
        ("day", "message"),
        [
            (D(2020, 6, 14), "före beslutsdagen"),
            (D(2999, 1, 1), "kan inte ligga i framtiden"),
        ],
    )
    def test_bad_days_are_refused(self, board, silent_point, day, message):
        decision = _decide(board, silent_point)
        with pytest.raises(ValidationError, match=message):
            services.delegated_decision_post(actor=None, decision=decision, posted_on=day)
        assert DelegatedDecision.objects.get().posted_on is None
        assert not AuditEntry.objects.filter(action="delegated_decision_post").exists()

    def test_posting_twice_is_refused(self, board, silent_point):
        decision = _decide(board, silent_point)
        services.delegated_decision_post(actor=None, decision=decision, posted_on=D(2020, 6, 18))
        with pytest.raises(ValidationError, match="redan 2020-06-18"):
            services.delegated_decision_post(
                actor=None, decision=decision, posted_on=D(2020, 6, 19)
            )

    def test_elected_members_do_not_post(self, board, silent_point, elected):
        decision = _decide(board, silent_point)
        with pytest.raises(PermissionDenied):
            services.delegated_decision_post(
                actor=elected, decision=decision, posted_on=D(2020, 6, 18)
            )


class TestRemoveFromReport:
    @pytest.fixture
    def compiled(self, board, board_meeting, point, series):
        first = _decide(board, point, "Beslut A om anställning")
        second = _decide(board, point, "Beslut B om avtal")
        message = _communication(board)
        item = services.report_item_compile(actor=None, meeting=board_meeting, series=series)
        return item, first, second, message

    def test_a_decision_is_taken_off_and_the_list_renumbered(self, compiled, secretary):
        item, first, _, _ = compiled
        assert "Beslut A" in _summary(item) and "2. Beslut B" in _summary(item)
        services.report_row_remove(actor=secretary, row=first)
        first.refresh_from_db()
        assert first.report_item is None
        text = _summary(item)
        assert "Beslut A" not in text and "1. Beslut B" in text
        assert "Meddelandeärenden" in text
        assert AuditEntry.objects.filter(action="report_row_remove").count() == 1
        # It waits again, and the next compilation takes it back.
        again = services.report_item_compile(actor=None, meeting=item.meeting)
        assert again == item and "1. Beslut A" in _summary(item) and "2. Beslut B" in _summary(item)

    def test_the_last_rows_off_leave_a_plain_summary(self, compiled):
        item, first, second, message = compiled
        for row in (first, second, message):
            services.report_row_remove(actor=None, row=row)
        assert _summary(item) == "Inga anmälnings- eller meddelandeärenden."
        assert not Communication.objects.filter(report_item=item).exists()

    def test_a_row_not_on_a_report_is_refused(self, board, point):
        decision = _decide(board, point)
        with pytest.raises(ValidationError, match="finns inte i någon sammanställning"):
            services.report_row_remove(actor=None, row=decision)

    def test_officials_do_not_change_the_report(self, compiled, official_user):
        _, first, _, _ = compiled
        with pytest.raises(PermissionDenied):
            services.report_row_remove(actor=official_user, row=first)
        first.refresh_from_db()
        assert first.report_item is not None


@pytest.mark.parametrize("today", [D(2020, 6, 1), D(2020, 8, 26), D(2020, 8, 27), D(2021, 1, 1)])
def test_the_start_page_count_agrees_with_the_rows(
    body, board, point, silent_point, registrar, today
):
    from kansli.meetings.services import meeting_create

    for day in (D(2020, 7, 1), D(2020, 8, 26)):
        meeting_create(
            actor=None, organization=board, date=day, start_time=datetime.time(9), place="Sal A"
        )
    for day, chosen in (
        (D(2020, 6, 15), point),
        (D(2020, 7, 2), point),
        (D(2020, 6, 15), silent_point),
    ):
        services.delegated_decision_register(
            actor=None,
            organization=board,
            point=chosen,
            decided_by="x",
            decided_on=day,
            summary=f"Beslut {day}",
        )
    rows = [
        row
        for row in selectors.decision_rows(
            list(selectors.decision_list(viewer=registrar, body=body, unreported=True)), today
        )
        if row.reported
    ]
    assert rows  # the case is not empty
    assert selectors.waiting_counts(viewer=registrar, body=body, today=today) == (
        len(rows),
        sum(1 for row in rows if row.late),
    )


class TestPages:
    def test_the_separate_list_and_the_posting_form(
        self, client, registrar, elected, board, silent_point
    ):
        decision = _decide(board, silent_point, "Beslut om utlämnande <b>x</b>")
        url = reverse("delegation:decision_post", args=[decision.pk])
        client.force_login(elected)
        page = client.get(reverse("delegation:not_reported")).content.decode()
        assert "Inte tillkännagivet" in page and url not in page
        assert "&lt;b&gt;x&lt;/b&gt;" in page
        assert client.get(url).status_code == 403
        client.force_login(registrar)
        assert url in client.get(reverse("delegation:not_reported")).content.decode()
        for bad, message in (
            ("18/6", "ÅÅÅÅ-MM-DD"),
            ("2020-06-01", "före beslutsdagen"),
            ("<script>", "ÅÅÅÅ-MM-DD"),
        ):
            response = client.post(url, {"posted_on": bad})
            assert response.status_code == 200 and message in response.content.decode()
        assert DelegatedDecision.objects.get().posted_on is None
        response = client.post(url, {"posted_on": "2020-06-18"})
        assert response.status_code == 302
        page = client.get(reverse("delegation:not_reported")).content.decode()
        assert "anslaget 2020-06-18" in page and "2020-07-09" in page
        assert client.get(reverse("delegation:decision_post", args=[99999])).status_code == 404

    def test_remove_from_the_report_on_the_list(
        self, client, secretary, official_user, board, board_meeting, point, series
    ):
        decision = _decide(board, point)
        message = _communication(board)
        services.report_item_compile(actor=None, meeting=board_meeting, series=series)
        remove = reverse("delegation:decision_report_remove", args=[decision.pk])
        client.force_login(official_user)
        assert remove not in client.get(reverse("delegation:list")).content.decode()
        assert client.post(remove).status_code == 403
        client.force_login(secretary)
        page = client.get(reverse("delegation:list")).content.decode()
        assert remove in page and "Räknas från anslaget av protokollet" in page
        assert client.get(remove).status_code == 405
        response = client.post(remove, follow=True)
        assert "togs bort ur sammanställningen" in response.content.decode()
        decision.refresh_from_db()
        assert decision.report_item is None
        response = client.post(remove, follow=True)
        assert "finns inte i någon sammanställning" in response.content.decode()
        other = reverse("delegation:communication_report_remove", args=[message.pk])
        assert client.post(other).status_code == 302
        message.refresh_from_db()
        assert message.report_item is None
        assert (
            client.post(reverse("delegation:communication_report_remove", args=[99999])).status_code
            == 404
        )
