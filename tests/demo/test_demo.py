import datetime

import pytest
from django.apps import apps
from django.core.management import call_command

from kansli.core.models import AuditEntry
from kansli.demo.data import MEETING as DEMO_MEETING
from kansli.demo.loader import demo_load
from kansli.meetings.models import AgendaItem, Meeting
from kansli.people import selectors as people_selectors
from kansli.people.models import Organization
from kansli.registry.models import Case, Document


def _counts():
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in {"core", "people", "registry", "memos", "meetings", "minutes"}
    }


@pytest.mark.django_db
def test_demo_is_the_board_meeting_of_2020_08_26_and_loads_idempotently():
    first = demo_load()
    assert first.total > 0
    counts = _counts()
    second = demo_load()
    assert second.total == 0
    assert _counts() == counts

    meeting = Meeting.objects.get(date=DEMO_MEETING["date"])
    assert (meeting.date, meeting.start_time, meeting.end_time) == (
        datetime.date(2020, 8, 26),
        datetime.time(9, 30),
        datetime.time(12, 0),
    )
    assert meeting.place == "Hörsal L1, Örebro universitet"
    items = list(AgendaItem.objects.filter(meeting=meeting).order_by("number"))
    assert [i.number for i in items] == list(range(1, 14))
    assert [i.case.number for i in items if i.case] == [
        "20RS6617",
        "20RS8413",
        "20RS6550",
        "20RS6891",
        "20RS6584",
        "20RS6315",
        "20RS5739",
        "20RS3926",
        "20RS6208",
        "20RS5116",
        "20RS387",
    ]
    tbe = items[2]
    assert tbe.proposal.formula == "Regionstyrelsen föreslår regionfullmäktige besluta"
    assert tbe.proposal.clauses.count() == 2

    board = Organization.objects.get(name="Regionstyrelsen")
    members, substitutes = people_selectors.memberships_on(
        viewer=None, organization=board, day=datetime.date(2020, 8, 26)
    )
    assert len(members) == 15 and len(substitutes) == 15
    assert [(m.person.name, m.get_role_display()) for m in members[:3]] == [
        ("Andreas Svahn", "Ordförande"),
        ("Behcet Barsom", "Vice ordförande"),
        ("Ola Karlsson", "2:e vice ordförande"),
    ]
    assert Document.objects.filter(case__number="20RS8413").first().number == "20RS8413-1"
    assert all(d.file.read(5) == b"%PDF-" for d in Document.objects.all()[:3])
    assert Case.objects.get(number="20RS5739").official.name == "Caroline Klefbom"
    assert AuditEntry.objects.filter(action="document_register").count() == (
        Document.objects.count()
    )
    # motions: one past its year (in the report), one answered; a proposer without consent
    from kansli.initiatives.models import Initiative
    from kansli.initiatives.selectors import not_prepared

    overdue = not_prepared(viewer=None, body=board.body, on=datetime.date(2020, 8, 26))
    assert [row.initiative.title for row in overdue] == ["Motion om fler vårdplatser i länet"]
    assert Initiative.objects.filter(outcome="besvarad").count() == 1
    proposals = Initiative.objects.filter(kind="medborgarforslag")
    assert proposals.count() == 2 and all(p.public_proposer() == "" for p in proposals)
    # the agenda's motions and proposal, registered in the registry, are in the register too
    from kansli.initiatives.selectors import missing_facts

    for number in ("20RS6617", "20RS8413", "20RS6550"):
        registered = Initiative.objects.get(case__number=number)
        assert registered.received_on == registered.case.registered_on
        assert missing_facts(registered)
    # workflows: item 12 compiled from the register, item 5 waiting, item 8's authorisations
    from kansli.authorisations.models import Authorisation
    from kansli.elections.models import Resignation
    from kansli.followups.models import Assignment

    report = AgendaItem.objects.get(meeting__date=datetime.date(2020, 8, 26), number=12)
    assert report.delegated_decisions.count() == 4  # the fifth point is not reported
    assert report.communications.count() == 3
    summary = report.memo.sections.get(key="sammanfattning").text
    assert summary.startswith("Anmälningsärenden:\n\n1. Regiondirektören")
    assert "20RS6587." in summary
    from kansli.delegation.models import DelegatedDecision

    [silent] = DelegatedDecision.objects.filter(report_item__isnull=True)
    assert silent.posted_on is not None  # kept apart, posted on its own
    assert Resignation.objects.get().by_election.person is None
    assert Authorisation.objects.filter(revocation_decided_on__isnull=True).count() == 6
    revoked = Authorisation.objects.get(revocation_decided_on__isnull=False)
    assert revoked.third_party_told_on == datetime.date(2020, 8, 31)  # the bank told (13 §)
    assert Assignment.objects.get(number="53").forecast.startswith("Projektet är försenat")


@pytest.mark.django_db
def test_demo_load_command_prints_the_logins(capsys):
    call_command("demo_load")
    out = capsys.readouterr().out
    for username in ("registrator", "handlaggare", "sekreterare", "ledamot", "justerare", "admin"):
        assert username in out
    call_command("demo_load", "--quiet-logins")
    assert "inget ändrades" in capsys.readouterr().out
