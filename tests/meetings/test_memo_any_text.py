"""Any text a user types reaches the memo PDF: saved through the real edit form, fetched
through the real PDF view, as a PDF/A with the characters in it; control characters are
gone at the form, and every Unicode category in every text field is no 500."""

import io
import unicodedata
from collections import defaultdict

from pypdf import PdfReader

from kansli.meetings.models import AgendaItem

from .test_memo_views import form_data, meeting, url  # noqa: F401 (the fixture)

TYPED = "Budget 😀 中文 Ελληνικά Кириллица"
TEXT_FIELDS = (
    "title",
    "unit",
    "official_name",
    "case_number",
    "formula",
    "clauses",
    "basis",
    "signatory_name",
    "signatory_title",
    "recipients",
    "section_sammanfattning",
)


def pdf_of(client, meeting) -> bytes:  # noqa: F811
    response = client.get(url(meeting, 2).rstrip("/") + ".pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return response.content


def is_pdf_a(pdf: bytes) -> bool:
    xmp = PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/Metadata"].get_object().get_data()
    return b"<pdfaid:part>2</pdfaid:part>" in xmp and b"<pdfaid:conformance>B" in xmp


def text_of(pdf: bytes) -> str:
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.replace("\xad\n", "").replace("-\n", "").split())


def test_emoji_cjk_greek_cyrillic_and_a_bell_in_a_memo_pdf(client, meeting):  # noqa: F811
    client.login(username="handlaggare", password="kansli-demo")
    data = form_data(client, meeting, 2)
    data["title"] = f"{TYPED}\x07"
    data["section_sammanfattning"] = f"Ring\x07 klockan: {TYPED}.\r\nNästa rad\tmed tabb."
    response = client.post(url(meeting, 2, "redigera/"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    memo = AgendaItem.objects.get(meeting=meeting, number=2).memo
    assert memo.title == TYPED
    summary = memo.sections.get(key="sammanfattning").text
    assert summary == f"Ring klockan: {TYPED}.\nNästa rad\tmed tabb."
    pdf = pdf_of(client, meeting)
    assert is_pdf_a(pdf)
    text = text_of(pdf)
    for word in TYPED.split():
        assert word in text, word
    assert "\x07" not in text and "\ufffd" not in text


def _sample_of_each_category() -> str:
    """Twelve code points of each Unicode category, spread over its whole range."""
    points: dict[str, list[str]] = defaultdict(list)
    for code_point in range(0x110000):
        char = chr(code_point)
        points[unicodedata.category(char)].append(char)
    return " ".join(
        "".join(chars[:: max(1, len(chars) // 12)][:12]) for _, chars in sorted(points.items())
    )


def test_every_category_in_every_text_field_is_no_500(client, meeting):  # noqa: F811
    client.login(username="handlaggare", password="kansli-demo")
    # Lone surrogates cannot be sent as UTF-8; the rest of the sample is sent as it is.
    sample = "".join(c for c in _sample_of_each_category() if not 0xD800 <= ord(c) <= 0xDFFF)
    saved = []
    for field in TEXT_FIELDS:
        data = form_data(client, meeting, 2)
        before = AgendaItem.objects.get(meeting=meeting, number=2).memo.updated_at
        data[field] = f"{data[field]} {sample}" if field.startswith("section") else sample[:150]
        response = client.post(url(meeting, 2, "redigera/"), data)
        memo = AgendaItem.objects.get(meeting=meeting, number=2).memo
        if response.status_code == 200:  # refused with a message, nothing changed
            assert "errorlist" in response.content.decode(), field
            assert memo.updated_at == before, field
        else:
            assert response.status_code == 302, field
            saved.append(field)
        assert is_pdf_a(pdf_of(client, meeting)), field
    assert {"title", "section_sammanfattning", "signatory_name", "recipients"} <= set(saved)
