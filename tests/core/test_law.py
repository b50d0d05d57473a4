"""Law is code: every rule function declares its paragraph, docs/law.md is the table of them,
and no text in the code or the docs cites a paragraph of kommunallagen that no rule rests on."""

import re
from pathlib import Path

import pytest

from kansli.core import law, law_table

ROOT = Path(__file__).resolve().parents[2]

# Paragraphs of kommunallagen that texts may name without a rule function resting on them,
# each with why. Anything else cited must be the paragraph of some rule.
ALSO_NAMED = {
    "5 kap. 23 §": "a citizen proposal may be left to a nämnd (initiatives.services.steps)",
    "6 kap. 37 §": "what a nämnd may delegate (authorisations, delegation)",
    "6 kap. 38 §": "what may not be delegated (delegation)",
    "6 kap. 39 §": "urgent decisions by the chair are allowed (delegation)",
}

# The ways the code and the docs name kommunallagen's paragraphs: "KL 5 kap. 45 §",
# "kommunallagen 6 kap. 40 §, 8 kap. 10 § och 13 kap. 5 §", "KL 5 kap. 17–21 §§".
_KL_MENTION = re.compile(
    r"(?:\bKL|kommunallagen(?: \(2017:725\))?)\s+((?:\d{1,2} kap\. \d{1,3}(?:\s*[–-]\s*\d{1,3})?"
    r" §§?(?: \d st\.(?: \d{1,2})?)?(?:,\s*| och | eller | / )?)+)"
)


def _texts() -> list[Path]:
    found = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    for path in sorted((ROOT / "src" / "kansli").rglob("*")):
        if path.suffix in {".py", ".html", ".txt", ".typ"} and "migrations" not in path.parts:
            found.append(path)
    # The list of paragraphs whose text was not read names them on purpose.
    return [p for p in found if p.name != "law_table.py"]


def test_every_rule_function_declares_what_it_rests_on() -> None:
    assert law_table.unmarked() == []


def test_the_table_in_the_docs_is_the_one_the_code_gives() -> None:
    written = (ROOT / "docs" / "law.md").read_text(encoding="utf-8")
    assert written == law_table.render(), "kör python -m kansli law_table --write"


def test_every_rule_is_in_the_table() -> None:
    written = (ROOT / "docs" / "law.md").read_text(encoding="utf-8")
    for rule in law_table.collect():
        row = next((line for line in written.splitlines() if f"`{rule.function[7:]}`" in line), "")
        assert row, rule.function
        for citation in rule.cites:
            assert citation in row, (rule.function, citation)


def test_no_text_cites_a_paragraph_no_rule_rests_on() -> None:
    cited: set[str] = set()
    for rule in law_table.collect():
        for citation in rule.cites:
            if citation.startswith("KL "):
                cited |= law.kl_paragraphs(citation)
    allowed = cited | set(ALSO_NAMED)
    wrong = []
    for path in _texts():
        text = " ".join(path.read_text(encoding="utf-8").split())
        for match in _KL_MENTION.finditer(text):
            for paragraph in law.kl_paragraphs(match[1]) - allowed:
                wrong.append(f"{path.relative_to(ROOT)}: {paragraph} i ”{match[0][:60]}”")
    assert wrong == []


@pytest.mark.parametrize(
    "citation",
    [
        "KL 5 kap. 44 § [to verify]",
        "5 kap. 45 §",
        "KL 5 kap 45 §",
        "kommunallagen 5 kap. 45 §",
        "Finsam-lagen 5 §",
        "",
    ],
)
def test_a_citation_is_written_one_way(citation: str) -> None:
    assert law.citation_problem(citation)
    with pytest.raises(ValueError):
        law.cites(citation, says="x")


@pytest.mark.parametrize(
    "citation",
    [
        "KL 5 kap. 45 §",
        "KL 5 kap. 17–21 §§",
        "KL 6 kap. 40 § 1 st.",
        "KL 8 kap. 10 § 1 st. 3",
        "lag (1930:173) 2 §",
        "lag (2003:1210) 13 §",
        "AvtL 12–16 §§",
        "OSL 5 kap. 5 §",
    ],
)
def test_citations_as_the_table_writes_them(citation: str) -> None:
    assert law.citation_problem(citation) == ""


def test_paragraph_ranges_are_spelled_out() -> None:
    assert law.kl_paragraphs("KL 5 kap. 17–21 §§ och 6 kap. 16-17 §§") == {
        "5 kap. 17 §",
        "5 kap. 18 §",
        "5 kap. 19 §",
        "5 kap. 20 §",
        "5 kap. 21 §",
        "6 kap. 16 §",
        "6 kap. 17 §",
    }


def test_unread_paragraphs_are_never_shown_as_verified() -> None:
    unread = law.Rule("lag", ("KL 4 kap. 8 §",), "x", True)
    osl = law.Rule("lag", ("OSL 5 kap. 5 §",), "x", True)
    read = law.Rule("lag", ("KL 4 kap. 7 §",), "x", True)
    assert not law_table.is_verified(unread)
    assert not law_table.is_verified(osl)
    assert law_table.is_verified(read)


def test_the_corrected_paragraphs() -> None:
    """The paragraphs LAW-VERIFIED.md found wrong are now the statute's."""
    from kansli.delegation import rules as delegation
    from kansli.elections import rules as elections
    from kansli.minutes import rules as minutes
    from kansli.registry import rules as registry

    def cites(function: object) -> tuple[str, ...]:
        rule = law.rule_of(function)  # type: ignore[arg-type]
        assert rule is not None
        return rule.cites

    assert "KL 5 kap. 45 §" in cites(minutes.has_quorum)
    assert "KL 5 kap. 56 §" in cites(minutes.vote_outcome)
    assert cites(minutes.substitutes_for) == ("KL 5 kap. 17–21 §§", "KL 6 kap. 16–17 §§")
    assert cites(elections.resignation_end) == ("KL 4 kap. 6 §",)
    assert cites(elections.vacancy_end) == ("KL 4 kap. 7 §",)
    assert cites(elections.by_election_period) == ("KL 6 kap. 20 §",)
    assert "KL 8 kap. 10 § 1 st. 3" in cites(delegation.last_day_to_appeal)
    assert "KL 6 kap. 40 §" in cites(delegation.report_meeting)
    assert "OSL 5 kap. 5 §" in cites(registry.secrecy_reference_is_valid)
    everything = " ".join(c for r in law_table.collect() for c in r.cites)
    for wrong in ("5 kap. 44 §", "4 kap. 8 §", "4 kap. 9 §", "4 kap. 10 §", "8 kap. 13 §"):
        assert wrong not in everything
