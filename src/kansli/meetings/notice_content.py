"""What a notice tells: the meeting and its agenda as sent (a snapshot kept with each sending),
and — for a notice of change — what changed since the last sending, in Swedish."""

import datetime
from typing import Any

from kansli.core.formatting import MONTHS

from .models import AgendaItem, Meeting

WEEKDAYS = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]
NOT_PUBLIC = "Ärende som inte är offentligt (se kallelsen i Kansli)"


def day_text(day: datetime.date) -> str:
    """ "tisdag 15 december 2026"."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def time_text(start: str, end: str | None) -> str:
    """ "kl. 09.00–12.00" from "09:00" and "12:00"."""
    text = f"kl. {start.replace(':', '.')}"
    return f"{text}–{end.replace(':', '.')}" if end else text


def item_line(item: dict[str, Any]) -> str:
    """An item as a notice names it: the title, or for a non-public item only that there is
    one (the e-mail leaves Kansli's access control behind)."""
    title = item["title"] if item["public"] else NOT_PUBLIC
    return f"{item['number']}. {title}" + (" – utgår" if item["withdrawn"] else "")


def snapshot(meeting: Meeting, items: list[AgendaItem]) -> dict[str, Any]:
    """The meeting and its agenda as a notice states them, JSON-ready."""
    return {
        "date": meeting.date.isoformat(),
        "start_time": f"{meeting.start_time:%H:%M}",
        "end_time": f"{meeting.end_time:%H:%M}" if meeting.end_time else None,
        "place": meeting.place,
        "absence_contact": meeting.absence_contact,
        "cancelled": meeting.is_cancelled,
        "cancellation_reason": meeting.cancellation_reason,
        "items": [
            {
                "id": item.pk,
                "number": item.number,
                "title": item.title,
                "public": item.is_public,
                "withdrawn": item.is_withdrawn,
            }
            for item in sorted(items, key=lambda i: i.number)
        ],
    }


def _when(state: dict[str, Any]) -> str:
    day = datetime.date.fromisoformat(state["date"])
    return f"{day_text(day)} {time_text(state['start_time'], state['end_time'])}"


def changes_between(sent: dict[str, Any], now: dict[str, Any]) -> list[str]:
    """What changed from the meeting as sent to the meeting now, one sentence each; empty when
    nothing a member needs to know changed."""
    if now["cancelled"] and not sent.get("cancelled"):
        reason = now.get("cancellation_reason") or ""
        return ["Sammanträdet är inställt" + (f": {reason}" if reason else ".")]
    changes = []
    if (sent["date"], sent["start_time"], sent["end_time"]) != (
        now["date"],
        now["start_time"],
        now["end_time"],
    ):
        changes.append(f"Ny tid: {_when(now)} (tidigare {_when(sent)}).")
    if sent["place"] != now["place"]:
        changes.append(f"Ny plats: {now['place']} (tidigare {sent['place']}).")
    if sent.get("absence_contact", "") != now.get("absence_contact", ""):
        changes.append(f"Förhinder anmäls nu till: {now['absence_contact'] or '–'}.")
    before = {item["id"]: item for item in sent["items"]}
    after = {item["id"]: item for item in now["items"]}
    for item in now["items"]:
        old = before.get(item["id"])
        if old is None:
            changes.append(f"Nytt ärende på dagordningen: {item_line(item)}.")
        elif item["withdrawn"] and not old["withdrawn"]:
            changes.append(f"Ärendet utgår: {item_line({**item, 'withdrawn': False})}.")
        elif old["withdrawn"] and not item["withdrawn"]:
            changes.append(f"Ärendet är åter på dagordningen: {item_line(item)}.")
        elif old["title"] != item["title"] and item["public"]:
            changes.append(f"Ny rubrik på punkt {item['number']}: {item['title']}.")
    for item in sent["items"]:
        if item["id"] not in after:
            changes.append(f"Struket från dagordningen: {item_line(item)}.")
    kept = [i for i in now["items"] if i["id"] in before]
    if [before[i["id"]]["number"] for i in kept] != sorted(
        before[i["id"]]["number"] for i in kept
    ) or any(before[i["id"]]["number"] != i["number"] for i in kept):
        changes.append("Dagordningen har ny ordning och numrering (se nedan).")
    return changes
