"""The meeting book of the demo meeting, opened and read back: pages, bookmarks, contents,
the public edition's omissions, attachments merged unchanged, PDF/A identification."""

import io
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from pypdf import PdfReader

from kansli.demo.data import MEETING as DEMO_MEETING
from kansli.meetings.book import assemble
from kansli.meetings.book.data import SECRET_CASE, WITHHELD, book_data
from kansli.meetings.book.render import BookError, render_book
from kansli.meetings.book.services import meeting_book_request
from kansli.meetings.models import BookEdition, Meeting, MeetingBook
from kansli.registry.models import Document, Visibility


@pytest.fixture
def meeting(demo_data):
    return Meeting.objects.get(date=DEMO_MEETING["date"])


def build(meeting, edition):
    book = book_data(meeting, edition)
    pdf, pages = render_book(book)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == pages
    return book, reader


def outline(reader):
    """(title, 0-based page, depth) of every bookmark."""

    def walk(entries, depth=0):
        for entry in entries:
            if isinstance(entry, list):
                yield from walk(entry, depth + 1)
            else:
                yield entry.title, reader.get_destination_page_number(entry), depth

    return list(walk(reader.outline))


def text(reader, index):
    return " ".join(reader.pages[index].extract_text().split())


@pytest.fixture
def members(meeting):
    return build(meeting, BookEdition.MEMBERS)


def test_every_item_has_a_bookmark_on_its_divider_page(members):
    book, reader = members
    items = {title: page for title, page, depth in outline(reader) if depth == 0}
    for item in book.data["items"]:
        title = f"{item['number']}. {item['title']}"
        assert title in items, title
        divider = text(reader, items[title])
        assert divider.startswith(str(item["number"]))
        if item["case_number"]:
            assert item["case_number"] in divider


def test_page_count_is_frame_plus_attachments(members):
    book, reader = members
    attachment_pages = sum(len(PdfReader(a.document.file.path).pages) for a in book.attachments)
    generated = [t for t, _, d in outline(reader) if d == 0]
    assert len(reader.pages) > attachment_pages + len(generated)
    assert attachment_pages == len(book.attachments)  # the demo's stand-ins have one page


def test_cover_names_the_meeting_and_who_is_called(members):
    _, reader = members
    cover = text(reader, 0)
    for expected in (
        "Regionstyrelsen",
        "2020-08-26",
        "kl. 09:30–12:00",
        "Ledamöter kallas",
        "Andreas Svahn (S), ordförande",
        "Ersättare underrättas",
        "Jessica Carlqvist (V)",
    ):
        assert expected in cover


def test_table_of_contents_page_numbers_point_at_the_items(members):
    _, reader = members
    toc = reader.pages[1].extract_text()
    bookmarks = {title: page for title, page, depth in outline(reader) if depth == 0}
    title = next(t for t in bookmarks if t.startswith("6. "))
    line = next(line for line in toc.splitlines() if line.startswith("6. "))
    assert int(re.findall(r"(\d+)\s*$", line)[0]) == bookmarks[title] + 1


def test_the_agenda_lists_proposal_summary_and_basis(members):
    _, reader = members
    agenda = " ".join(text(reader, i) for i in range(2, 8))
    assert "Föredragningslista" in agenda
    assert "Diarienummer: 20RS8413" in agenda
    assert "att remittera motionen till hälso- och sjukvårdsnämnden, samt" in agenda
    assert "Beslutsunderlag" in agenda and "Sammanfattning" in agenda


def test_memo_pages_carry_the_header_and_n_of_m(members):
    _, reader = members
    memo_pages = [page for title, page, depth in outline(reader) if title == "Föredragnings-PM"]
    first = text(reader, memo_pages[0])
    for expected in (
        "Tjänsteställe, handläggare",
        "Sammanträdesdatum",
        "FöredragningsPM",
        "Dnr: 20RS6617",
        "Organ",
        "1 (1)",
    ):
        assert expected in first


def test_attachments_are_merged_unchanged(members):
    book, reader = members
    attachment = book.attachments[0]
    original = PdfReader(attachment.document.file.path).pages[0]
    page = next(
        page for title, page, depth in outline(reader) if depth == 1 and title == attachment.title
    )
    merged = reader.pages[page]
    assert merged.get_contents().get_data() == original.get_contents().get_data()
    assert merged.mediabox == original.mediabox
    assert text(reader, page) == " ".join(original.extract_text().split())


def test_secret_documents_are_withheld_even_from_members(members):
    book, reader = members
    secret = Document.objects.get(visibility=Visibility.SECRET)
    assert all(a.document != secret for a in book.attachments)
    everything = " ".join(text(reader, i) for i in range(len(reader.pages)))
    assert secret.description not in everything
    assert WITHHELD in everything


def test_public_edition_leaves_out_what_it_must(meeting):
    _, members_reader = build(meeting, BookEdition.MEMBERS)
    item = meeting.items.get(number=3)
    item.is_public = False
    item.save()
    book, reader = build(meeting, BookEdition.PUBLIC)
    everything = " ".join(text(reader, i) for i in range(len(reader.pages)))
    # the non-public item, the internal documents (party reports) and the secret one
    assert "TBE-vaccin" not in everything
    assert "Redovisning av regionalt partistöd 2019, Socialdemokraterna" not in everything
    assert WITHHELD not in everything and SECRET_CASE not in everything
    assert all(a.document.visibility == Visibility.PUBLIC for a in book.attachments)
    assert len(reader.pages) < len(members_reader.pages)
    assert "Offentlig version" in text(reader, 0)
    assert "Ledamöternas version" in text(members_reader, 0)


def test_pdf_a_identification(members, meeting):
    _, reader = members
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    assert b"<pdfaid:part>2</pdfaid:part>" in xmp
    assert b"<pdfaid:conformance>B</pdfaid:conformance>" in xmp
    assert "/OutputIntents" in reader.trailer["/Root"]
    # an attachment that is not PDF/A: the book no longer claims to be
    from kansli.registry.services import document_register

    from ..registry.helpers import pdf_bytes

    document = document_register(
        actor=None,
        case=Document.objects.get(description__startswith="Motion om avgiftsfritt").case,
        kind="inkommen",
        date=meeting.date,
        description="Komplettering",
        file=io.BytesIO(pdf_bytes("Inte PDF/A")),
        file_name="komplettering.pdf",
    )
    memo = meeting.items.get(number=3).memo
    memo.basis.create(position=99, text="Komplettering", document=document)
    _, plain = build(meeting, BookEdition.MEMBERS)
    assert b"pdfaid:part" not in plain.trailer["/Root"]["/Metadata"].get_object().get_data()


def test_a_vanished_attachment_is_named(meeting):
    document = Document.objects.get(description__startswith="Motion om avgiftsfritt")
    document.file.storage.delete(document.file.name)
    with pytest.raises(BookError) as error:
        render_book(book_data(meeting, BookEdition.MEMBERS))
    assert document.number in str(error.value) and "saknas" in str(error.value)


def test_hostile_memo_text_is_printed_literally(meeting):
    from kansli.memos.models import MemoSection

    hostile = '#panic("x") #read("/etc/passwd") <script>alert(1)</script>'
    MemoSection.objects.filter(memo__agenda_item__number=2, key="sammanfattning").update(
        text=hostile
    )
    _, reader = build(meeting, BookEdition.MEMBERS)
    everything = " ".join(text(reader, i) for i in range(len(reader.pages)))
    assert hostile in everything
    assert "root:x:0:0" not in everything


def test_the_frame_and_attachments_must_agree():
    with pytest.raises(ValueError, match="more placeholder pages"):
        assemble.assemble(_frame_with_placeholders(1), [])


def _frame_with_placeholders(count):
    import typst

    source = "\n".join(["#page(width: 123pt, height: 123pt)[]"] * count).encode()
    return typst.compile(source)


def test_members_may_not_order_books(meeting, elected):
    with pytest.raises(PermissionDenied):
        meeting_book_request(actor=elected, meeting=meeting, edition=BookEdition.MEMBERS)
    assert not MeetingBook.objects.filter(meeting=meeting).exists()


def test_unknown_edition_is_refused(meeting, secretary):
    with pytest.raises(ValidationError):
        meeting_book_request(actor=secretary, meeting=meeting, edition="alla")
    assert not MeetingBook.objects.filter(meeting=meeting).exists()
