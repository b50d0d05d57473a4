"""Memo and book pages through the web: write, check, mark ready, read as HTML and PDF;
hostile text shown literally; who may do what."""

import io
import re

import pytest
from pypdf import PdfReader

from kansli.demo.data import MEETING as DEMO_MEETING
from kansli.meetings.models import AgendaItem, Meeting
from kansli.memos.models import MemoStatus

HOSTILE = '#panic("x") #read("/etc/passwd") <script>alert(1)</script>'


@pytest.fixture
def meeting(demo_data):
    return Meeting.objects.get(date=DEMO_MEETING["date"])


def url(meeting, number, tail=""):
    return f"/sammantraden/{meeting.pk}/punkter/{number}/pm/{tail}"


def form_data(client, meeting, number):
    """The edit form's current values, as the browser would send them back."""
    page = client.get(url(meeting, number, "redigera/")).content.decode()
    data = {}
    for name, value in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page):
        data[name] = value
    for name, value in re.findall(
        r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', page, re.S
    ):
        data[name] = value.strip("\n")
    import html

    return {k: html.unescape(v) for k, v in data.items()}


def test_memo_page_lists_the_problems_of_item_5(client, meeting):
    client.login(username="handlaggare", password="kansli-demo")
    page = client.get(url(meeting, 5)).content.decode()
    assert "1 problem att åtgärda" in page
    assert "innehåller en platshållare" in page and "....." in page
    assert "Markera som klart" not in page


def test_fixing_the_memo_and_marking_it_ready(client, meeting):
    client.login(username="handlaggare", password="kansli-demo")
    data = form_data(client, meeting, 5)
    data["clauses"] = data["clauses"].replace(".....", "Anna Andersson")
    response = client.post(url(meeting, 5, "redigera/"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = client.get(url(meeting, 5)).content.decode()
    assert "Markera som klart" in page
    client.post(url(meeting, 5, "klar/"))
    assert AgendaItem.objects.get(meeting=meeting, number=5).memo.status == MemoStatus.READY


def test_hostile_text_is_shown_literally_in_html_and_pdf(client, meeting):
    client.login(username="handlaggare", password="kansli-demo")
    data = form_data(client, meeting, 2)
    data["section_sammanfattning"] = HOSTILE
    data["title"] = HOSTILE
    assert client.post(url(meeting, 2, "redigera/"), data).status_code == 302
    page = client.get(url(meeting, 2)).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    pdf = client.get(url(meeting, 2).rstrip("/") + ".pdf")
    assert pdf["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(pdf.content))
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert HOSTILE in text and "root:" not in text
    book = client.get(f"/sammantraden/{meeting.pk}/kallelse/ledamoter/").content.decode()
    assert "<script>alert(1)</script>" not in book and "&lt;script&gt;" in book


def test_memo_pdf_is_pdf_a_with_header_and_page_numbers(client, meeting):
    client.login(username="handlaggare", password="kansli-demo")
    response = client.get(url(meeting, 6).rstrip("/") + ".pdf")
    reader = PdfReader(io.BytesIO(response.content))
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    assert (
        b"<pdfaid:part>2</pdfaid:part>" in xmp
        and b"<pdfaid:conformance>B</pdfaid:conformance>" in xmp
    )
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert "Dnr: 20RS6584" in text and f"{number} ({total})" in text


def test_bad_memo_input_shows_a_message_and_changes_nothing(client, meeting):
    client.login(username="handlaggare", password="kansli-demo")
    data = form_data(client, meeting, 2)
    before = AgendaItem.objects.get(meeting=meeting, number=2).memo.updated_at
    data["basis"] = "20RS6617-99 En handling som inte finns"
    data["meeting_date"] = "inte ett datum"
    response = client.post(url(meeting, 2, "redigera/"), data)
    assert response.status_code == 200
    assert AgendaItem.objects.get(meeting=meeting, number=2).memo.updated_at == before
    data["meeting_date"] = "2020-08-26"
    response = client.post(url(meeting, 2, "redigera/"), data)
    assert "Handling 20RS6617-99 finns inte i ärendet" in response.content.decode()


def test_elected_members_read_but_do_not_edit(client, meeting):
    client.login(username="ledamot", password="kansli-demo")
    assert client.get(url(meeting, 2)).status_code == 200
    assert client.get(url(meeting, 2, "redigera/")).status_code == 403
    assert client.post(url(meeting, 2, "klar/")).status_code == 403
    assert (
        client.post(
            f"/sammantraden/{meeting.pk}/kallelse/skapa/", {"edition": "ledamoter"}
        ).status_code
        == 403
    )
    assert client.get(f"/sammantraden/{meeting.pk}/kallelse/ledamoter/").status_code == 200


def test_book_html_editions(client, meeting):
    public = client.get(f"/sammantraden/{meeting.pk}/kallelse/offentlig/")
    assert public.status_code == 200
    assert "Ledamöter kallas" in public.content.decode()
    assert "partistöd 2019, Socialdemokraterna" not in public.content.decode()
    members = client.get(f"/sammantraden/{meeting.pk}/kallelse/ledamoter/")
    assert (
        members.status_code == 302 and "/logga-in/" in members["Location"]
    ) or "login" in members["Location"]
    assert client.get(f"/sammantraden/{meeting.pk}/kallelse/alla/").status_code == 404
