"""The feeds: the meetings as iCalendar (RFC 5545), parsed back here with a small parser
of our own, and the adjusted minutes as RSS 2.0. Built on the world of world.py, so
nothing non-public may show."""

import datetime
import email.utils
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from kansli.meetings import services as meetings
from kansli.meetings.models import AgendaItem, Meeting
from kansli.minutes import services as minutes_services
from kansli.minutes.models import Minutes
from kansli.publishing.feeds import rss
from kansli.publishing.feeds.ical import escape_text, fold
from kansli.publishing.selectors import adjusted_minutes

from .world import DRAFT_MINUTES, NON_PUBLIC_ITEM, SECRET_MARKERS, shared_world_fixtures

HOST = "http://testserver"


# The world, built once for this module; `body` and `series` are the world's.
_shared_data, body, series, world = shared_world_fixtures()


# --- a small iCalendar reader -------------------------------------------------------------


def unfold(body: bytes) -> list[str]:
    """The content lines, after checking the physical ones: CRLF-ended, at most 75 octets,
    each valid UTF-8 on its own (no character split between lines)."""
    assert body.endswith(b"\r\n")
    physical = body.split(b"\r\n")[:-1]
    lines: list[str] = []
    for raw in physical:
        assert len(raw) <= 75, raw
        assert b"\n" not in raw and b"\r" not in raw
        text = raw.decode("utf-8")  # strict: a split character would fail here
        if text.startswith(" "):
            lines[-1] += text[1:]
        else:
            lines.append(text)
    return lines


def unescape(value: str) -> str:
    out, chars = [], iter(value)
    for c in chars:
        if c == "\\":
            following = next(chars)
            out.append({"n": "\n", "N": "\n"}.get(following, following))
            assert following in "nN\\;,", f"unknown escape \\{following}"
        else:
            assert c not in ";,", f"unescaped {c!r} in TEXT {value!r}"
            out.append(c)
    return "".join(out)


def read_calendar(body: bytes) -> tuple[dict[str, str], list[dict[str, str]]]:
    """(the calendar's own properties, one dict per VEVENT), values as written."""
    calendar: dict[str, str] = {}
    events: list[dict[str, str]] = []
    stack: list[str] = []
    for line in unfold(body):
        name, _, value = line.partition(":")
        if name == "BEGIN":
            stack.append(value)
            if value == "VEVENT":
                events.append({})
        elif name == "END":
            assert stack.pop() == value
        elif stack == ["VCALENDAR"]:
            calendar[name] = value
        else:
            assert stack == ["VCALENDAR", "VEVENT"], stack
            assert name not in events[-1], f"{name} twice"
            events[-1][name] = value
    assert stack == []
    return calendar, events


def get_calendar(client, query: str = ""):
    response = client.get(reverse("publishing:calendar_ics") + query)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return read_calendar(response.content)


# --- iCalendar ----------------------------------------------------------------------------


def test_the_calendar_holds_each_meeting_with_its_public_agenda(world, client):
    calendar, events = get_calendar(client)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"] == "-//Kansli//Sammanträdeskalender//SV"
    assert unescape(calendar["X-WR-CALNAME"]) == "Sammanträden – Region Örebro län"
    meeting = world.board.meeting
    first, later = events
    assert first["UID"] == f"meeting-{meeting.pk}@testserver"
    assert later["UID"] == f"meeting-{world.draft_meeting_pk}@testserver"
    assert first["DTSTART"] == "20200826T073000Z"  # 09:30 in Swedish summer time
    assert first["DTEND"] == "20200826T100000Z"
    assert "DTEND" not in later
    stamp = datetime.datetime.strptime(first["DTSTAMP"], "%Y%m%dT%H%M%SZ")
    assert abs(stamp.replace(tzinfo=datetime.UTC) - datetime.datetime.now(datetime.UTC)) < (
        datetime.timedelta(minutes=5)
    )
    assert unescape(first["SUMMARY"]) == "Regionstyrelsens sammanträde"
    assert first["LOCATION"] == "Hörsal L1\\, Örebro universitet"
    assert unescape(first["LOCATION"]) == "Hörsal L1, Örebro universitet"
    assert first["URL"] == HOST + reverse("publishing:meeting", args=[meeting.pk])
    assert unescape(first["DESCRIPTION"]) == (
        "Dagordning:\n1. Protokollsjustering\n2. Motion om gröna obligationer\n3. Delårsrapport"
        "\n5. Information om bullerklagomål, kontakt [telefonnummer]"
    )
    body = client.get(reverse("publishing:calendar_ics")).content.decode()
    for marker in SECRET_MARKERS:
        assert marker not in body


def test_an_elected_member_sees_the_non_public_item_in_the_description(world, client):
    client.force_login(world.board.login("Svahn"))
    _, events = get_calendar(client)
    assert f"4. {NON_PUBLIC_ITEM}" in unescape(events[0]["DESCRIPTION"]).splitlines()


def test_hostile_text_is_escaped_folded_and_read_back_unchanged(world, client):
    organization = world.board.board
    hostile = "Bygglov; kvarter 1, 2 & 3 \\ etapp\x07 – ”citat” 🏛️ ÅÄÖ\\n"
    meeting = meetings.meeting_create(
        actor=None,
        organization=organization,
        date=datetime.date(2021, 1, 20),
        start_time=datetime.time(13, 0),
        end_time=datetime.time(15, 30),
        place="Sal; A, plan 2 \\ vänster",
    )
    long_title = "Överenskommelse om " + "välfärdsteknik och ålderdomshem " * 8
    for title in (hostile, long_title):
        meetings.agenda_item_add(actor=None, meeting=meeting, title=title)
    titles = list(AgendaItem.objects.filter(meeting=meeting).values_list("title", flat=True))
    _, events = get_calendar(client)
    event = next(e for e in events if e["UID"].startswith(f"meeting-{meeting.pk}@"))
    assert event["DTSTART"] == "20210120T120000Z"  # 13:00 in Swedish winter time
    assert event["DTEND"] == "20210120T143000Z"
    assert unescape(event["LOCATION"]) == "Sal; A, plan 2 \\ vänster"
    expected = "\n".join(
        ["Dagordning:", *(f"{n}. {t.replace(chr(7), '')}" for n, t in enumerate(titles, 1))]
    )
    assert unescape(event["DESCRIPTION"]) == expected


def test_escape_text_and_fold_follow_rfc_5545():
    assert escape_text("a\\b;c,d\r\ne\nf\rg\x00h\ti") == "a\\\\b\\;c\\,d\\ne\\nf\\ngh\ti"
    assert fold("x" * 75) == "x" * 75
    assert fold("x" * 76) == "x" * 75 + "\r\n x"
    folded = fold("DESCRIPTION:" + "å" * 100)  # two octets each
    lines = folded.encode().split(b"\r\n")
    assert [len(line) for line in lines] == [74, 75, 65]
    assert "".join(line[1:] if i else line for i, line in enumerate(folded.split("\r\n"))) == (
        "DESCRIPTION:" + "å" * 100
    )


def test_one_organizations_calendar(world, client):
    _, events = get_calendar(client, f"?organ={world.board.board.pk}")
    assert len(events) == 2
    calendar, events = get_calendar(client, f"?organ={world.board.council.pk}")
    assert events == []
    assert unescape(calendar["X-WR-CALNAME"]) == "Sammanträden – Regionfullmäktige"


@pytest.mark.parametrize(
    ("organ", "status", "words"),
    [
        ("abc", 400, "ska vara ett organs nummer"),
        ("0", 400, "ska vara ett organs nummer"),
        ("-1", 400, "ska vara ett organs nummer"),
        ("1.5", 400, "ska vara ett organs nummer"),
        ("١", 400, "ska vara ett organs nummer"),  # an Arabic-Indic digit one
        ("99999999999999999999999", 400, "ska vara ett organs nummer"),
        ("424242", 404, "Det finns inget organ med nummer 424242"),
    ],
)
def test_a_bad_organ_gets_a_swedish_message(world, client, organ, status, words):
    response = client.get(reverse("publishing:calendar_ics"), {"organ": organ})
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/plain")
    assert words in response.content.decode()


# --- RSS ----------------------------------------------------------------------------------


def read_rss(client) -> ET.Element:
    response = client.get(reverse("publishing:minutes_rss"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own feed
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel is not None
    return channel


def test_the_feed_holds_the_adjusted_minutes_only(world, client):
    channel = read_rss(client)
    assert channel.findtext("title") == "Justerade protokoll – Region Örebro län"
    assert channel.findtext("language") == "sv"
    [item] = channel.findall("item")
    meeting = world.board.meeting
    minutes = Minutes.objects.get(meeting=meeting)
    assert item.findtext("title") == "Protokoll Regionstyrelsen 2020-08-26"
    assert item.findtext("link") == HOST + reverse("publishing:minutes", args=[meeting.pk])
    published = email.utils.parsedate_to_datetime(item.findtext("pubDate") or "")
    assert published == minutes.locked_at
    assert published.astimezone(datetime.UTC).date() == minutes.adjusted_on
    description = item.findtext("description") or ""
    assert "Anslaget sitter uppe 2 september 2020 – 23 september 2020." in description
    assert "Sista dag att överklaga: 23 september 2020." in description
    assert "Paragrafer: §§ 1–5." in description
    text = ET.tostring(channel, encoding="unicode")
    assert DRAFT_MINUTES not in text
    assert "2020-09-30" not in text  # the meeting whose minutes are a draft
    for marker in SECRET_MARKERS:
        assert marker not in text


def test_a_member_gets_no_drafts_either(world, client):
    client.force_login(world.board.login("Svahn"))
    assert len(read_rss(client).findall("item")) == 1


def _adjust(world, meeting: Meeting, signed: datetime.datetime) -> None:
    minutes = minutes_services.minutes_create(
        actor=None, meeting=meeting, secretary_name="Kristina Berglund", kept_at="Regionkansliet"
    )
    minutes_services.minutes_set_adjustment(
        actor=None, minutes=minutes, chair=world.board["Svahn"], adjuster=world.board["Karlsson"]
    )
    for name in ("Svahn", "Karlsson"):
        minutes_services.minutes_sign(
            actor=world.board.login(name),
            minutes=Minutes.objects.get(pk=minutes.pk),
            now=signed,
        )


def test_the_most_recently_adjusted_come_first_and_the_feed_is_bounded(world, client, monkeypatch):
    october = meetings.meeting_create(
        actor=None,
        organization=world.board.board,
        date=datetime.date(2020, 10, 7),
        start_time=datetime.time(9, 0),
        place="Regionhuset",
    )
    meetings.agenda_item_add(
        actor=None,
        meeting=october,
        title="Information",
        formula="Regionstyrelsen beslutar",
        clauses=["att lägga informationen till handlingarna."],
    )
    _adjust(world, october, datetime.datetime(2020, 10, 14, 10, 0, tzinfo=datetime.UTC))
    titles = [i.findtext("title") for i in read_rss(client).findall("item")]
    assert titles == [
        "Protokoll Regionstyrelsen 2020-10-07",
        "Protokoll Regionstyrelsen 2020-08-26",
    ]
    assert rss.ITEMS == 50
    monkeypatch.setattr(rss, "ITEMS", 1)
    titles = [i.findtext("title") for i in read_rss(client).findall("item")]
    assert titles == ["Protokoll Regionstyrelsen 2020-10-07"]
    assert len(adjusted_minutes(viewer=AnonymousUser())) == 2
