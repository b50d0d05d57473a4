"""One file in, what it holds out: a notice, a standalone memo or minutes — or problems."""

from . import recognisers as r
from .attachments import split_attachments
from .blocks import Block, to_blocks
from .memo import parse_memo
from .minutes import is_minutes, parse_minutes
from .notice import read_agenda, read_dividers, read_header
from .parsed import Meeting, ParsedFile
from .problems import check_meeting, check_memo, check_minutes
from .source import decode


def read_file(name: str, data: bytes, encoding: str | None = None) -> ParsedFile:
    """Everything a file holds, with its problems; what a dry run prints."""
    parsed = ParsedFile(name)
    text, problems = decode(name, data, encoding)
    if text is None:
        parsed.problems.extend(problems)
        return parsed
    read_text(parsed, text)
    return parsed


def read_text(parsed: ParsedFile, text: str) -> None:
    blocks = to_blocks(text)
    if not blocks:
        parsed.error(1, "Filen innehåller ingen text att läsa in.")
        return
    lines = text.split("\n")
    if is_minutes(blocks):
        minutes = parse_minutes(blocks, parsed)
        check_minutes(minutes, parsed)
        parsed.minutes.append(minutes)
        return
    meeting = Meeting(line=1)
    agenda = read_header(blocks, parsed, meeting)
    if agenda < len(blocks):
        end = read_agenda(blocks, agenda, parsed, meeting)
        parsed.memos.extend(read_dividers(blocks, end, lines, parsed, meeting))
        check_meeting(meeting, blocks, parsed)
        parsed.meetings.append(meeting)
        for memo in parsed.memos:
            check_memo(memo, parsed, meeting)
        return
    if _is_memo(blocks):
        memo, end = parse_memo(blocks, 0, len(blocks))
        if memo.case_number:
            memo.case_number = r.normalise_case_number(memo.case_number)
        if memo.organization is None and memo.formula:
            memo.organization = memo.formula.split(" ")[0]
        memo.attachments = split_attachments(blocks, end, len(blocks), lines, memo.basis[1:])
        parsed.memos.append(memo)
        check_memo(memo, parsed, None)
        return
    parsed.error(
        1,
        "Filen liknar varken en kallelse, ett föredragnings-PM eller ett protokoll: inget "
        "numrerat ärende (”1. Rubrik”, ”Ärende 1”), ingen rubrik ”Förslag till beslut” och "
        "ingen paragraf (”§ 1”) hittades.",
    )


def _is_memo(blocks: list[Block]) -> bool:
    return any(r.is_label(block, *r.PROPOSAL_LABELS) for block in blocks)
