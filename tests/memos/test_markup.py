"""The safe Markdown subset: what a drafter writes becomes paragraphs, lists and tables of
plain text runs; markup of any other language stays text."""

from kansli.memos import markup

HOSTILE = ['#panic("x")', '#read("/etc/passwd")', "<script>alert(1)</script>", "$x^2$ @ref <lbl>"]


def _text(blocks):
    return markup.plain_text(blocks)


def test_paragraphs_emphasis_lists_and_tables():
    blocks = markup.parse(
        "Första **fet** och *kursiv*\nfortsätter.\n\n- ett\n- två\n\n3. tre\n4. fyra\n\n"
        "| År | Belopp |\n|---|--:|\n| 2023 | 1 200,0 |\n"
    )
    assert [b["type"] for b in blocks] == ["paragraph", "list", "list", "table"]
    runs = blocks[0]["runs"]
    assert {"text": "fet", "strong": True, "emph": False} in runs
    assert {"text": "kursiv", "strong": False, "emph": True} in runs
    assert markup.runs_text(runs) == "Första fet och kursiv fortsätter."
    assert blocks[2]["ordered"] and blocks[2]["start"] == 3
    table = blocks[3]
    assert markup.runs_text(table["header"][1]) == "Belopp"
    assert table["align"] == ["left", "right"]
    assert markup.runs_text(table["rows"][0][1]) == "1 200,0"


def test_markup_of_other_languages_is_kept_as_text():
    for text in HOSTILE:
        assert _text(markup.parse(text)) == text


def test_headings_links_and_code_become_plain_text():
    blocks = markup.parse("# Rubrik\n\nSe [lagen](https://example.org) och `kod`.")
    assert _text(blocks) == "Rubrik\nSe lagen och kod."
    assert blocks[0]["runs"][0]["strong"]


def test_nul_bytes_are_dropped():
    assert _text(markup.parse("a\x00b")) == "ab"
