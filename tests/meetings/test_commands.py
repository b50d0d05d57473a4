"""python -m kansli meetings / meeting-book."""

import io

import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from kansli.demo.data import MEETING as DEMO_MEETING
from kansli.meetings.models import Meeting


@pytest.fixture
def meeting(demo_data):
    return Meeting.objects.get(date=DEMO_MEETING["date"])


def test_meetings_lists_ids(meeting, capsys):
    call_command("meetings")
    out = capsys.readouterr().out
    assert f"{meeting.pk:>5}  2020-08-26  kl. 09:30–12:00  Regionstyrelsen  (13 punkter)" in out
    call_command("meetings", "--json")
    assert '"organization": "Regionstyrelsen"' in capsys.readouterr().out


def test_meeting_book_writes_the_pdf(meeting, tmp_path, capsys):
    target = tmp_path / "kallelse.pdf"
    call_command(
        "meeting-book", "--meeting", str(meeting.pk), "--edition", "public", "-o", str(target)
    )
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    assert "Offentlig version" in reader.pages[0].extract_text()
    assert f"{len(reader.pages)} sidor" in capsys.readouterr().out


def test_meeting_book_bad_input(meeting, tmp_path):
    with pytest.raises(CommandError, match="inget sammanträde med id 999"):
        call_command("meeting-book", "--meeting", "999", "-o", str(tmp_path / "x.pdf"))
    with pytest.raises(CommandError, match="finns inte"):
        call_command("meeting-book", "--meeting", str(meeting.pk), "-o", "/finns/inte/x.pdf")
