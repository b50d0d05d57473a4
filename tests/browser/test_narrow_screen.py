"""On a phone (390 × 844 CSS pixels) the notice board's postings and the Anslag/Bevis box of
the public minutes fit the screen: nothing scrolls sideways, neither a box nor the page."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from kansli.minutes import services
from kansli.minutes.models import Minutes
from tests.minutes.helpers import board_with_meeting, started_minutes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}
KEPT_AT = "Regionkansliet, Nämndadministrationsavdelningen, Eklundavägen 1, Örebro"
# Where the screenshots go when a person wants to look at them (KANSLI_SCREENSHOTS=dir).
SCREENSHOTS = os.environ.get("KANSLI_SCREENSHOTS", "")

OVERFLOW = """() => {
    const wide = (el) => el.scrollWidth > el.clientWidth;
    const root = document.documentElement;
    return {
        page: wide(root) ? `${root.scrollWidth} > ${root.clientWidth}` : "",
        boxes: [...document.querySelectorAll(".book-status, .meta")]
            .filter(wide)
            .map((el) => `${el.className}: ${el.scrollWidth} > ${el.clientWidth}`),
    };
}"""


@pytest.fixture
def adjusted(body, series):
    b = board_with_meeting(body, series)
    minutes = started_minutes(b, kept_at=KEPT_AT)
    for name in ("Svahn", "Karlsson"):  # today, so that the posting is on the board
        services.minutes_sign(actor=b.login(name), minutes=Minutes.objects.get(pk=minutes.pk))
    return b


def fits(page, url: str, name: str, box: str) -> None:
    """The page at `url` fits the phone; `box` is the heading of the box that must be there."""
    response = page.goto(url)
    assert response is not None and response.status == 200, url
    expect(page.get_by_role("heading", name=box)).to_be_visible()
    if SCREENSHOTS:
        page.screenshot(path=str(Path(SCREENSHOTS) / f"{name}.png"), full_page=True)
    assert page.evaluate(OVERFLOW) == {"page": "", "boxes": []}, url


def test_the_posting_fits_a_phone(page, adjusted):
    page.set_viewport_size(PHONE)
    fits(page, "/anslagstavla/", "anslagstavla-390", "Regionstyrelsen 2020-08-26")
    meeting = f"/insyn/sammantraden/{adjusted.meeting.pk}/"
    fits(page, f"{meeting}protokoll/", "protokoll-390", "Anslag/Bevis")
    fits(page, meeting, "sammantrade-390", "Dagordning")
    # the board links the minutes, on the phone too
    page.goto("/anslagstavla/")
    page.get_by_role("link", name="Läs det justerade protokollet").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Protokoll Regionstyrelsen")
