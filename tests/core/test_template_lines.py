"""Templates stay readable in a review: no line of a template is longer than 160 characters
(issue 21). That covers the HTML and plain-text templates in every app's templates/ folder and
the Typst templates beside them.

A long line is broken only where the break does not show: between attributes inside a tag,
between block-level tags or <option>s, at the start or end of a block element's content, or at
whitespace already in running text; never inside a `{% %}` or `{{ }}` tag (Django does not
allow a newline there), never inside <pre>, <textarea> or the pre-wrap review text, and never
inside text that a test compares byte for byte. Where no such place is left, a long expression
is named first with `{% with %}` (or `{% url … as … %}`)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_DIRS = [ROOT / "src" / "kansli", ROOT / "tests" / "extension_app"]
LIMIT = 160


def _templates() -> list[Path]:
    found: set[Path] = set()
    for base in TEMPLATE_DIRS:
        for pattern in ("templates/**/*.html", "templates/**/*.txt", "**/*.typ"):
            found.update(base.rglob(pattern))
    return sorted(found)


def test_the_templates_are_found():
    names = {path.suffix for path in _templates()}
    assert {".html", ".typ"} <= names


def test_no_template_line_is_longer_than_160_characters():
    too_long = [
        f"{path.relative_to(ROOT)}:{number}: {len(line)} characters"
        for path in _templates()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if len(line) > LIMIT
    ]
    assert too_long == [], "Template lines over 160 characters:\n" + "\n".join(too_long)
