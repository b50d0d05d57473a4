"""A meeting notice (kallelse med föredragningslista och handlingar).

Three parts, in order: the header (organ, date, time, place, members called, substitutes
informed), the agenda (one entry per item: number, title, dnr, proposal, summary, basis), and,
per item, a divider ("# 2", the title, the dnr) followed by the item's memo and attachments.
"""

import re

from . import recognisers as r
from .attachments import split_attachments
from .blocks import Block
from .dates import date_in, times_in
from .memo import parse_memo, section_text
from .parsed import Item, Meeting, Memo, ParsedFile, Person
from .people import person_line

MEMBER_LABELS = (
    "ledamöter kallas",
    "ledamöter",
    "ordinarie ledamöter",
    "kallade ledamöter",
    "kallas",
)
SUBSTITUTE_LABELS = (
    "ersättare underrättas",
    "ersättare",
    "ersättare för kännedom",
    "ersättare (för kännedom)",
    "för kännedom till ersättare",
    "underrättas",
)
_WORD = re.compile(r"\w+")


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


def similar(a: str, b: str) -> bool:
    """Two titles are the same title, give or take a spelling or a line break."""
    first, second = _words(a), _words(b)
    if not first or not second:
        return False
    return len(first & second) / max(len(first), len(second)) >= 0.6


def read_header(blocks: list[Block], parsed: ParsedFile, meeting: Meeting) -> int:
    """Read the header; return the index of the first agenda item."""
    people: list[Person] | None = None
    role = "ledamot"
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if item_start(blocks, index) is not None:
            break
        index += 1
        if (value := r.labelled(block, ("sammanträde med", "kallelse till"))) is not None:
            if not value and index < len(blocks):
                value = blocks[index].text
                index += 1
            meeting.organization = meeting.organization or value
            continue
        if (value := r.labelled(block, ("plats och tid",))) is not None:
            _place_and_time(value, meeting)
            continue
        if (value := r.labelled(block, ("sammanträdesdatum", "datum"))) is not None:
            meeting.date = meeting.date or date_in(value)
            continue
        if (value := r.labelled(block, ("tid", "tidpunkt"))) is not None:
            meeting.date = meeting.date or date_in(value)
            start, end = times_in(value)
            meeting.start, meeting.end = meeting.start or start, meeting.end or end
            continue
        if (value := r.labelled(block, ("plats", "lokal"))) is not None:
            meeting.place = meeting.place or value or None
            continue
        if (value := r.labelled(block, MEMBER_LABELS)) is not None:
            people, role = meeting.members, "ledamot"
            _add_people(value.split("\n") if value else [], people, role, block, parsed)
            continue
        if (value := r.labelled(block, SUBSTITUTE_LABELS)) is not None:
            people, role = meeting.substitutes, "ersattare"
            continue
        if people is not None and block.kind in ("paragraph", "item"):
            if all(person_line(line) for line in block.lines):
                _add_people(list(block.lines), people, role, block, parsed)
                continue
            people = None
        if meeting.organization is None and block.kind in ("paragraph", "heading"):
            meeting.organization = r.organ_name(block.text)
    return index


def _place_and_time(value: str, meeting: Meeting) -> None:
    meeting.date = meeting.date or date_in(value)
    start, end = times_in(value)
    meeting.start, meeting.end = meeting.start or start, meeting.end or end
    place = value.split(",")[0] if date_in(value.split(",")[0]) is None else None
    meeting.place = meeting.place or (place.strip() if place else None)


def _add_people(
    lines: list[str], people: list[Person], role: str, block: Block, parsed: ParsedFile
) -> None:
    for offset, line in enumerate(lines):
        found = person_line(line)
        if found is None:
            parsed.warn(block.line + offset, f"”{line[:60]}” är ingen person med parti.")
            continue
        people.append(Person(found.name, found.party, found.role or role))


def item_start(blocks: list[Block], index: int) -> tuple[r.Heading, int] | None:
    """An agenda item begins here: a heading-like "N. Titel" or "Ärende N"; a plain "N. Titel"
    (read as a one-entry list) only when a dnr or a proposal follows."""
    block = blocks[index]
    heading = r.item_heading(block)
    if heading is None and block.kind == "item" and block.ordinal is not None:
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if following is not None and (
            r.case_number_value(following.lines[0]) is not None
            or r.is_label(following, *r.PROPOSAL_LABELS)
        ):
            heading = r.Heading(block.ordinal, block.text)
    if heading is None:
        return None
    if not heading.title and index + 1 < len(blocks):
        following = blocks[index + 1]
        if not r.is_label_text(following.lines[0]):
            return r.Heading(heading.number, following.text), 2
    return heading, 1


def read_agenda(blocks: list[Block], start: int, parsed: ParsedFile, meeting: Meeting) -> int:
    """Read the agenda; return the index of the first divider (or the end)."""
    item: Item | None = None
    state = ""
    summary: list[Block] = []
    seen: dict[int, int] = {}
    index = start
    while index < len(blocks):
        block = blocks[index]
        if item is not None and divider_at(blocks, index, meeting.items) is not None:
            break
        start_of_item = item_start(blocks, index)
        if start_of_item is not None:
            heading, used = start_of_item
            _finish(item, summary)
            summary = []
            if heading.number in seen:
                parsed.error(
                    block.line,
                    f"Ärende {heading.number} finns redan på rad {seen[heading.number]}: "
                    "två ärenden kan inte ha samma nummer.",
                )
            seen.setdefault(heading.number, block.line)
            item = Item(heading.number, heading.title, block.line)
            meeting.items.append(item)
            state = "title"
            index += used
            continue
        index += 1
        if item is None:
            continue
        value = r.case_number_value(block.lines[0]) if block.kind != "item" else None
        if value is not None and len(block.lines) == 1 and item.case_number is None:
            if not value and index < len(blocks):
                value = blocks[index].text
                index += 1
            item.case_number = _case_number(value, block, parsed)
            continue
        if r.is_label(block, *r.PROPOSAL_LABELS):
            state = "proposal"
        elif r.section_name(block) == "Sammanfattning":
            state = "summary"
        elif r.is_label(block, *r.BASIS_LABELS):
            state = "basis"
        elif state in ("title", "proposal") and block.kind in ("paragraph", "item"):
            if r.is_clause(block.text):
                item.clauses.append(r.clause_text(block))
                state = "proposal"
            elif item.formula is None and not item.clauses and r.is_formula(block.text):
                item.formula = block.text
                state = "proposal"
        elif state == "summary" and not r.is_page_number(block):
            summary.append(block)
        elif state == "basis" and block.kind in ("paragraph", "item"):
            item.basis.extend(block.lines)
    _finish(item, summary)
    return index


def _finish(item: Item | None, summary: list[Block]) -> None:
    if item is not None and summary:
        item.summary = section_text(summary)
        item.summary_plain = "\n\n".join(block.text for block in summary)


def _case_number(value: str, block: Block, parsed: ParsedFile) -> str | None:
    number = r.normalise_case_number(value)
    if not r.is_case_number(number):
        parsed.error(block.line, r.unknown_case_number(value))
        return None
    return number


def divider_at(blocks: list[Block], index: int, items: list[Item]) -> Item | None:
    """The item whose divider page begins at `index`: its number alone ("# 2", "7"),
    then its title or its dnr within the next three blocks."""
    number = r.number_only(blocks[index])
    if number is None:
        return None
    item = next((i for i in items if i.number == number), None)
    if item is None:
        return None
    for following in blocks[index + 1 : index + 4]:
        text = following.text
        if item.case_number and r.normalise_case_number(text).endswith(item.case_number):
            return item
        if similar(text, item.title):
            return item
    return None


def read_dividers(
    blocks: list[Block], start: int, lines: list[str], parsed: ParsedFile, meeting: Meeting
) -> list[Memo]:
    """The memo (and attachments) of every item that has a divider page."""
    starts: list[tuple[int, Item]] = []
    last = 0
    for index in range(start, len(blocks)):
        item = divider_at(blocks, index, meeting.items)
        if item is not None and item.number > last:
            starts.append((index, item))
            last = item.number
    memos: list[Memo] = []
    for position, (begin, item) in enumerate(starts):
        stop = starts[position + 1][0] if position + 1 < len(starts) else len(blocks)
        body = _skip_divider(blocks, begin + 1, stop, item)
        memo, memo_end = parse_memo(blocks, body, stop)
        looks_like_memo = memo.formula or memo.clauses or memo.sections or memo.signatory
        if not looks_like_memo:
            memo_end = body
            memo = memo_from_agenda(item, meeting)
        complete(memo, item, meeting)
        if item.formula is None and not item.clauses:
            item.formula, item.clauses = memo.formula, list(memo.clauses)
        memo.attachments = split_attachments(blocks, memo_end, stop, lines, memo.basis[1:])
        memos.append(memo)
    with_pages = {memo.item for memo in memos}
    for item in meeting.items:
        if item.number not in with_pages and item.case_number:
            memo = memo_from_agenda(item, meeting)
            complete(memo, item, meeting)
            memos.append(memo)
    memos.sort(key=lambda memo: memo.item or 0)
    return memos


def _skip_divider(blocks: list[Block], index: int, stop: int, item: Item) -> int:
    """Past the divider's title and dnr lines."""
    for _ in range(3):
        if index >= stop:
            break
        text = blocks[index].text
        if r.normalise_case_number(text) == item.case_number or r.is_case_number(text):
            index += 1
            break
        if similar(text, item.title) or r.case_number_at_end(text):
            index += 1
            continue
        break
    return index


def memo_from_agenda(item: Item, meeting: Meeting) -> Memo:
    """An item without memo pages: its memo is what the agenda says of it."""
    memo = Memo(line=item.line, item=item.number, title=item.title, source="dagordning")
    memo.formula, memo.clauses = item.formula, list(item.clauses)
    if item.summary:
        memo.sections["Sammanfattning"] = item.summary
        memo.plain_sections["Sammanfattning"] = item.summary_plain
    memo.basis = list(item.basis)
    memo.case_number = item.case_number
    return memo


def complete(memo: Memo, item: Item, meeting: Meeting) -> None:
    """Fill what the memo pages leave out from the agenda and the meeting."""
    memo.item = item.number
    memo.organization = memo.organization or meeting.organization
    memo.meeting_date = memo.meeting_date or meeting.date
    memo.case_number = memo.case_number or item.case_number
    if memo.case_number:
        memo.case_number = r.normalise_case_number(memo.case_number)
    memo.title = memo.title or item.title
    if memo.formula is None and not memo.clauses:
        memo.formula, memo.clauses = item.formula, list(item.clauses)
    if not memo.basis:
        memo.basis = list(item.basis)
