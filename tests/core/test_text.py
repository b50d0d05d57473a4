"""clean_text over the whole Unicode range, one category at a time: what the boundary keeps,
what it removes and what it turns into line breaks."""

import unicodedata
from collections import defaultdict

import pytest
from django import forms
from django.http import QueryDict

from kansli.core.checks import one_line
from kansli.core.forms import KansliForm
from kansli.core.text import clean_text, is_noncharacter


def _by_category() -> dict[str, str]:
    points: dict[str, list[str]] = defaultdict(list)
    for code_point in range(0x110000):
        char = chr(code_point)
        points[unicodedata.category(char)].append(char)
    return {category: "".join(chars) for category, chars in points.items()}


BY_CATEGORY = _by_category()
REMOVED = {"Cc", "Cs", "Co"}
LINE_ENDS = {"Zl", "Zp"}


def test_every_category_of_unicode_is_covered():
    assert len(BY_CATEGORY) == 30
    assert sum(len(text) for text in BY_CATEGORY.values()) == 0x110000


@pytest.mark.parametrize("category", sorted(BY_CATEGORY))
def test_each_category_over_its_whole_range(category):
    text = BY_CATEGORY[category]
    cleaned = clean_text(text)
    one = clean_text(text, multiline=False)
    if category == "Cc":
        # tab and line feed stay; CR, VT, FF and NEL end a line; the other 59 go.
        assert cleaned == "\t\n\n\n\n\n"
        assert one == "      "
    elif category in REMOVED:
        assert cleaned == "" and one == ""
    elif category in LINE_ENDS:
        assert cleaned == "\n" and one == " "
    elif category == "Cn":
        kept = "".join(char for char in text if not is_noncharacter(ord(char)))
        assert len(text) - len(kept) == 66
        assert cleaned == kept and one == kept
    else:
        assert cleaned == text and one == text


def test_line_breaks_of_every_kind_become_line_feeds():
    assert clean_text("a\r\nb\rc\x0bd\x0ce\x85f\u2028g\u2029h") == "a\nb\nc\nd\ne\nf\ng\nh"
    assert clean_text("a\r\nb\tc", multiline=False) == "a b c"


def test_what_a_user_types_is_kept_and_the_bell_is_not():
    typed = "Ärende 😀 中文 Ελληνικά Кириллица 👨‍👩‍👧 🇸🇪 عربي עברית ١٢٣ e\u0301 \u00ad"
    assert clean_text(typed + "\x07\x00\ue000\U000f0000\ufffe") == typed


def test_one_line_service_check_removes_controls():
    assert one_line(" Motion\x07 om\r\n  \x00gröna\u2028obligationer ") == (
        "Motion om gröna obligationer"
    )


class Memo(KansliForm):
    title = forms.CharField()
    text = forms.CharField(widget=forms.Textarea)


def test_forms_clean_what_was_sent_before_their_fields_read_it():
    sent = QueryDict(mutable=True)
    sent.setlist("title", ["PM\x07 om 😀"])
    sent.setlist("text", ["Rad ett\r\nRad\x1b två\ttabb\ud800"])
    form = Memo(sent)
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"title": "PM om 😀", "text": "Rad ett\nRad två\ttabb"}
    assert Memo({"title": "a\x07b", "text": ""}).data == {"title": "ab", "text": ""}
