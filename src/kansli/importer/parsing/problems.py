"""What a file must hold to be imported, and the memo validation of what it holds."""

from kansli.memos.models import SectionKey
from kansli.memos.rules import formula_parts
from kansli.memos.validation import MemoContent, MemoContext, memo_content_problems

from .blocks import Block
from .parsed import Meeting, Memo, Minutes, ParsedFile

# The standard section headings the reading uses, and their keys.
SECTION_KEYS = {key.label: key for key in SectionKey}


def check_meeting(meeting: Meeting, blocks: list[Block], parsed: ParsedFile) -> None:
    """A notice names its organ and date and holds complete items."""
    if meeting.organization is None:
        parsed.error(
            1,
            "Kallelsen saknar organ: väntade ”Sammanträde med:” eller organets namn "
            "(till exempel ”Kommunstyrelsen”) före första ärendet.",
        )
    if meeting.date is None:
        parsed.error(
            1,
            "Kallelsen saknar sammanträdesdatum: väntade till exempel "
            "”Sammanträdesdatum: 2020-08-26” före första ärendet.",
        )
    if not meeting.items:
        parsed.error(1, "Kallelsen har inga ärenden: väntade ”1. Rubrik” eller ”Ärende 1”.")
        return
    last = meeting.items[-1]
    if last.formula is not None and not last.clauses:
        parsed.error(
            last.line,
            f"Ärende {last.number} slutar efter beslutsformeln utan någon att-sats: "
            "filen verkar avklippt mitt i ärendet.",
        )
    elif blocks and blocks[-1].line == last.line:
        parsed.error(
            last.line,
            f"Ärende {last.number} har bara en rubrik: filen verkar avklippt mitt i ärendet.",
        )
    elif blocks and blocks[-1].lines[-1].rstrip().endswith((",", " att", " och", " samt")):
        parsed.error(
            blocks[-1].line,
            "Filen slutar mitt i en mening: den verkar avklippt. Exportera hela dokumentet.",
        )


def check_minutes(minutes: Minutes, parsed: ParsedFile) -> None:
    if minutes.organization is None:
        parsed.error(1, "Protokollet saknar organ: väntade organets namn i protokollets huvud.")
    if minutes.date is None:
        parsed.error(
            1,
            "Protokollet saknar sammanträdesdatum: väntade ”Sammanträdesdatum” eller "
            "”Plats och tid” med ett datum.",
        )
    if not minutes.paragraphs:
        parsed.error(1, "Protokollet har inga paragrafer: väntade ”§ 1 Rubrik”.")


def check_memo(memo: Memo, parsed: ParsedFile, meeting: Meeting | None) -> None:
    """Run the memo validation (the one that keeps a memo off an agenda) on what was read;
    its problems are warnings: the memo is imported as a draft to be mended."""
    if meeting is None:
        if memo.case_number is None:
            parsed.error(memo.line, "Föredragnings-PM:et saknar diarienummer (”Dnr …”).")
        if memo.organization is None:
            parsed.error(memo.line, "Föredragnings-PM:et saknar organ.")
        if memo.meeting_date is None:
            parsed.error(memo.line, "Föredragnings-PM:et saknar sammanträdesdatum.")
    route = [memo.organization or ""]
    parts = formula_parts(memo.formula or "")
    if parts is not None and parts[1] is not None:
        route.append(parts[1])
    context = MemoContext(
        meeting_date=meeting.date if meeting else memo.meeting_date,
        case_number=_item_case(memo, meeting) or memo.case_number or "",
        route=route,
    )
    content = MemoContent(
        meeting_date=memo.meeting_date,
        case_number=memo.case_number or "",
        title=memo.title,
        formula=memo.formula or "",
        clauses=memo.clauses,
        sections={SECTION_KEYS[k]: v for k, v in memo.sections.items() if k in SECTION_KEYS},
        basis=memo.basis,
        signatory_name=memo.signatory[0] if memo.signatory else "",
        signatory_title=memo.signatory[1] if memo.signatory else "",
        recipients=memo.send_to,
        plain_sections={
            SECTION_KEYS[k]: v for k, v in memo.plain_sections.items() if k in SECTION_KEYS
        },
    )
    memo.problems = [problem.message for problem in memo_content_problems(content, context)]
    where = f"ärende {memo.item}" if memo.item is not None else "föredragnings-PM:et"
    for message in memo.problems:
        parsed.warn(memo.line, f"{where.capitalize()}: {message}")


def _item_case(memo: Memo, meeting: Meeting | None) -> str | None:
    if meeting is None or memo.item is None:
        return None
    item = next((i for i in meeting.items if i.number == memo.item), None)
    return item.case_number if item else None
