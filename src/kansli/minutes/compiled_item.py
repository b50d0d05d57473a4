"""An agenda item a workflow compiles from its register: the report of delegated decisions and
communications (delegation), the report of motions and citizen proposals not yet decided
(initiatives). The item is added once — in the year's collective case, or in a new case
registered in a series — with its memo; compiled again, its memo's summary is written anew.
Only while the meeting's minutes are not started (minutes.selectors.meetings_open)."""

from django.core.exceptions import ValidationError
from django.db.models import Q

from kansli.core.models import User
from kansli.meetings.models import AgendaItem, Meeting
from kansli.meetings.services import agenda_item_add, agenda_item_memo_create
from kansli.memos import markup
from kansli.memos.models import SectionKey
from kansli.memos.services import BasisInput, memo_fill
from kansli.registry.models import Case, Series
from kansli.registry.selectors import default_series
from kansli.registry.services import case_register

from .models import MinutesStatus, Paragraph

# The memo's required sections a compiled report has nothing to say in.
_EMPTY_SECTIONS = (SectionKey.CONSEQUENCES, SectionKey.ECONOMY, SectionKey.FOLLOW_UP)


def meeting_open_check(meeting: Meeting) -> None:
    """Refuse a change to a meeting's items once its minutes are adjusted."""
    minutes = getattr(meeting, "minutes", None)
    if minutes is not None and minutes.status == MinutesStatus.ADJUSTED:
        raise ValidationError("Protokollet för sammanträdet är justerat; punkten kan inte ändras.")


def item_open_check(item: AgendaItem) -> None:
    """Refuse a change to an item once the minutes are adjusted, or once its paragraph has been
    written in started minutes (the paragraph copied the item: change it there)."""
    meeting_open_check(item.meeting)
    if Paragraph.objects.filter(agenda_item=item).exists():
        raise ValidationError(
            f"Protokollet för {item.meeting} är påbörjat och punkt {item.number} har en "
            "paragraf; ändra i paragrafen i stället."
        )


def numbered_list(heading: str, lines: list[str]) -> str:
    """ "Heading:" and a numbered Markdown list, each line's text kept literal."""
    items = "\n".join(
        f"{number}. {markup.escape(line)}" for number, line in enumerate(lines, start=1)
    )
    return f"{heading}:\n\n{items}"


def compiled_item_find(meeting: Meeting, *, linked: Q, title: str) -> AgendaItem | None:
    """The meeting's compiled item: the one its register already points at (`linked`), else
    one the secretary put on the agenda by hand under the usual title (filled, not doubled)."""
    items = AgendaItem.objects.filter(meeting=meeting)
    return items.filter(linked).distinct().first() or (
        items.filter(title__iexact=title).order_by("number").first()
    )


def compiled_item_add(
    *,
    actor: User | None,
    meeting: Meeting,
    title: str,
    clauses: list[str],
    case: Case | None,
    series: Series | None,
    case_title: str,
    case_type: str,
) -> AgendaItem:
    """Add the item with its memo, in `case` or in a new case `case_title` in `series` (by
    default the body's default series)."""
    organization = meeting.organization
    if case is not None and case.body_id != organization.body_id:
        raise ValidationError({"case": f"Ärende {case.number} hör till en annan huvudman."})
    if case is None:
        if series is None:
            try:
                series = default_series(organization.body)
            except ValidationError as error:
                raise ValidationError(
                    {
                        "series": "Ange årets samlingsärende eller en diarieserie att "
                        f"registrera ett nytt i. {' '.join(error.messages)}"
                    }
                ) from error
        case = case_register(
            actor=actor,
            body=organization.body,
            series=series,
            title=case_title,
            case_type=case_type,
            organization=organization,
        )
    item = agenda_item_add(
        actor=actor,
        meeting=meeting,
        title=title,
        case=case,
        formula=f"{organization} beslutar",
        clauses=clauses,
    )
    agenda_item_memo_create(actor=actor, item=item)
    item.refresh_from_db()
    return item


def compiled_item_memo(*, actor: User | None, item: AgendaItem) -> AgendaItem:
    """Give an item the secretary put on the agenda by hand its memo, if it has none."""
    if item.memo_id is None:
        if item.case_id is None:
            raise ValidationError(
                f"Punkt {item.number}, {item.title.lower()}, har inget ärende. Ange årets "
                "samlingsärende på punkten först."
            )
        agenda_item_memo_create(actor=actor, item=item)
        item.refresh_from_db()
    return item


def compiled_item_write(
    *, actor: User | None, item: AgendaItem, summary: str, listing: str
) -> None:
    """Write the item's summary; the sections it has nothing for say "Inga." unless the
    secretary wrote them; `listing` is its basis while it has none."""
    assert item.memo is not None
    memo = item.memo
    current = {s.key: s.text for s in memo.sections.all()}
    sections = {SectionKey.SUMMARY.value: summary}
    for key in _EMPTY_SECTIONS:
        sections[key.value] = current.get(key) or "Inga."
    basis = None if memo.basis.exists() else [BasisInput(text=listing)]
    memo_fill(actor=actor, memo=memo, sections=sections, basis=basis)
