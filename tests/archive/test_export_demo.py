"""The demo's meeting of 2020-08-26, once adjusted, and the cases it decided, once closed,
export to FGS 2.0 packages that pass archive-validate with zero errors, read back without
Kansli; a byte changed in a file is named by the validator."""

import datetime
import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from kansli.archive.package.reader import read_package
from kansli.archive.package.validate import validate_package
from kansli.core.models import AuditEntry, User
from kansli.demo.data import MEETING as DEMO_MEETING
from kansli.meetings.models import Meeting
from kansli.minutes import services as minutes_services
from kansli.minutes.models import Minutes
from kansli.minutes.services.record import minutes_record_run
from kansli.registry import services as registry
from kansli.registry.models import Case, CaseStatus

D = datetime.date
TODAY = D(2026, 3, 17)  # the tests' fixed day (tests/clock.py)
SIGNED = datetime.datetime(2020, 9, 2, 14, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))


def adjusted_and_closed() -> tuple[Minutes, list[Case]]:
    """The demo minutes signed by the chair and the adjuster, registered by the record run
    (as the worker does it), and each decided case closed today by its paragraph."""
    minutes = Minutes.objects.get(meeting=Meeting.objects.get(date=DEMO_MEETING["date"]))
    for username in ("ledamot", "justerare"):
        minutes_services.minutes_sign(
            actor=User.objects.get(username=username), minutes=minutes, now=SIGNED
        )
    minutes_record_run(minutes.pk)
    minutes.refresh_from_db()
    closed = []
    for paragraph in minutes.paragraphs.exclude(case=None).select_related("case"):
        if paragraph.case.status == CaseStatus.OPEN:
            registry.case_close(
                actor=None,
                case=paragraph.case,
                decision=f"Regionstyrelsen 2020-08-26 § {paragraph.number}",
            )
            closed.append(paragraph.case)
    registry.case_close(
        actor=None,
        case=minutes.meeting.case,
        decision="Protokollet justerat 2020-09-02",
    )
    return minutes, closed


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture
def exported(demo_data, tmp_path) -> tuple[Path, Minutes, list[Case]]:
    minutes, closed = adjusted_and_closed()
    target = tmp_path / "leverans"
    output = run("archive-export", "--closed-in", str(TODAY.year), "-o", str(target))
    assert "0 ärenden kunde inte exporteras" in output, output
    return target, minutes, closed


def test_the_meeting_and_its_cases_export_to_packages_that_validate(exported):
    target, _minutes, closed = exported
    packages = sorted(p.name for p in target.iterdir())
    assert len(packages) == len(closed) + 1  # and the meeting's own case
    assert not [p for p in target.iterdir() if p.name.startswith(".")]
    assert run("archive-validate", str(target)).strip().endswith(f"{len(packages)} paket, 0 fel.")


def test_the_packages_read_back_to_the_cases_and_their_documents(exported):
    target, minutes, closed = exported
    read = {read_package(p).case_identifier: read_package(p) for p in target.iterdir()}
    meeting_case = read[minutes.meeting.case.number]
    protocol = [d for d in meeting_case.documents if d.document_type == "Protokoll"]
    assert len(protocol) == 1 and protocol[0].file_name.endswith(".pdf")
    (meeting,) = meeting_case.meetings
    assert meeting.date == D(2020, 8, 26)
    assert [n for n, _title, _decision in meeting.paragraphs] == list(range(150, 163))
    for case in closed:
        package = read[case.number]
        assert package.closed_on == TODAY
        assert package.classification is not None  # the demo's plan classified it
        assert any(d.document_type == "Protokollsutdrag" for d in package.documents), case
        # the extract points to the minutes it was taken from, the case to the meeting's case
        erms = next(p for p in target.iterdir() if p.name.endswith(case.number))
        text = (erms / "metadata" / "descriptive" / "erms.xml").read_text()
        assert f">{minutes.document.number}</" in text
        assert f">{minutes.meeting.case.number}</" in text
    listing = run("archive-read", str(target))
    assert f"{minutes.meeting.case.number} " in listing and "Protokoll" in listing


def test_a_secret_document_goes_with_its_restriction(exported):
    target, _minutes, _closed = exported
    secret = [
        (package, document)
        for package in map(read_package, target.iterdir())
        for document in package.documents
        if document.secrecy
    ]
    assert secret, "the demo has secret documents in the cases it decided"
    for _package, document in secret:
        assert document.secrecy.startswith("OSL")


def test_one_changed_byte_is_named_by_the_validator(exported):
    target, minutes, _closed = exported
    package = next(p for p in target.iterdir() if minutes.meeting.case.number in p.name)
    data = sorted((package / "representations" / "rep1" / "data").glob("*.pdf"))[0]
    content = bytearray(data.read_bytes())
    content[len(content) // 2] ^= 0x01
    data.write_bytes(bytes(content))
    findings = validate_package(package)
    assert [f.rule for f in findings] == ["CHECKSUM"]
    assert data.name in findings[0].where + findings[0].message
    with pytest.raises(CommandError, match="1 fel i 1 paket"):
        run("archive-validate", str(target))


def test_the_case_history_says_where_it_went(exported):
    _target, minutes, _closed = exported
    row = AuditEntry.objects.get(scope=f"case:{minutes.meeting.case_id}", action="case_packaged")
    assert "e-arkivpaketet kansli-" in row.summary


def test_the_close_form_proposes_the_decision_of_the_adjusted_minutes(demo_data, client):
    minutes = Minutes.objects.get(meeting=Meeting.objects.get(date=DEMO_MEETING["date"]))
    paragraph = minutes.paragraphs.exclude(case=None).order_by("number").first()
    client.force_login(User.objects.get(username="registrator"))
    url = f"/arenden/{paragraph.case_id}/avsluta/"
    assert 'value="Regionstyrelsen' not in client.get(url).content.decode()
    for username in ("ledamot", "justerare"):
        minutes_services.minutes_sign(
            actor=User.objects.get(username=username), minutes=minutes, now=SIGNED
        )
    page = client.get(url).content.decode()
    assert f'value="Regionstyrelsen 2020-08-26 § {paragraph.number}"' in page


def test_the_demo_gives_the_archivist_a_disposal_and_a_closed_case_to_deliver(demo_data, tmp_path):
    from kansli.registry.retention import disposal_due

    case = Case.objects.get(number="19RS9344")
    assert case.status == CaseStatus.CLOSED and case.process.code == "2.2.2"
    archivist = User.objects.get(username="arkivarie")
    due = disposal_due(viewer=archivist, body=case.body, today=TODAY)
    assert [item.document.number for item in due] == ["19RS9344-1"]
    run("archive-export", "--case", "19RS9344", "-o", str(tmp_path / "ut"))
    assert run("archive-validate", str(tmp_path / "ut")).strip().endswith("1 paket, 0 fel.")
