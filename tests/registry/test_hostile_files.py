"""Hostile files registered as documents: each is read in the box or refused before it
expands, and ends in the review queue marked "Kräver manuell granskning" with its reason,
never half-read as if complete, and the background task finishes.

Every file is built here; the personal data in them is made up."""

import datetime
import io
import random
import struct
import zipfile

import pytest
from django.test import override_settings
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from kansli.publishing.models import Publication, ReviewStatus
from kansli.registry.models import Document
from kansli.registry.services import case_register

from .helpers import inspected

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
S = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
PARAGRAPH = (
    "<w:p><w:r><w:t>Ring 070-174 06 52 eller skriv till anna.svensson@exempel.se, "
    "Storgatan 12, 702 10 Örebro</w:t></w:r></w:p>"
)


def zipped(parts: dict[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def docx(document_xml: str, **parts: str | bytes) -> bytes:
    return zipped({"[Content_Types].xml": "<Types/>", "word/document.xml": document_xml, **parts})


def word(*paragraphs: str) -> str:
    return f"<w:document {W}><w:body>{''.join(paragraphs)}</w:body></w:document>"


@pytest.fixture
def case(body, series, board):
    return case_register(
        actor=None,
        body=body,
        series=series,
        title="Inkommen skrivelse",
        organization=board,
        registered_on=datetime.date(2020, 8, 1),
    )


def waits_with(publication: Publication, words: str) -> None:
    assert publication.status == ReviewStatus.WAITING
    assert not publication.has_text
    assert words in publication.reason, publication.reason


@pytest.mark.django_db
def test_a_small_docx_with_39_mb_of_personal_data_is_refused_before_it_expands(case):
    """The probe's file: 133 KB whose XML is 39 MB of paragraphs with a phone number, an
    e-mail address and a street address. It took the installation down."""
    xml = word(*[PARAGRAPH] * (39_000_000 // len(PARAGRAPH.encode())))
    data = docx(xml)
    assert len(data) < 400_000 and len(xml.encode()) > 38_000_000
    document, publication = inspected(case, data, "skrivelse.docx")
    waits_with(publication, "zip-bomb")
    assert document.text == ""
    assert publication.findings.count() == 0


@pytest.mark.django_db
def test_a_zip_bomb_inside_an_office_file_is_refused(case):
    """A part of a gigabyte of zeros, declared as such, compressed to a megabyte."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", word("<w:p><w:r><w:t>Hej</w:t></w:r></w:p>"))
        with archive.open("word/footer1.xml", "w", force_zip64=True) as part:
            zeros = b"\0" * (1024 * 1024)
            for _ in range(1024):
                part.write(zeros)
    _, publication = inspected(case, buffer.getvalue(), "bomb.docx")
    waits_with(publication, "zip-bomb")


@pytest.mark.django_db
def test_a_zip_whose_entries_overlap_is_refused(case):
    """The densest zip bombs let many entries share one compressed stream: here the second
    entry's central directory record is turned to point at the first's local header."""
    data = bytearray(docx(word(PARAGRAPH), **{"word/footer1.xml": word(PARAGRAPH)}))
    records = []
    at = data.find(b"PK\x01\x02")
    while at != -1:
        records.append(at)
        at = data.find(b"PK\x01\x02", at + 1)
    first_offset = struct.unpack_from("<I", data, records[0] + 42)[0]
    struct.pack_into("<I", data, records[2] + 42, first_offset)
    _, publication = inspected(case, bytes(data), "overlapp.docx")
    waits_with(publication, "överlappar")


@pytest.mark.django_db
def test_an_xml_entity_bomb_is_refused_before_it_expands(case):
    laughs = '<!ENTITY l0 "ha">' + "".join(
        f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    bomb = f'<?xml version="1.0"?><!DOCTYPE d [{laughs}]>' + word(
        "<w:p><w:r><w:t>&l9;</w:t></w:r></w:p>"
    )
    document, publication = inspected(case, docx(bomb), "skratt.docx")
    waits_with(publication, "XML-bomb")
    assert document.text == ""


@pytest.mark.django_db
def test_a_workbook_with_a_million_cells_is_cut_and_waits_for_a_person(case):
    rng = random.Random(7)
    rows = "".join(
        "<row>" + "".join(f"<c><v>{rng.randrange(10**8)}</v></c>" for _ in range(100)) + "</row>"
        for _ in range(10_000)
    )
    data = zipped(
        {
            "[Content_Types].xml": "<Types/>",
            "xl/workbook.xml": f'<workbook {S}><sheets><sheet name="Data"/></sheets></workbook>',
            "xl/worksheets/sheet1.xml": f"<worksheet {S}><sheetData>{rows}</sheetData></worksheet>",
        }
    )
    document, publication = inspected(case, data, "celler.xlsx")
    assert publication.status == ReviewStatus.WAITING and not publication.has_text
    assert any(words in publication.reason for words in ("tecken", "sekunder", "för stor"))
    assert len(document.text) <= 10_000_000


def blank_pdf(pages: int) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.mark.django_db
@override_settings(KANSLI_EXTRACT_MAX_PAGES=200)
def test_a_pdf_of_20_000_pages_is_read_only_in_part_and_waits(case):
    document, publication = inspected(case, blank_pdf(20_000), "sidor.pdf")
    waits_with(publication, "20\xa0000 sidor; de första 200 har lästs")
    assert document.pages == 20_000


def pdf_with_text(characters: int) -> bytes:
    """One page whose content stream shows `characters` characters of text in Helvetica."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    line = b"(Ring 070-174 06 52 om du har fragor om ansokan, vi svarar alla dagar) Tj T*\n"
    stream = DecodedStreamObject()
    stream.set_data(b"BT /F1 8 Tf 10 TL 20 800 Td\n" + line * (characters // 70) + b"ET\n")
    page[NameObject("/Contents")] = writer._add_object(stream.flate_encode())
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.mark.django_db
@override_settings(KANSLI_EXTRACT_MAX_SECONDS=5)
def test_a_pdf_whose_text_is_50_mb_is_stopped_and_waits(case):
    data = pdf_with_text(50_000_000)
    assert len(data) < 2_000_000
    document, publication = inspected(case, data, "lang.pdf")
    waits_with(publication, "automatiskt")
    assert len(document.text) <= 1_000_000


@pytest.mark.django_db
@override_settings(KANSLI_MAX_FINDINGS=50)
def test_more_findings_than_the_limit_keeps_the_first_and_asks_a_person(case):
    document, publication = inspected(case, docx(word(*[PARAGRAPH] * 40)), "manga.docx")
    assert publication.findings.count() == 50
    waits_with(publication, "de första 50 visas")
    assert "070-174 06 52" in document.text  # the text itself is kept whole for search


@pytest.mark.django_db
def test_a_file_name_of_1000_characters_is_registered_under_a_short_name(client, registrar, case):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from .helpers import pdf_bytes

    client.force_login(registrar)
    name = "å" * 996 + ".pdf"
    response = client.post(
        reverse("registry:document_register", args=[case.pk]),
        {
            "kind": "inkommen",
            "date": "2020-06-16",
            "description": "Skrivelse",
            "visibility": "offentlig",
            "secrecy": "",
            "file": SimpleUploadedFile(name, pdf_bytes("Skrivelse")),
        },
    )
    assert response.status_code == 302
    document = Document.objects.get(case=case)
    assert len(document.file.name) <= 100 and document.file_name.endswith(".pdf")
    assert client.get(reverse("registry:document_file", args=[document.pk])).status_code == 200
