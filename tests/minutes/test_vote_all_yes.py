""" "Alla ja" on the vote form: without JavaScript the button shows the form again with every
serving member at ja and what was typed kept, recording nothing; the secretary then changes
the few and records the vote."""

import re

import pytest
from django.urls import reverse

from kansli.core.models import AuditEntry
from kansli.minutes.models import Vote

from ..shared import shared_fixtures
from .helpers import board_with_meeting, paragraph, started_minutes

SERVING = ("Svahn", "Karlsson", "Sundin", "Höijer", "Menhem")


_shared_data, body, series, b = shared_fixtures(board_with_meeting, "b")


@pytest.fixture
def setup(client, b, secretary):
    minutes = started_minutes(b)
    p = paragraph(minutes, 2)
    client.force_login(secretary)
    return reverse("minutes:vote_record", args=[b.meeting.pk, p.pk]), p


def _checked(page: str, person_pk: int) -> list[str]:
    return re.findall(rf'name="ballot_{person_pk}" value="(\w+)"[^>]*checked', page)


def test_all_yes_fills_the_form_and_records_nothing(client, b, setup):
    vote_url, _ = setup
    response = client.post(
        vote_url,
        {"yes_label": "avslag", "no_label": "bifall", "alla_ja": "1", "lot": "nej"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    for name in SERVING:
        assert _checked(page, b[name].pk) == ["ja"], name
    assert 'value="avslag"' in page and 'value="bifall"' in page
    assert '<option value="nej" selected>' in page
    assert "Alla 5 tjänstgörande ledamöter har ja" in page and 'role="status"' in page
    assert not Vote.objects.exists()
    assert not AuditEntry.objects.filter(action="vote_record").exists()


def test_after_all_yes_the_secretary_changes_the_few_and_records(client, b, setup):
    vote_url, _ = setup
    client.post(vote_url, {"yes_label": "avslag", "no_label": "bifall", "alla_ja": "1"})
    ballots = {f"ballot_{b[n].pk}": "ja" for n in SERVING}
    ballots[f"ballot_{b['Menhem'].pk}"] = "nej"
    client.post(vote_url, {"yes_label": "avslag", "no_label": "bifall", **ballots})
    vote = Vote.objects.get()
    assert sorted(vote.ballots.values_list("choice", flat=True)) == ["ja"] * 4 + ["nej"]


def test_the_page_has_the_button_and_its_script_from_a_static_file(client, b, setup):
    _, p = setup
    page = client.get(reverse("minutes:paragraph_edit", args=[b.meeting.pk, p.pk]))
    content = page.content.decode()
    assert 'name="alla_ja"' in content and "data-all-yes" in content
    assert '<script src="/static/minutes/vote.js" defer></script>' in content
    assert "<script>" not in content  # the CSP allows no inline script
    for name in SERVING:
        assert _checked(content, b[name].pk) == []  # nothing is chosen for the user


def test_members_may_not_use_it(client, b, setup):
    vote_url, _ = setup
    client.force_login(b.login("Menhem"))
    assert client.post(vote_url, {"alla_ja": "1"}).status_code == 403
