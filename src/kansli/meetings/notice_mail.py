"""The e-mails of a meeting's notice, of a change and of a cancellation: Swedish text, the
agenda, links into Kansli and the meeting as an iCalendar attachment."""

import datetime
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone

from kansli.core.formatting import genitive
from kansli.core.ical import calendar

from . import calendar_event
from .models import Meeting, NoticeKind
from .notice_content import day_text, item_line, time_text


@dataclass(frozen=True)
class Links:
    """Absolute addresses in Kansli: the site's root (https://kansli.example.se/)."""

    root: str

    def to(self, path: str) -> str:
        return self.root.rstrip("/") + path

    @property
    def host(self) -> str:
        return urlsplit(self.root).hostname or "kansli"


def subject(meeting: Meeting, kind: str) -> str:
    when = f"{meeting.organization} {meeting.date.isoformat()}"
    if kind == NoticeKind.CANCELLATION:
        return f"Inställt sammanträde: {when}"
    if kind == NoticeKind.CHANGE:
        return f"Ändring av sammanträde: {when}"
    return f"Kallelse: {when} kl. {meeting.start_time:%H.%M}"


def _facts(state: dict[str, Any]) -> list[str]:
    day = datetime.date.fromisoformat(state["date"])
    lines = [
        f"Tid: {day_text(day)} {time_text(state['start_time'], state['end_time'])}",
        f"Plats: {state['place']}",
    ]
    if state.get("absence_contact"):
        lines.append(f"Förhinder anmäls till: {state['absence_contact']}")
    return lines


def body_text(
    *,
    meeting: Meeting,
    kind: str,
    state: dict[str, Any],
    changes: list[str],
    is_member: bool,
    first_name: str,
    links: Links,
    sender: str,
) -> str:
    organization = meeting.organization
    meeting_url = links.to(reverse("meetings:meeting_detail", args=[meeting.pk]))
    book_url = links.to(reverse("meetings:book_html", args=[meeting.pk, "ledamoter"]))
    lines = [f"Hej {first_name},", ""]
    if kind == NoticeKind.CANCELLATION:
        lines += [
            f"{genitive(organization.name)} sammanträde {day_text(meeting.date)} är inställt."
        ]
        if meeting.cancellation_reason:
            lines += ["", f"Skäl: {meeting.cancellation_reason}"]
        lines += [""]
    else:
        if kind == NoticeKind.CHANGE:
            lines += [f"{genitive(organization.name)} sammanträde har ändrats:", ""]
            lines += [f"- {change}" for change in changes]
            lines += ["", "Sammanträdet gäller nu:"]
        elif is_member:
            lines += [f"Du kallas som ledamot till sammanträde med {organization}."]
        else:
            lines += [
                f"Du underrättas som ersättare om sammanträde med {organization}. "
                "Om du ska tjänstgöra får du besked."
            ]
        lines += ["", *_facts(state), "", "Föredragningslista"]
        lines += [item_line(item) for item in state["items"]] or ["(dagordningen är tom)"]
        lines += ["", f"Kallelse med handlingar: {book_url}"]
    lines += [f"Sammanträdet i Kansli: {meeting_url}", "", "Med vänlig hälsning", sender]
    return "\n".join(lines) + "\n"


def ics(meeting: Meeting, state: dict[str, Any], links: Links) -> str:
    url = links.to(reverse("meetings:meeting_detail", args=[meeting.pk]))
    agenda = [item_line(item) for item in state["items"]]
    event = calendar_event.event_lines(
        meeting, agenda, uid_host=links.host, url=url, stamp=timezone.now()
    )
    return calendar(f"{genitive(meeting.organization.name)} sammanträde", [event])


def message(
    *,
    meeting: Meeting,
    kind: str,
    state: dict[str, Any],
    changes: list[str],
    to: str,
    is_member: bool,
    first_name: str,
    links: Links,
    sender: str,
) -> EmailMessage:
    mail = EmailMessage(
        subject=subject(meeting, kind),
        body=body_text(
            meeting=meeting,
            kind=kind,
            state=state,
            changes=changes,
            is_member=is_member,
            first_name=first_name,
            links=links,
            sender=sender,
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
    )
    mail.attach(
        f"sammantrade-{meeting.date.isoformat()}.ics", ics(meeting, state, links), "text/calendar"
    )
    return mail
