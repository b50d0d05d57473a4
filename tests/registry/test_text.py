"""Reading the text of uploaded files: everything a published file shows must be read, and
what cannot be read must send the document to a person, never stop the background task.

Every file is built here: zip and XML by hand, PDFs by Typst and pypdf. The personal data
in them is made up."""

import datetime
import io
import zipfile

import pytest
import typst
from pypdf import PdfReader, PdfWriter
from pypdf.annotations import FreeText, Link, Text
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    TextStringObject,
)

from kansli.core.file_kinds import CSV, DOCX, ODS, ODT, PDF, TEXT, XLSX
from kansli.publishing.models import FindingKind, Publication, ReviewStatus
from kansli.registry.models import Document, DocumentKind
from kansli.registry.services import case_register, document_register
from kansli.registry.tasks import document_inspect
from kansli.registry.text import MAX_TEXT, Extracted, extract_text

from .helpers import pdf_bytes

PERSONAL_NUMBER = "19811218-9876"  # a valid check digit, made up
PHONE = "070-174 06 52"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
S = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
ODF = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"'
)


def zip_bytes(parts: dict[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def word_part(root: str, *paragraphs: str) -> str:
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    return f"<w:{root} {W}>{body}</w:{root}>"


def docx(body: str = "Yttrande", **parts: str) -> bytes:
    """A Word file; parts are named by their file name under word/ (dots as underscores)."""
    return zip_bytes(
        {
            "[Content_Types].xml": "<Types/>",
            "word/document.xml": word_part("document", body),
            **{f"word/{name.replace('_', '.')}": xml for name, xml in parts.items()},
        }
    )


def xlsx(sheet: str, shared: tuple[str, ...] = ("Namn",), **parts: str) -> bytes:
    strings = "".join(f"<si><t>{s}</t></si>" for s in shared)
    return zip_bytes(
        {
            "[Content_Types].xml": "<Types/>",
            "xl/workbook.xml": f'<workbook {S}><sheets><sheet name="Blad1"/></sheets></workbook>',
            "xl/sharedStrings.xml": f"<sst {S}>{strings}</sst>",
            "xl/worksheets/sheet1.xml": f"<worksheet {S}><sheetData>{sheet}</sheetData>"
            "</worksheet>",
            **parts,
        }
    )


def text_of(data: bytes, kind) -> Extracted:
    extracted = extract_text(io.BytesIO(data), kind.content_type)
    assert extracted is not None
    return extracted


# -- Word ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("part", "root"),
    [
        ("header1.xml", "hdr"),
        ("header3.xml", "hdr"),
        ("footer2.xml", "ftr"),
        ("footnotes.xml", "footnotes"),
        ("endnotes.xml", "endnotes"),
        ("comments.xml", "comments"),
    ],
)
def test_word_headers_footers_notes_and_comments_are_read(part, root):
    extracted = text_of(docx(**{part: word_part(root, f"Sökande {PERSONAL_NUMBER}")}), DOCX)
    assert extracted.complete
    assert extracted.text.splitlines() == ["Yttrande", f"Sökande {PERSONAL_NUMBER}"]


def test_word_separators_inside_a_paragraph_keep_numbers_apart_and_whole():
    paragraph = (
        f"<w:document {W}><w:body><w:p>"
        "<w:r><w:t>Anna</w:t><w:br/><w:t>19811218</w:t><w:noBreakHyphen/><w:t>9876</w:t>"
        "<w:tab/><w:t>070-174</w:t></w:r><w:r><w:t xml:space='preserve'> 06 52</w:t></w:r>"
        "</w:p></w:body></w:document>"
    )
    data = zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": paragraph})
    assert text_of(data, DOCX).text == f"Anna {PERSONAL_NUMBER} {PHONE}"


def test_a_paragraph_in_a_text_box_is_read_once():
    nested = f"<w:p><w:r><w:t>Ram: </w:t><w:txbxContent><w:p><w:r><w:t>{PHONE}</w:t></w:r></w:p>"
    xml = f"<w:document {W}><w:body>{nested}</w:txbxContent></w:r></w:p></w:body></w:document>"
    data = zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": xml})
    assert text_of(data, DOCX).text == f"Ram: {PHONE}"


# -- Excel -----------------------------------------------------------------------------


def test_excel_numbers_inline_strings_and_formulas_in_sheets_are_read():
    sheet = (
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>198112189876</v></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><r><t>070-</t></r><r><t>174 06 52</t></r></is>'
        '</c><c r="B2"><v>1.98112189877E11</v></c><c r="C2" t="str"><f>"Tel "&amp;D2</f>'
        "<v>Tel 0701740653</v></c></row>"
    )
    extracted = text_of(xlsx(sheet), XLSX)
    assert extracted.complete
    lines = extracted.text.splitlines()
    assert lines[lines.index("Namn") + 1 :] == [
        "198112189876",
        '070-174 06 52\t198112189877\t"Tel "&D2 Tel 0701740653',
    ]


def test_excel_sheet_names_headers_footers_and_comments_are_read():
    workbook = f'<workbook {S}><sheets><sheet name="Anna {PERSONAL_NUMBER}"/></sheets></workbook>'
    sheet = f"<worksheet {S}><sheetData/><headerFooter><oddFooter>&amp;L{PHONE}</oddFooter>"
    comments = (
        f"<comments {S}><authors><author>Handläggare</author></authors><commentList>"
        f'<comment ref="A1"><text><r><t>Ring </t></r><r><t>070-111 22 33</t></r></text>'
        "</comment></commentList></comments>"
    )
    data = xlsx(
        "",
        **{
            "xl/workbook.xml": workbook,
            "xl/worksheets/sheet2.xml": f"{sheet}</headerFooter></worksheet>",
            "xl/comments1.xml": comments,
        },
    )
    text = text_of(data, XLSX).text
    for expected in (f"Anna {PERSONAL_NUMBER}", f"&L{PHONE}", "Ring 070-111 22 33"):
        assert expected in text.splitlines()


def test_a_workbook_without_shared_strings_is_read():
    data = zip_bytes(
        {
            "xl/workbook.xml": f"<workbook {S}/>",
            "xl/worksheets/sheet1.xml": f"<worksheet {S}><sheetData><row><c><v>198112189876</v>"
            "</c></row></sheetData></worksheet>",
        }
    )
    assert text_of(data, XLSX).text == "198112189876"


# -- OpenDocument ----------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "body"), [(ODT, "office:text"), (ODS, "office:spreadsheet")])
def test_opendocument_headers_and_footers_in_styles_are_read(kind, body):
    content = (
        f"<office:document-content {ODF}><office:body><{body}><text:p>Protokoll</text:p>"
        f"</{body}></office:body></office:document-content>"
    )
    styles = (
        f"<office:document-styles {ODF}><office:styles><number:currency-style>"
        "<number:text> kr</number:text></number:currency-style></office:styles>"
        "<office:master-styles><style:master-page><style:header><text:p>Kontakt:<text:tab/>"
        f"{PHONE}</text:p></style:header><style:footer><text:h>{PERSONAL_NUMBER}</text:h>"
        "</style:footer></style:master-page></office:master-styles></office:document-styles>"
    )
    data = zip_bytes({"mimetype": kind.content_type, "content.xml": content, "styles.xml": styles})
    extracted = text_of(data, kind)
    assert extracted.complete
    assert extracted.text.splitlines() == ["Protokoll", f"Kontakt: {PHONE}", PERSONAL_NUMBER]


# -- PDF -------------------------------------------------------------------------------


def pdf_writer(text: str = "Yttrande över remissen") -> PdfWriter:
    return PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(text))))


def written(writer: PdfWriter) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def scanned_pdf(text: str) -> bytes:
    """A typed page, then a page with only a picture (a black box), as a scan has."""
    source = f"{text}\n#pagebreak()\n#rect(width: 4cm, height: 1cm, fill: black)"
    return typst.compile(source.encode())


def test_pdf_annotations_are_read():
    writer = pdf_writer()
    rect = (50, 50, 300, 100)
    writer.add_annotation(0, FreeText(text=f"Sökande {PERSONAL_NUMBER}", rect=rect))
    writer.add_annotation(0, Text(text=f"Ring {PHONE}", rect=rect))
    writer.add_annotation(0, Link(url="mailto:anna@example.se", rect=rect))
    extracted = text_of(written(writer), PDF)
    assert extracted.complete
    for expected in (f"Sökande {PERSONAL_NUMBER}", f"Ring {PHONE}", "mailto:anna@example.se"):
        assert expected in extracted.text.splitlines()


def test_filled_in_pdf_form_fields_are_read():
    writer = pdf_writer("Ansökan om bidrag")
    values = {"personnummer": PERSONAL_NUMBER, "telefon": PHONE, "samtycke": NameObject("/Yes")}
    for name, value in values.items():
        writer.add_annotation(
            0,
            DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Annot"),
                    NameObject("/Subtype"): NameObject("/Widget"),
                    NameObject("/FT"): NameObject("/Btn" if name == "samtycke" else "/Tx"),
                    NameObject("/T"): TextStringObject(name),
                    NameObject("/V"): value if name == "samtycke" else TextStringObject(value),
                    NameObject("/Rect"): ArrayObject([FloatObject(v) for v in (0, 0, 9, 9)]),
                }
            ),
        )
    writer.root_object[NameObject("/AcroForm")] = DictionaryObject(
        {NameObject("/Fields"): ArrayObject(writer.pages[0]["/Annots"])}
    )
    extracted = text_of(written(writer), PDF)
    assert extracted.complete
    assert extracted.text.split("\n\f\n") == ["Ansökan om bidrag", f"{PERSONAL_NUMBER}\n{PHONE}"]


def test_a_pdf_with_a_page_without_text_is_not_read_completely():
    extracted = text_of(scanned_pdf("Beslut i ärendet"), PDF)
    assert not extracted.complete
    assert extracted.text.split("\n\f\n") == ["Beslut i ärendet", ""]


def test_a_pdf_page_whose_font_gives_no_readable_characters_is_not_read():
    writer = pdf_writer(f"Ring {PHONE}")
    for font in writer.pages[0]["/Resources"]["/Font"].values():
        font.get_object()[NameObject("/ToUnicode")] = FloatObject(1)  # a broken character map
    extracted = extract_text(io.BytesIO(written(writer)), PDF.content_type)
    assert extracted is None or not extracted.complete


def test_a_damaged_page_does_not_hide_the_others():
    writer = PdfWriter()
    for text in ("Yttrande", f"Ring {PHONE}", "Bilaga"):
        writer.append(PdfReader(io.BytesIO(pdf_bytes(text))))
    # an annotation that is a number, not a dictionary: reading it raises AttributeError
    writer.pages[1][NameObject("/Annots")] = ArrayObject([FloatObject(5)])
    extracted = text_of(written(writer), PDF)
    assert not extracted.complete
    assert extracted.text.split("\n\f\n") == ["Yttrande", f"Ring {PHONE}", "Bilaga"]


def test_a_truncated_pdf_has_no_text():
    data = pdf_bytes(f"Ring {PHONE}")
    for end in (100, len(data) // 2, len(data) - 40):
        assert extract_text(io.BytesIO(data[:end]), PDF.content_type) is None


# -- Limits and broken files -----------------------------------------------------------


def test_a_part_that_expands_a_hundredfold_is_refused_as_a_zip_bomb_before_it_is_read():
    paragraph = "<w:p><w:r><w:t>x</w:t></w:r></w:p>"
    huge = f"<w:hdr {W}>" + paragraph * (MAX_TEXT * 4 // len(paragraph) + 1) + "</w:hdr>"
    extracted = text_of(docx(f"Ring {PHONE}", header1_xml=huge), DOCX)
    assert extracted.text == "" and not extracted.complete
    assert "word/header1.xml" in extracted.reason and "zip-bomb" in extracted.reason


def test_text_past_the_limit_is_cut_and_not_complete():
    line = "y" * 999
    paragraphs = [line] * (MAX_TEXT // 1000 + 5)
    extracted = text_of(docx(PHONE, document_xml=word_part("document", *paragraphs)), DOCX)
    assert not extracted.complete
    assert len(extracted.text) <= MAX_TEXT
    assert extracted.text.startswith(line)


def test_a_long_plain_text_file_is_cut_and_not_complete():
    extracted = text_of(b"a" * (MAX_TEXT * 4 + 10), TEXT)
    assert len(extracted.text) == MAX_TEXT
    assert not extracted.complete


def test_malformed_xml_gives_no_text_or_what_could_be_read():
    broken = f"<w:document {W}><w:body><w:p><w:t>{PHONE}</w:p>"
    nothing = text_of(docx(document_xml=broken), DOCX)
    assert (nothing.text, nothing.complete) == ("", False)
    assert "word/document.xml är skadad" in nothing.reason
    data = docx(document_xml=broken, footer1_xml=word_part("ftr", PERSONAL_NUMBER))
    extracted = text_of(data, DOCX)
    assert (extracted.text, extracted.complete) == (PERSONAL_NUMBER, False)
    assert extracted.reason == "Delen word/document.xml är skadad och kunde bara läsas delvis."


def test_entities_are_not_expanded():
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
        + "".join(
            f'<!ENTITY {b} "{("&" + a + ";") * 10}">'
            for a, b in zip("abcdefgh", "bcdefghi", strict=True)
        )
        + f"]><w:document {W}><w:p><w:t>&i;</w:t></w:p></w:document>"
    )
    extracted = text_of(docx(document_xml=bomb), DOCX)
    assert extracted.text == "" and not extracted.complete
    assert "XML-bomb" in extracted.reason


def encrypted(data: bytes) -> bytes:
    """The zip with every entry marked as encrypted: zipfile raises RuntimeError on reading."""
    marked = bytearray(data)
    for signature, flags in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = marked.find(signature)
        while start != -1:
            marked[start + flags] |= 1
            start = marked.find(signature, start + 1)
    return bytes(marked)


def test_a_zip_that_cannot_be_opened_gives_no_text():
    assert extract_text(io.BytesIO(encrypted(docx(PHONE))), DOCX.content_type) is None
    assert extract_text(io.BytesIO(b"PK\x03\x04 not a zip"), DOCX.content_type) is None
    assert extract_text(io.BytesIO(zip_bytes({"x.xml": "<a/>"})), DOCX.content_type) is None


def test_csv_from_excel_in_windows_1252_and_utf8_with_bom():
    data = "Namn;Ort\nÅsa Öberg;Örebro\n".encode("cp1252")
    assert text_of(data, CSV).text == "Namn;Ort\nÅsa Öberg;Örebro\n"
    assert text_of("\ufeffÅsa;Örebro".encode(), CSV).text == "Åsa;Örebro"


# -- The background task ---------------------------------------------------------------


@pytest.fixture
def case(body, series, board):
    return case_register(
        actor=None,
        body=body,
        series=series,
        title="Ansökan",
        organization=board,
        registered_on=datetime.date(2020, 8, 1),
    )


def inspected(case, data: bytes, file_name: str, *, replace_with: bytes | None = None):
    """Register a public document, optionally damage the stored file, run the task."""
    document = document_register(
        actor=None,
        case=case,
        kind=DocumentKind.INCOMING,
        date=datetime.date(2020, 8, 10),
        description="Ansökan",
        file=io.BytesIO(data),
        file_name=file_name,
    )
    if replace_with is not None:
        with document.file.storage.open(document.file.name, "wb") as handle:
            handle.write(replace_with)
    document_inspect.call(document.pk)
    return Document.objects.get(pk=document.pk), Publication.objects.get(document=document)


@pytest.mark.django_db
def test_a_clean_word_file_is_still_published_at_once(case):
    _, publication = inspected(case, docx("Nämnden tillstyrker"), "yttrande.docx")
    assert publication.status == ReviewStatus.APPROVED


@pytest.mark.django_db
def test_personal_data_in_a_word_footer_is_found_and_waits(case):
    data = docx("Nämnden tillstyrker", footer1_xml=word_part("ftr", f"Tel {PHONE}"))
    document, publication = inspected(case, data, "yttrande.docx")
    assert PHONE in document.text
    assert publication.status == ReviewStatus.WAITING
    assert [f.kind for f in publication.findings.all()] == [FindingKind.PHONE]


@pytest.mark.django_db
def test_a_pdf_with_a_scanned_page_waits_for_a_person(case):
    document, publication = inspected(case, scanned_pdf("Jag ansöker om bidrag."), "ansokan.pdf")
    assert document.text.startswith("Jag ansöker om bidrag.")  # kept for search
    assert document.pages == 2
    assert not publication.has_text
    assert publication.status == ReviewStatus.WAITING


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("file_name", "data", "stored"),
    [
        ("ansokan.pdf", pdf_bytes(f"Ring {PHONE}"), pdf_bytes(f"Ring {PHONE}")[:700]),
        ("ansokan.docx", docx(document_xml=f"<w:document {W}><w:p>"), None),
        ("ansokan.docx", docx(PHONE), b"PK\x03\x04 not a zip any more"),
        ("ansokan.docx", encrypted(docx(PHONE)), None),
        ("ansokan.pdf", pdf_bytes(), b""),
    ],
    ids=["truncated-pdf", "malformed-docx", "damaged-zip", "encrypted-zip", "emptied-file"],
)
def test_a_file_that_cannot_be_read_waits_for_a_person_and_the_task_finishes(
    case, file_name, data, stored
):
    document, publication = inspected(case, data, file_name, replace_with=stored)
    assert document.text == ""
    assert not publication.has_text
    assert publication.status == ReviewStatus.WAITING
