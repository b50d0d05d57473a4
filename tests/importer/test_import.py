"""A real import: what the files hold is written through the services, once."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings

from kansli.core.models import AuditEntry
from kansli.importer.services import import_files
from kansli.meetings.models import AgendaItem, Meeting
from kansli.memos.models import Memo, MemoStatus
from kansli.minutes.models import Minutes
from kansli.people import services as people
from kansli.people.models import Membership, MembershipRole, OrganizationKind, Person
from kansli.registry.models import Case, Document

from .helpers import FILES, corpus_notice
from .snapshot import row_counts


def _file(name: str) -> tuple[str, bytes]:
    return name, (FILES / name).read_bytes()


@pytest.fixture
def municipality(db):
    return people.body_create(
        actor=None, name="Exempelby kommun", case_number_format="{SERIES} {YYYY}/{N}"
    )


def test_the_corpus_notice_is_imported_whole_and_once(body, secretary):
    data = corpus_notice()
    result = import_files(actor=secretary, body=body, files=[("kallelse.txt", data)])
    assert result.written, [str(p) for p in result.problems if p.is_error]
    meeting = Meeting.objects.get(organization__name="Regionstyrelsen")
    assert meeting.date.isoformat() == "2020-08-26" and meeting.place.startswith("Hörsal L1")
    items = {i.number: i for i in AgendaItem.objects.filter(meeting=meeting)}
    assert len(items) == 13
    assert items[3].case.number == "20RS8413" and items[1].case is None
    assert items[8].proposal.clauses.first().text.startswith("att tills vidare")
    assert Case.objects.filter(body=body).count() == 11
    memos = {m.case.number: m for m in Memo.objects.select_related("case")}
    assert len(memos) == 11 and {m.status for m in memos.values()} == {MemoStatus.DRAFT}
    memo = memos["20RS6584"]
    assert memo.official_name == "Maria Persson" and memo.signatory_title == "Regiondirektör"
    assert {s.key for s in memo.sections.all()} >= {"sammanfattning", "konsekvenser"}
    assert memos["20RS6891"].recipients.first().label == "Patrik Rehnberg (S)"
    seats = Membership.objects.filter(organization=meeting.organization)
    assert seats.filter(role=MembershipRole.SUBSTITUTE).count() == 15
    chair = seats.get(role=MembershipRole.CHAIR)
    assert str(chair.person).startswith("Andreas Svahn")
    motion = Document.objects.get(case__number="20RS6617")
    assert motion.description == "Motionen" and motion.file_name == "bilaga-1.txt"
    assert AuditEntry.objects.filter(actor=secretary).count() > 100

    before = row_counts()
    again = import_files(actor=secretary, body=body, files=[("kallelse.txt", data)])
    assert again.written and again.created == []
    assert row_counts() == before  # not even an audit row


def test_notice_minutes_and_memos_of_a_municipality(municipality, secretary):
    files = [
        _file("protokoll_kommunstyrelsen.txt"),
        _file("tjansteskrivelse.txt"),
        _file("protokoll_namnd.txt"),
    ]
    result = import_files(actor=secretary, body=municipality, files=files)
    assert result.written, [str(p) for p in result.problems if p.is_error]
    board = Meeting.objects.get(organization__name="Kommunstyrelsen")
    minutes = Minutes.objects.get(meeting=board)
    numbers = list(minutes.paragraphs.order_by("number").values_list("number", flat=True))
    assert numbers == [45, 46, 47, 48]
    assert minutes.chair is not None and str(minutes.chair).startswith("Karin Åberg")
    assert minutes.adjuster is not None and str(minutes.adjuster).startswith("Per Holm")
    serving = minutes.attendance.filter(replaces__isnull=False)
    assert {str(a.person).split(" (")[0]: str(a.replaces).split(" (")[0] for a in serving} == {
        "Eva Lind": "Olof Berg",
        "Ulf Brink": "Tomas Wall",
    }
    assert Minutes.objects.get(meeting__organization__name="Tekniska nämnden")
    social = Memo.objects.get(case__number="SN 2019/37")
    assert social.organization.name == "Socialnämnden" and social.status == MemoStatus.DRAFT

    before = row_counts()
    again = import_files(actor=secretary, body=municipality, files=files)
    assert again.written and again.created == []
    assert row_counts() == before


def test_minutes_whose_paragraphs_differ_from_the_imported_agenda_are_refused(
    municipality, secretary
):
    files = [_file("kallelse_kommunstyrelsen.txt"), _file("protokoll_kommunstyrelsen.txt")]
    before = row_counts()
    result = import_files(actor=secretary, body=municipality, files=files)
    assert not result.written
    assert [p.message for p in result.problems if p.is_error] == [
        "Sammanträdet Kommunstyrelsen 2018-04-09 har 5 punkter på dagordningen men "
        "protokollet 4 paragrafer."
    ]
    assert row_counts() == before


def test_an_error_while_writing_rolls_back_everything_written_before(body, secretary):
    # The corpus (2020) is written first; the nämnd's minutes (2021) use case numbers that are
    # not Region Örebro län's format, and stop the import: nothing remains.
    before = row_counts()
    result = import_files(
        actor=secretary,
        body=body,
        files=[("kallelse.txt", corpus_notice()), _file("protokoll_namnd.txt")],
    )
    assert not result.written
    (error,) = [p for p in result.problems if p.is_error]
    assert error.file == "protokoll_namnd.txt"
    assert "TN 2021/88 följer inte Region Örebro läns format" in error.message
    assert row_counts() == before
    # The corpus's attachments were stored as files before the error: they are gone too.
    media = Path(settings.MEDIA_ROOT)
    assert not media.exists() or [p for p in media.rglob("*") if p.is_file()] == []


def test_a_trial_import_tells_what_it_would_create_and_keeps_nothing(body, secretary):
    before = row_counts()
    trial = import_files(
        actor=secretary, body=body, files=[("kallelse.txt", corpus_notice())], trial=True
    )
    assert trial.tried and not trial.written
    assert row_counts() == before
    assert not Path(settings.MEDIA_ROOT).exists() or not any(
        p.is_file() for p in Path(settings.MEDIA_ROOT).rglob("*")
    )
    real = import_files(actor=secretary, body=body, files=[("kallelse.txt", corpus_notice())])
    assert real.written and real.created == trial.created and trial.created


def test_hostile_text_is_stored_as_text_and_shown_escaped(municipality, secretary, client):
    text = (FILES / "kallelse_kommunstyrelsen.txt").read_text(encoding="utf-8")
    title = "Ärende 3 "
    start = text.index(title) + len(title)
    hostile = "<script>alert(1)</script> #set page(width: 1cm) '; DROP TABLE meetings_meeting; --"
    text = text[:start] + hostile + " " + text[start:]
    result = import_files(actor=secretary, body=municipality, files=[("k.txt", text.encode())])
    assert result.written, [str(p) for p in result.problems if p.is_error]
    item = AgendaItem.objects.get(number=3)
    # Inline HTML is markup of the export, not text: the tags go, their text stays; Typst and
    # SQL are text.
    assert item.title.startswith("alert(1) #set page(width: 1cm) '; DROP TABLE meetings_meeting;")
    client.force_login(secretary)
    page = client.get(f"/sammantraden/{item.meeting_id}/").content.decode()
    assert "alert(1) #set page(width: 1cm) &#x27;; DROP TABLE" in page
    assert "<script>alert(1)" not in page
    assert Meeting.objects.count() == 1  # the SQL stayed text


def test_only_secretaries_and_registrars_import(municipality, elected):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        import_files(actor=elected, body=municipality, files=[_file("tjansteskrivelse.txt")])
    assert not Person.objects.exists()


def test_minutes_write_the_meetings_own_decisions_over_the_agendas_proposals(
    municipality, secretary
):
    # The agenda (as a notice import would leave it) proposed otherwise than the meeting
    # decided; the minutes' decisions are what the paragraphs say. § 48's decision is prose.
    from kansli.meetings.services import agenda_item_add, meeting_create
    from kansli.minutes.models import Paragraph

    board = people.organization_create(
        actor=None, body=municipality, name="Kommunstyrelsen", kind=OrganizationKind.BOARD
    )
    meeting = meeting_create(
        actor=None,
        organization=board,
        date=datetime.date(2018, 4, 9),
        start_time=datetime.time(13, 15),
        place="Kommunhuset",
    )
    titles = ["Årsredovisning 2017", "Motion om laddstolpar", "Delegationsordning", "Information"]
    for number, title in enumerate(titles, start=1):
        agenda_item_add(
            actor=None,
            meeting=meeting,
            title=title,
            number=number,
            formula="Kommunstyrelsen beslutar",
            clauses=["att återremittera ärendet"],
        )
    result = import_files(
        actor=secretary, body=municipality, files=[_file("protokoll_kommunstyrelsen.txt")]
    )
    assert result.written, [str(p) for p in result.problems if p.is_error]
    paragraphs = {p.number: p for p in Paragraph.objects.filter(minutes__meeting=meeting)}
    assert paragraphs[45].decision_clauses[0].startswith("att godkänna årsredovisningen 2017")
    assert len(paragraphs[47].decision_clauses) == 3
    assert paragraphs[48].decision_clauses == ["att återremittera ärendet"]
    (warning,) = [p for p in result.problems if "§ 48" in p.message]
    assert "löptext" in warning.message and warning.file == "protokoll_kommunstyrelsen.txt"
    assert AuditEntry.objects.filter(action="paragraph_update").count() == 3
