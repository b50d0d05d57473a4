"""Any text renders: every kept Unicode category, cleaned at the boundary, goes into a memo
PDF/A through the real template and renderer; what no font draws is printed as U+FFFD."""

import io
import re
import unicodedata
from collections import defaultdict

import pytest
import typst
from pypdf import PdfReader

from kansli.core.pdf import REPLACEMENT, render_pdf
from kansli.core.text import clean_text
from kansli.memos import markup

from ..minutes.test_typst_templates import EXTRACT, MINUTES, extract_sample, worded
from ..minutes.test_typst_templates import sample as minutes_sample

TEMPLATE = "memos/typst/memo-main.typ"
# A category larger than this is rendered as an even sample over its whole range (Lo has
# 127 000 letters, Cn 830 000 code points: one PDF of them all would take minutes).
LARGEST = 3000
REMOVED = {"Cc", "Cs", "Co"}


def _by_category() -> dict[str, list[str]]:
    points: dict[str, list[str]] = defaultdict(list)
    for code_point in range(0x110000):
        char = chr(code_point)
        points[unicodedata.category(char)].append(char)
    return points


BY_CATEGORY = _by_category()


def _spread(chars: list[str]) -> str:
    """The characters (an even sample of them) in words of 20, so that a run of combining
    marks stays of a size a PDF reader extracts."""
    sample = chars[:: max(1, -(-len(chars) // LARGEST))]
    return " ".join("".join(sample[i : i + 20]) for i in range(0, len(sample), 20))


def memo(text: str) -> dict[str, object]:
    """A memo with `text` in every field that reaches the PDF."""
    line = clean_text(text[:300], multiline=False)
    return {
        "memo": {
            "header": {
                "unit": line,
                "official": line,
                "meeting_date": "2020-08-26",
                "case_number": line,
                "organization": line,
            },
            "title": line,
            "draft": False,
            "proposal": {"formula": line, "clauses": [line]},
            "sections": [
                {"key": "sammanfattning", "heading": "Sammanfattning", "blocks": markup.parse(text)}
            ],
            "basis": [line],
            "signature": {"name": line, "title": line},
            "send_to": [line],
            "meeting_date_text": line,
        }
    }


def is_pdf_a(pdf: bytes) -> bool:
    reader = PdfReader(io.BytesIO(pdf))
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    return b"<pdfaid:part>2</pdfaid:part>" in xmp and b"<pdfaid:conformance>B" in xmp


def text_of(pdf: bytes) -> str:
    """The PDF's text, words hyphenated at a line end joined again."""
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return text.replace("\xad\n", "").replace("-\n", "")


@pytest.mark.parametrize("category", sorted(set(BY_CATEGORY) - REMOVED))
def test_each_kept_category_renders_into_a_memo_pdf_a(category):
    text = clean_text(_spread(BY_CATEGORY[category]))
    assert text, category
    pdf = render_pdf(TEMPLATE, memo(f"Början {text} slutet"))
    assert is_pdf_a(pdf)
    squashed = "".join(text_of(pdf).split())
    assert "Början" in squashed and "slutet" in squashed, squashed[-300:]


@pytest.mark.parametrize("category", sorted(REMOVED))
def test_removed_categories_leave_nothing_and_render_even_unclean(category):
    text = "".join(BY_CATEGORY[category])
    assert clean_text(text).strip() == ""
    # The renderer cleans by itself too: a string that skipped the boundary still renders.
    pdf = render_pdf(TEMPLATE, memo("Före " + text[:2000] + " efter"))
    assert is_pdf_a(pdf) and "Före" in text_of(pdf) and "efter" in text_of(pdf)


def test_latin_greek_cyrillic_cjk_and_emoji_are_drawn_and_extractable():
    typed = "Bästa 😀 中文 日本語 한국어 Ελληνικά Кириллица ½ → ∑ 👍🏽"
    pdf = render_pdf(TEMPLATE, memo(typed))
    assert is_pdf_a(pdf)
    extracted = text_of(pdf)
    for word in typed.split():
        assert word in extracted, word
    assert REPLACEMENT not in extracted


def test_fonts_are_embedded_libertinus_first():
    pdf = render_pdf(TEMPLATE, memo("Text 中文 😀"))
    names = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if font["/Subtype"] == "/Type3":  # the colour emoji, drawn as images
                continue
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor)
            names.append(str(font["/BaseFont"]))
    assert any("LibertinusSerif-Regular" in name for name in names)
    assert any("NotoSerifCJK" in name for name in names)


def test_what_no_font_draws_is_printed_as_a_replacement_mark():
    # U+20000 (a CJK extension B ideograph), U+0378 (unassigned), a lone combining mark of
    # a script without a font here (U+0898).
    pdf = render_pdf(TEMPLATE, memo("före \U00020000 mitt \u0378 och \u0898 efter"))
    assert is_pdf_a(pdf)
    extracted = " ".join(text_of(pdf).split())
    assert f"före {REPLACEMENT} mitt {REPLACEMENT} och" in extracted and "efter" in extracted


def test_marks_no_font_has_are_replaced_and_their_base_kept():
    # Typst names the space as what it could not draw; the Znamenny mark on it is replaced,
    # not every space of the memo.
    pdf = render_pdf(TEMPLATE, memo("ett två \U0001cf00\U0001cf01 tre fyra"))
    extracted = " ".join(text_of(pdf).split())
    # One mark or each mark (Typst names the cluster either way, by the compiler's history).
    assert re.search(f"ett två {REPLACEMENT}+ tre fyra", extracted), extracted


def test_other_typst_errors_are_not_hidden():
    with pytest.raises(typst.TypstError):
        render_pdf(TEMPLATE, {"inte": "ett PM"})


def _every_category() -> str:
    """Twelve code points of each category, spread over its range, and a bell."""
    return "\x07 " + " ".join(
        "".join(chars[:: max(1, len(chars) // 12)][:12]) for _, chars in sorted(BY_CATEGORY.items())
    )


@pytest.mark.parametrize(("template", "key"), [(MINUTES, "minutes"), (EXTRACT, "extract")])
def test_minutes_and_extracts_render_every_category(template, key):
    text = _every_category()
    data = extract_sample() if key == "extract" else minutes_sample()
    data["place"] = f"Hörsal 😀 {text}"
    data["decision_makers"][0]["name"] = f"Андрей 中文 {text}"
    data["paragraphs"][0]["title"] = f"Ελληνικά {text}"
    data["paragraphs"][0]["proposals"][0]["text"] = f"bifall {text}"
    pdf = render_pdf(template, {key: worded(data)})
    assert is_pdf_a(pdf)
    extracted = text_of(pdf)
    # An extract names the paragraphs, not who took part.
    words = ["Ελληνικά", "bifall"] + (
        ["Hörsal", "😀", "Андрей", "中文"] if key == "minutes" else []
    )
    for word in words:
        assert word in extracted, word
