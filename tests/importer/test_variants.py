"""Notices, memos and minutes as other bodies write them (files/README.md): every file reads
to its expected dry run."""

import json

import pytest

from kansli.importer.services import import_read

from .helpers import FILES

NAMES = sorted(path.stem for path in FILES.glob("*.txt"))


def _comparable(data: dict) -> dict:
    """Memo problems are the validation's (tested with the memos); memos made from an agenda
    entry are this importer's choice, tested below."""
    data["memos"] = [m for m in data["memos"] if m.get("source", "pm") == "pm"]
    for memo in data["memos"]:
        for key in ("problems", "attachments", "source"):
            memo.pop(key, None)
    data["problems"] = [p for p in data["problems"] if p.get("severity", "fel") == "fel"]
    return data


@pytest.mark.parametrize("name", NAMES)
def test_variant_reads_to_its_expected_dry_run(name):
    result = import_read([(f"{name}.txt", (FILES / f"{name}.txt").read_bytes())])
    expected = json.loads((FILES / f"{name}.expected.json").read_text(encoding="utf-8"))
    assert _comparable(result.as_dict()) == _comparable(expected)


def test_items_without_memo_pages_get_their_memo_from_the_agenda():
    result = import_read(
        [("k.txt", (FILES / "kallelse_kommunstyrelsen.txt").read_bytes())]
    ).as_dict()
    memos = {memo["item"]: memo for memo in result["memos"]}
    items = {item["number"]: item for item in result["meetings"][0]["items"]}
    with_case = {number for number, item in items.items() if item["case_number"]}
    assert set(memos) == with_case
    for number, memo in memos.items():
        assert memo["source"] == "dagordning"
        assert memo["case_number"] == items[number]["case_number"]
        assert memo["clauses"] == items[number]["clauses"]
        # An agenda entry is no finished memo: the validation says what is missing.
        assert "Underskriften ska ha både namn och titel." in memo["problems"]


def test_page_break_leftovers_stay_out_of_memo_sections():
    result = import_read([("k.txt", (FILES / "kallelse_fullmaktige.txt").read_bytes())])
    memo = next(m for m in result.files[0].memos if m.item == 2)
    assert "Tjänsteskrivelse" not in memo.sections["Bedömning"]
    assert "\n\n3\n\n" not in memo.sections["Bedömning"]
    (motion,) = memo.attachments
    assert motion.text.startswith("## Motion")


def test_minutes_serving_substitutes_replace_members():
    result = import_read([("p.txt", (FILES / "protokoll_kommunstyrelsen.txt").read_bytes())])
    (minutes,) = result.files[0].minutes
    replacing = {p.name: p.replaces for p in minutes.present if p.replaces}
    assert replacing == {"Eva Lind": "Olof Berg", "Ulf Brink": "Tomas Wall"}
    assert [p.number for p in minutes.paragraphs] == [45, 46, 47, 48]
