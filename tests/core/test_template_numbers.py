"""Swedish number formatting groups digits with a space ("1 191"): an id or a year written
into a form field, a link or an anchor must be written unlocalized, or a form posts
`present_1 191` and a link `?ar=2 020` once the numbers grow. Found by a full test run whose
ids had passed 1 000."""

import re
from pathlib import Path

from django.template import Context, Template
from django.test import override_settings

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "kansli"
ID_OUTPUT = re.compile(r"\{\{ ?([a-z_.]*(?:\.pk|_id|\.id|year)) ?(\|add:'?-?\d+'?)? ?\}\}")


def test_ids_and_years_in_templates_are_unlocalized():
    offenders = [
        f"{path.relative_to(TEMPLATES)}: {match.group(0)}"
        for path in TEMPLATES.glob("*/templates/**/*.html")
        for match in ID_OUTPUT.finditer(path.read_text())
    ]
    assert offenders == []


@override_settings(USE_THOUSAND_SEPARATOR=True, LANGUAGE_CODE="sv")
def test_unlocalize_writes_a_large_id_without_grouping():
    template = Template(
        '{% load l10n %}<input name="present_{{ pk|unlocalize }}" value="{{ pk }}">'
    )
    html = template.render(Context({"pk": 1191}))
    assert 'name="present_1191"' in html and 'value="1\xa0191"' in html
