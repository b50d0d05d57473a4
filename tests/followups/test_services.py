import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kansli.core.deadlines import DeadlineState
from kansli.core.models import AuditEntry
from kansli.followups import selectors, services
from kansli.followups.models import Assignment, AssignmentStatus, FollowUp
from kansli.registry import services as registry

D = datetime.date


@pytest.fixture
def assignment(board):
    return services.assignment_create(
        actor=None,
        organization=board,
        number="53",
        title="Ta fram en plan för digitala möten",
        responsible="Regiondirektören",
        given_on=D(2020, 1, 15),
        due_on=D(2020, 12, 31),
    )


@pytest.fixture
def case(body, series):
    return registry.case_register(actor=None, body=body, series=series, title="Delårsrapport")


def test_an_assignment_is_reported_until_done_with_history(assignment, official_user, body):
    services.assignment_report(
        actor=official_user,
        assignment=assignment,
        status="startat",
        forecast="Bedöms klart i december",
        reported_on=D(2020, 7, 31),
    )
    services.assignment_report(
        actor=official_user,
        assignment=assignment,
        status="klart",
        forecast="",
        reported_on=D(2020, 11, 30),
        completed_on=D(2020, 11, 20),
    )
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.DONE
    assert assignment.completed_on == D(2020, 11, 20)
    history = selectors.assignment_history(viewer=official_user, assignment=assignment)
    assert [e.summary for e in history][1:] == [
        "Rapport 2020-07-31: startat. Prognos: Bedöms klart i december",
        "Rapport 2020-11-30: klart. Klart 2020-11-20.",
    ]
    assert list(selectors.assignment_list(viewer=official_user, body=body)) == []


def test_an_unknown_status_and_a_done_without_a_day_are_refused(assignment):
    with pytest.raises(ValidationError, match="Okänd status ”pågår”"):
        services.assignment_report(
            actor=None,
            assignment=assignment,
            status="pågår",
            forecast="",
            reported_on=D(2020, 7, 1),
        )
    with pytest.raises(ValidationError, match="vilken dag uppdraget blev klart"):
        services.assignment_report(
            actor=None,
            assignment=assignment,
            status="klart",
            forecast="",
            reported_on=D(2020, 7, 1),
        )
    with pytest.raises(ValidationError, match="före den dag uppdraget gavs"):
        services.assignment_report(
            actor=None,
            assignment=assignment,
            status="startat",
            forecast="",
            reported_on=D(2019, 7, 1),
        )
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.NOT_STARTED
    assert not AuditEntry.objects.filter(action="assignment_report").exists()


def test_assignment_numbers_are_unique_per_body_and_dates_ordered(board, assignment):
    with pytest.raises(ValidationError) as caught:
        services.assignment_create(
            actor=None,
            organization=board,
            number="53",
            title="x",
            responsible="y",
            given_on=D(2020, 2, 1),
            due_on=D(2020, 1, 1),
        )
    assert set(caught.value.message_dict) == {"number", "due_on"}
    assert Assignment.objects.count() == 1


def test_a_followup_with_the_interim_report_gets_its_day(case, elected, body):
    followup = services.followup_create(
        actor=None,
        case=case,
        description="Effekten av åtgärderna",
        decided_on=D(2020, 5, 27),
        with_interim_report=True,
    )
    assert followup.due_on == D(2020, 8, 31)
    [row] = selectors.due_rows(
        list(selectors.followup_list(viewer=elected, body=body)), D(2020, 9, 1)
    )
    assert row.state == DeadlineState.PASSED
    services.followup_done(actor=None, followup=followup, done_on=D(2020, 9, 2))
    assert list(selectors.followup_list(viewer=elected, body=body)) == []
    with pytest.raises(ValidationError, match="redan klar"):
        services.followup_done(actor=None, followup=followup, done_on=D(2020, 9, 3))


def test_a_followup_needs_one_limit(case):
    for due_on, interim in ((None, False), (D(2021, 1, 1), True)):
        with pytest.raises(ValidationError):
            services.followup_create(
                actor=None,
                case=case,
                description="x",
                decided_on=D(2020, 5, 27),
                due_on=due_on,
                with_interim_report=interim,
            )
    with pytest.raises(ValidationError, match="före beslutet"):
        services.followup_create(
            actor=None, case=case, description="x", decided_on=D(2020, 5, 27), due_on=D(2020, 1, 1)
        )
    assert not FollowUp.objects.exists()


def test_elected_members_only_read(board, elected, case):
    with pytest.raises(PermissionDenied):
        services.assignment_create(
            actor=elected,
            organization=board,
            number="1",
            title="x",
            responsible="y",
            given_on=D(2020, 1, 1),
        )
    with pytest.raises(PermissionDenied):
        services.followup_create(
            actor=elected, case=case, description="x", decided_on=D(2020, 1, 1), due_on=None
        )
