"""The meetings' own stages of a meeting (kansli.meetings.stages): the agenda, the memos, the
meeting book, the notice to members and — for a council — the announcement on the notice
board."""

from dataclasses import replace

from django.urls import reverse

from kansli.core.roles import Viewer
from kansli.memos.models import MemoStatus
from kansli.people.models import OrganizationKind

from . import rules, selectors
from .book.data import book_data
from .locks import agenda_lock
from .models import AgendaItem, BookEdition, BookStatus, Meeting, MeetingBook
from .permissions import MAKE_BOOKS
from .stages import Stage


def _url(meeting: Meeting, anchor: str) -> str:
    return f"{reverse('meetings:meeting_detail', args=[meeting.pk])}#{anchor}"


def meeting_stages(meeting: Meeting, viewer: Viewer | None) -> list[Stage]:
    if meeting.is_cancelled:
        return [
            Stage(
                "cancelled",
                "Inställt",
                None,
                meeting.cancellation_reason or "Sammanträdet är inställt.",
            )
        ]
    items = [
        i
        for i in AgendaItem.objects.filter(meeting=meeting).select_related("memo")
        if not i.is_withdrawn
    ]
    held = agenda_lock(meeting) is not None  # the minutes are started
    stages = [_agenda(meeting, items), _memos(meeting, items)]
    stages.append(_book(meeting, MAKE_BOOKS(viewer) and not held))
    stages.append(_notice(meeting, viewer, held))
    if meeting.organization.kind == OrganizationKind.COUNCIL:
        stages.append(_announcement(meeting, items))
    if held:
        # The meeting is held (its minutes are started): what was not done before it stays
        # undone, and nothing here is to be done any more.
        stages = [replace(s, done=s.done or None, action="", url="", warning="") for s in stages]
    return stages


def _agenda(meeting: Meeting, items: list[AgendaItem]) -> Stage:
    count = len(items)
    return Stage(
        "agenda",
        "Dagordning",
        count > 0,
        f"{count} {'punkt' if count == 1 else 'punkter'}" if count else "Dagordningen är tom.",
        "Lägg till punkt",
        reverse("meetings:agenda_item_add", args=[meeting.pk]),
    )


def _memos(meeting: Meeting, items: list[AgendaItem]) -> Stage:
    with_case = [i for i in items if i.case_id is not None]
    ready = [i for i in with_case if i.memo is not None and i.memo.status == MemoStatus.READY]
    waiting = next((i for i in with_case if i not in ready), None)
    return Stage(
        "memos",
        "Föredragnings-PM klara",
        len(ready) == len(with_case) if items else None,
        f"{len(ready)} av {len(with_case)}",
        f"PM för punkt {waiting.number}" if waiting else "",
        _url(meeting, f"punkt-{waiting.number}") if waiting else "",
    )


def _book(meeting: Meeting, compare: bool) -> Stage:
    """The latest members' edition; with `compare`, whether the agenda and memos have changed
    since it was built."""
    latest = (
        MeetingBook.objects.filter(meeting=meeting, edition=BookEdition.MEMBERS)
        .order_by("-requested_at", "-pk")
        .first()
    )
    action, url = "Skapa kallelse med handlingar", _url(meeting, "kallelse")
    if latest is None:
        return Stage("book", "Kallelse med handlingar", False, "Inte skapad.", action, url)
    if latest.status in (BookStatus.QUEUED, BookStatus.RUNNING):
        return Stage("book", "Kallelse med handlingar", None, "Skapas just nu.")
    if latest.status == BookStatus.FAILED:
        return Stage("book", "Kallelse med handlingar", False, latest.error, action, url)
    if compare and book_data(meeting, BookEdition.MEMBERS).content_hash != latest.content_hash:
        return Stage(
            "book",
            "Kallelse med handlingar",
            False,
            f"Skapad {latest.finished_at:%Y-%m-%d}, men innehållet har ändrats sedan dess.",
            action,
            url,
        )
    return Stage("book", "Kallelse med handlingar", True, f"{latest.pages or '?'} sidor, aktuell.")


def _notice(meeting: Meeting, viewer: Viewer | None, held: bool) -> Stage:
    organization = meeting.organization
    days = (
        rules.COUNCIL_NOTICE_DAYS
        if organization.kind == OrganizationKind.COUNCIL
        else organization.notice_days
    )
    latest = rules.notice_latest_day(meeting.date, days)
    summary = selectors.notice_summary(viewer=viewer, meeting=meeting)
    url = _url(meeting, "utskick")
    if summary is None:
        return Stage("notice", "Kallelsen skickad", None, f"Senast {latest.isoformat()}.")
    if summary.changes and not held:
        return Stage(
            "notice",
            "Kallelsen skickad",
            False,
            f"Till {summary.sent} av {summary.total}. Ändrat sedan utskicket: "
            + " ".join(summary.changes),
            "Skicka ändringsmeddelande",
            url,
        )
    done = summary.total > 0 and summary.sent == summary.total
    detail = (
        f"Till {summary.sent} av {summary.total}."
        if summary.is_sent
        else f"Inte skickad; senast {latest.isoformat()}."
    )
    missing = summary.total - summary.sent
    warning = (
        f"{missing} saknar kallelse (adress saknas, är ogiltig eller studsade)."
        if summary.is_sent and missing
        else ""
    )
    return Stage(
        "notice",
        "Kallelsen skickad",
        done,
        detail,
        "" if done else "Skicka kallelsen",
        "" if done else url,
        warning,
    )


def _announcement(meeting: Meeting, items: list[AgendaItem]) -> Stage:
    current = selectors.current_announcements(meeting)
    latest = rules.announcement_latest_day(meeting.date)
    url = _url(meeting, "tillkannagivande")
    label = "Tillkännagivet på anslagstavlan"
    if not current:
        return Stage(
            "announcement",
            label,
            False,
            f"Senast {latest.isoformat()} (KL 5 kap. 13 §).",
            "Tillkännage sammanträdet",
            url,
        )
    first = current[0]
    if selectors.announcement_outdated(meeting, current):
        return Stage(
            "announcement",
            label,
            False,
            f"Uppsatt {first.posted_on.isoformat()} med en annan tid eller plats.",
            "Tillkännage på nytt",
            url,
            "Sammanträdet har flyttats efter tillkännagivandet; anslagstavlan visar den gamla "
            "tiden eller platsen tills det tillkännages på nytt.",
        )
    announced = selectors.announced_items(meeting)
    missing = rules.unannounced_items(announced, {i.pk: i.number for i in items})
    late = not rules.announcement_in_time(first.posted_on, meeting.date)
    return Stage(
        "announcement",
        label,
        not missing,
        f"Uppsatt {first.posted_on.isoformat()}"
        + (f" (senast {latest.isoformat()} enligt KL 5 kap. 13 §)" if late else "")
        + ".",
        "Tillkännage brådskande ärenden" if missing else "",
        url if missing else "",
        (
            "Inte tillkännagivna: punkt "
            + ", ".join(str(n) for n in missing)
            + ". Bara tillkännagivna ärenden får avgöras. Ett brådskande ärende som inte "
            "tillkännagetts får avgöras bara om samtliga närvarande ledamöter beslutar det, och "
            "det beslutet förs in i protokollet (KL 5 kap. 52 §)."
        )
        if missing
        else "",
    )
