"""The adjusted minutes as RSS 2.0 (/insyn/protokoll.rss): the 50 most recently adjusted,
each with its posting period on the notice board and the last day to appeal. Never a draft:
only adjusted minutes are ever public (KL 8 kap. 12 §)."""

import datetime

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse

from kansli.core.roles import Viewer
from kansli.meetings.when import STOCKHOLM
from kansli.minutes.content import date_text
from kansli.minutes.models import Minutes, Posting
from kansli.people.selectors import body_list

from ..selectors import adjusted_minutes

ITEMS = 50


TITLE = "Justerade protokoll"


class MinutesFeed(Feed[Minutes, Viewer]):
    description = (
        "Protokoll som har justerats, med tiden de sitter uppe på den digitala anslagstavlan "
        "och sista dag att överklaga."
    )
    language = "sv"

    def get_object(self, request: HttpRequest, *args: object, **kwargs: object) -> Viewer:
        """The viewer: what the feed holds is decided by the selectors for this viewer."""
        return request.user

    def title(self, viewer: Viewer) -> str:
        body = body_list(viewer=viewer).first()
        return f"{TITLE} – {body.name}" if body is not None else TITLE

    def link(self) -> str:
        return reverse("publishing:home")

    def items(self, viewer: Viewer) -> list[Minutes]:
        return list(adjusted_minutes(viewer=viewer).prefetch_related("postings")[:ITEMS])

    def item_title(self, minutes: Minutes) -> str:
        meeting = minutes.meeting
        return f"Protokoll {meeting.organization.name} {meeting.date.isoformat()}"

    def item_link(self, minutes: Minutes) -> str:
        return reverse("publishing:minutes", args=[minutes.meeting_id])

    def item_pubdate(self, minutes: Minutes) -> datetime.datetime | None:
        """The adjustment: the moment of the last signature, or the adjustment day."""
        if minutes.locked_at is not None:
            return minutes.locked_at
        if minutes.adjusted_on is not None:
            return datetime.datetime.combine(minutes.adjusted_on, datetime.time(), STOCKHOLM)
        return None

    def item_description(self, minutes: Minutes) -> str:
        posting = _posting(minutes)
        meeting = minutes.meeting
        lines = [
            f"Sammanträde med {meeting.organization.name} {date_text(meeting.date)}, "
            f"protokollet justerat {date_text(minutes.adjusted_on)}."
        ]
        if posting is not None:
            lines += [
                f"Anslaget sitter uppe {date_text(posting.posted_on)} – "
                f"{date_text(posting.listed_until)}.",
                f"Sista dag att överklaga: {date_text(posting.last_appeal_day)}.",
                f"Paragrafer: {posting.paragraphs}. Protokollet förvaras: {posting.kept_at}.",
            ]
        return " ".join(lines)


def _posting(minutes: Minutes) -> Posting | None:
    """The notice that the whole minutes are adjusted (not one immediately adjusted §)."""
    return next((p for p in minutes.postings.all() if p.paragraph_id is None), None)
