import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kansli.core.models import AuditEntry
from kansli.delegation import services
from kansli.delegation.models import Communication, DelegatedDecision, DelegationPoint
from kansli.meetings.models import AgendaItem
from kansli.meetings.services import agenda_item_add, agenda_item_memo_mark_ready
from kansli.memos import markup
from kansli.memos.models import SectionKey
from kansli.people import services as people
from kansli.people.models import OrganizationKind
from kansli.registry import services as registry

JUNE = datetime.date(2020, 6, 15)


def _decide(board, point, summary="Regiondirektören har fattat beslut om anställning", **kw):
    kw.setdefault("actor", None)
    kw.setdefault("decided_on", JUNE)
    kw.setdefault("decided_by", "Regiondirektören")
    return services.delegated_decision_register(
        organization=board, point=point, summary=summary, **kw
    )


def _summary(item):
    item.refresh_from_db()
    return item.memo.sections.get(key=SectionKey.SUMMARY).text


def _plain(text):
    return markup.plain_text(markup.parse(text))


@pytest.fixture
def collective_case(body, series):
    return registry.case_register(
        actor=None, body=body, series=series, title="Anmälnings- och meddelandeärenden 2020"
    )


class TestDelegationOrder:
    def test_a_point_is_added_with_an_audit_row(self, board, secretary):
        point = services.delegation_point_create(
            actor=secretary,
            organization=board,
            code=" 3.2 ",
            title="Anställning av förvaltningschef",
            delegate="Regiondirektören",
        )
        assert point.code == "3.2" and point.reported
        assert AuditEntry.objects.filter(action="delegation_point_create").count() == 1

    def test_the_same_number_twice_is_refused(self, board, point):
        with pytest.raises(ValidationError, match=r"Punkt 3\.2 finns redan"):
            services.delegation_point_create(
                actor=None, organization=board, code="3.2", title="Annat", delegate="Någon"
            )

    def test_empty_fields_are_refused_each_with_a_message(self, board):
        with pytest.raises(ValidationError) as caught:
            services.delegation_point_create(
                actor=None, organization=board, code=" ", title="", delegate=""
            )
        assert set(caught.value.message_dict) == {"code", "title", "delegate"}
        assert not DelegationPoint.objects.exists()

    def test_an_external_body_has_no_delegation_order(self, body):
        external = people.organization_create(
            actor=None,
            body=body,
            name="Rådet för funktionshinderfrågor i Degerfors kommun",
            kind=OrganizationKind.EXTERNAL,
        )
        with pytest.raises(ValidationError, match="inte ett organ som delegerar"):
            services.delegation_point_create(
                actor=None, organization=external, code="1", title="x", delegate="y"
            )

    def test_only_secretaries_change_the_order(self, board, official_user, elected):
        for user in (official_user, elected):
            with pytest.raises(PermissionDenied):
                services.delegation_point_create(
                    actor=user, organization=board, code="1", title="x", delegate="y"
                )

    def test_an_update_records_what_changed(self, point, secretary):
        services.delegation_point_update(
            actor=secretary,
            point=point,
            title=point.title,
            delegate="Biträdande regiondirektör",
            reported=True,
            is_active=False,
        )
        entry = AuditEntry.objects.get(action="delegation_point_update")
        assert entry.changes == {
            "delegate": ["Regiondirektören", "Biträdande regiondirektör"],
            "is_active": [True, False],
        }


class TestRegister:
    def test_a_decision_is_registered_under_its_point(self, board, point, official_user):
        decision = _decide(board, point, actor=official_user)
        assert decision.point == point and decision.report_item is None
        assert AuditEntry.objects.filter(action="delegated_decision_register").exists()

    def test_a_point_of_another_body_is_refused(self, body, board, point):
        committee = people.organization_create(
            actor=None,
            body=body,
            name="Hälso- och sjukvårdsnämnden",
            kind=OrganizationKind.COMMITTEE,
        )
        other = services.delegation_point_create(
            actor=None, organization=committee, code="9.9", title="Avtal", delegate="Direktören"
        )
        with pytest.raises(ValidationError) as caught:
            _decide(board, other)
        assert caught.value.message_dict["point"] == [
            "Punkt 9.9 finns inte i delegationsordningen för Regionstyrelsen."
        ]
        assert not DelegatedDecision.objects.exists()

    def test_a_point_no_longer_in_force_is_refused(self, board, point):
        services.delegation_point_update(
            actor=None, point=point, title=point.title, delegate="x", reported=True, is_active=False
        )
        with pytest.raises(ValidationError, match="gäller inte längre"):
            _decide(board, point)

    def test_no_point_a_future_day_and_an_empty_summary_are_refused_together(self, board):
        with pytest.raises(ValidationError) as caught:
            _decide(
                board, None, summary=" ", decided_on=datetime.date.today() + datetime.timedelta(1)
            )
        assert set(caught.value.message_dict) == {"point", "summary", "decided_on"}

    def test_a_case_of_another_body_is_refused(self, board, point):
        other_body = people.body_create(actor=None, name="Lekebergs kommun")
        other_series = registry.series_create(actor=None, body=other_body, code="KS", name="KS")
        case = registry.case_register(actor=None, body=other_body, series=other_series, title="x")
        with pytest.raises(ValidationError, match="annan huvudman"):
            _decide(board, point, case=case)

    def test_elected_members_do_not_register(self, board, point, elected):
        with pytest.raises(PermissionDenied):
            _decide(board, point, actor=elected)

    def test_a_communication_is_registered(self, board, official_user):
        communication = services.communication_register(
            actor=official_user,
            organization=board,
            received_on=JUNE,
            sender="Länsstyrelsen i Örebro län",
            summary="Länsstyrelsen har överlämnat information om föreskrifter för båttrafik",
        )
        assert communication.report_item is None
        with pytest.raises(ValidationError) as caught:
            services.communication_register(
                actor=official_user, organization=board, received_on=JUNE, sender="", summary=""
            )
        assert set(caught.value.message_dict) == {"sender", "summary"}
        assert Communication.objects.count() == 1


class TestReport:
    def test_one_item_with_two_numbered_lists_in_order(
        self, board, board_meeting, point, silent_point, collective_case, secretary, series, body
    ):
        case = registry.case_register(actor=None, body=body, series=series, title="Anställning")
        _decide(
            board,
            point,
            "Regiondirektören har fattat beslut om anställning av förvaltningschef",
            case=case,
        )
        _decide(
            board,
            point,
            "Regiondirektören har undertecknat ett avtal",
            decided_on=datetime.date(2020, 6, 1),
        )
        _decide(board, silent_point, "Regionjurist har avslagit en begäran om utlämnande")
        _decide(
            board, silent_point, "Ordföranden har beslutat i ett brådskande ärende", urgent=True
        )
        _decide(board, point, "Beslut efter sammanträdet", decided_on=datetime.date(2020, 8, 27))
        services.communication_register(
            actor=None,
            organization=board,
            received_on=JUNE,
            sender="Sveriges Kommuner och Regioner",
            summary="Sveriges Kommuner och Regioner har överlämnat information om statsbidrag",
        )
        item = services.report_item_compile(
            actor=secretary, meeting=board_meeting, case=collective_case
        )
        assert item.title == "Anmälnings- och meddelandeärenden"
        assert item.case == collective_case
        assert [c.text for c in item.proposal.clauses.all()] == ["att godkänna redovisningen"]
        assert item.proposal.formula == "Regionstyrelsen beslutar"
        blocks = markup.parse(_summary(item))
        lists = [b for b in blocks if b["type"] == "list"]
        assert [b["ordered"] for b in lists] == [True, True]
        assert [len(b["items"]) for b in lists] == [3, 1]
        assert [[markup.runs_text(i) for i in b["items"]] for b in lists] == [
            [
                "Regiondirektören har undertecknat ett avtal.",
                "Regiondirektören har fattat beslut om anställning av förvaltningschef, "
                f"{case.number}.",
                "Ordföranden har beslutat i ett brådskande ärende.",
            ],
            ["Sveriges Kommuner och Regioner har överlämnat information om statsbidrag."],
        ]
        assert _plain(_summary(item)).startswith("Anmälningsärenden:")
        # Not reported: the silent point's ordinary decision, the one after the meeting.
        assert DelegatedDecision.objects.filter(report_item__isnull=True).count() == 2

    def test_run_again_it_extends_the_same_item(self, board, board_meeting, point, collective_case):
        _decide(board, point, "Första beslutet")
        first = services.report_item_compile(
            actor=None, meeting=board_meeting, case=collective_case
        )
        with pytest.raises(ValidationError, match="inga nya delegationsbeslut"):
            services.report_item_compile(actor=None, meeting=board_meeting)
        _decide(board, point, "Andra beslutet", decided_on=datetime.date(2020, 8, 20))
        again = services.report_item_compile(actor=None, meeting=board_meeting)
        assert again.pk == first.pk
        assert AgendaItem.objects.filter(meeting=board_meeting).count() == 1
        [listed] = [b for b in markup.parse(_summary(again)) if b["type"] == "list"]
        assert [markup.runs_text(i) for i in listed["items"]] == [
            "Första beslutet.",
            "Andra beslutet.",
        ]

    def test_nothing_to_report_is_refused_and_nothing_is_written(
        self, board_meeting, collective_case
    ):
        with pytest.raises(ValidationError, match="inga delegationsbeslut eller meddelanden"):
            services.report_item_compile(actor=None, meeting=board_meeting, case=collective_case)
        assert not AgendaItem.objects.exists()

    def test_without_case_or_series_nothing_is_written(self, board, board_meeting, point):
        _decide(board, point)
        with pytest.raises(ValidationError, match="samlingsärende"):
            services.report_item_compile(actor=None, meeting=board_meeting)
        assert not AgendaItem.objects.exists()
        assert DelegatedDecision.objects.get().report_item is None

    def test_a_series_gives_a_new_collective_case(self, board, board_meeting, point, series):
        _decide(board, point)
        item = services.report_item_compile(actor=None, meeting=board_meeting, series=series)
        assert item.case.title == "Anmälnings- och meddelandeärenden 2020, Regionstyrelsen"

    def test_hostile_text_stays_literal(self, board, board_meeting, point, collective_case):
        hostile = "1. <script>alert(1)</script> **fet** #rubrik [länk](http://x) #set page()"
        _decide(board, point, hostile)
        item = services.report_item_compile(actor=None, meeting=board_meeting, case=collective_case)
        [listed] = [b for b in markup.parse(_summary(item)) if b["type"] == "list"]
        [line] = listed["items"]
        assert markup.runs_text(line) == hostile + "."
        assert not any(run["strong"] for run in line)

    def test_the_memo_is_ready_once_recipients_are_named(
        self, board, board_meeting, point, collective_case
    ):
        _decide(board, point)
        item = services.report_item_compile(actor=None, meeting=board_meeting, case=collective_case)
        with pytest.raises(ValidationError) as caught:
            agenda_item_memo_mark_ready(actor=None, item=item)
        # Only what the secretary must add: the signature and the recipients.
        assert all("Underskrift" in m or "Skickas till" in m for m in caught.value.messages)

    def test_officials_do_not_compile(self, board, board_meeting, point, official_user):
        _decide(board, point)
        with pytest.raises(PermissionDenied):
            services.report_item_compile(actor=official_user, meeting=board_meeting)


def test_an_item_put_on_the_agenda_by_hand_is_filled_not_doubled(
    board, board_meeting, point, collective_case
):
    by_hand = agenda_item_add(
        actor=None,
        meeting=board_meeting,
        title="Anmälnings- och meddelandeärenden",
        case=collective_case,
        formula="Regionstyrelsen beslutar",
        clauses=["att godkänna redovisningen"],
    )
    _decide(board, point, "Ett beslut")
    item = services.report_item_compile(actor=None, meeting=board_meeting)
    assert item.pk == by_hand.pk
    assert AgendaItem.objects.filter(meeting=board_meeting).count() == 1
    assert "Ett beslut." in _plain(_summary(item))
