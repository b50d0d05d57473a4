"""A briefing memo (föredragnings-PM, tjänsteskrivelse) read from a run of blocks.

The memo is read in order: its header (unit and official, meeting date, dnr, organ — which a
page break may repeat anywhere later, and which is then skipped), the title, the proposal
(formula and att-clauses), the sections, the beslutsunderlag, the signature and "Skickas till".
What follows "Skickas till" is not the memo: the caller attaches it as documents.
"""

import re
from dataclasses import dataclass

from . import recognisers as r
from .blocks import Block
from .dates import date_in
from .parsed import Memo

_SECTION = "section"
_DATED = re.compile(r"\d{1,4}\s?[/-]\s?\d{1,2}\s?[/-]\s?\d{2,4}")


@dataclass
class _Header:
    """Header fields seen so far."""

    organization: str | None = None
    official: str | None = None
    unit: str | None = None
    meeting_date_text: str | None = None
    case_number: str | None = None


def header_block(blocks: list[Block], index: int, header: _Header) -> int:
    """How many blocks from `index` form a memo header field (0 when none); the fields are
    stored in `header` when not yet set."""
    block = blocks[index]
    following = blocks[index + 1] if index + 1 < len(blocks) else None

    def value_of(value: str) -> tuple[str, int]:
        if value:
            return value, 1
        if following is not None and following.kind in ("paragraph", "heading"):
            return following.text, 2
        return "", 1

    if len(block.lines) > 1 and block.kind == "paragraph" and _page_header(block):
        for line in block.lines:
            case = r.case_number_value(line)
            if case and header.case_number is None:
                header.case_number = case
        return 1
    kind = r.labelled(block, r.HEADER_KIND)
    if kind is not None and (not kind or r.case_number_value(kind) is not None):
        # "FöredragningsPM" + line break + "Dnr: 20RS6617"
        case = r.case_number_value(kind) if kind else None
        if case and header.case_number is None:
            header.case_number = case
        return 1
    value = r.labelled(block, r.HEADER_OFFICIAL)
    if value is not None:
        text, used = value_of(value)
        if header.official is None and header.unit is None and text:
            unit, comma, name = text.rpartition(",")
            if comma and r.is_name(name.strip()):
                header.unit, header.official = unit.strip() or None, name.strip()
            elif r.is_name(text):
                header.official = text
            else:
                header.unit = text
        return used
    value = r.labelled(block, r.HEADER_DATE)
    if value is not None:
        text, used = value_of(value)
        if date_in(text) is None:
            return 0
        if header.meeting_date_text is None:
            header.meeting_date_text = text
        return used
    value = r.labelled(block, r.HEADER_OWN_DATE)
    if value is not None and len(block.lines) <= 2:
        text, used = value_of(value)
        return used if date_in(text) is not None else 0
    case = r.case_number_value(block.lines[0]) if block.kind != "item" else None
    if case is not None and len(block.lines) == 1:
        if not case and following is not None:
            case, used = following.text, 2
        else:
            used = 1
        if header.case_number is None and case:
            header.case_number = case
        return used
    value = r.labelled(block, ("organ",))
    if value is not None:
        text, used = value_of(value)
        if header.organization is None and text:
            header.organization = text
        return used
    return 0


def _page_header(block: Block) -> bool:
    """A memo's page header in one block: "Exempelby kommun / Tjänsteskrivelse / Datum … /
    Dnr …", short lines, one of them the kind of document."""
    kinds = [line for line in block.lines if r.labelled_text(line, r.HEADER_KIND) == ""]
    labels = [
        line
        for line in block.lines
        if r.labelled_text(line, (*r.HEADER_CASE, *r.HEADER_OWN_DATE, *r.HEADER_DATE))
    ]
    return bool(kinds) and bool(labels) and all(len(line) < 80 for line in block.lines)


def parse_memo(blocks: list[Block], start: int, stop: int) -> tuple[Memo, int]:
    """The memo in blocks[start:stop] and the index where what follows it begins."""
    memo = Memo(line=blocks[start].line if start < stop else 0)
    header = _Header()
    state = "header"
    section: str | None = None
    texts: dict[str, list[Block]] = {}
    index = start
    memo_end = stop
    while index < stop:
        block = blocks[index]
        used = header_block(blocks, index, header)
        if used:
            index += used
            continue
        if state == "header" and block.kind in ("paragraph", "heading") and not memo.title:
            organ = r.organ_name(block.text)
            if organ and header.organization is None and block.kind != "heading":
                header.organization = organ
                index += 1
                continue
        if r.is_label(block, *r.PROPOSAL_LABELS):
            state, section = "proposal", None
        elif (name := r.section_name(block)) is not None:
            state, section = _SECTION, name
            texts.setdefault(name, [])
        elif r.labelled(block, r.BASIS_LABELS) is not None and len(block.lines) <= 1:
            state, section = "basis", None
        elif (recipients := r.labelled(block, r.SEND_TO_LABELS)) is not None:
            memo.send_to.extend(_lines(recipients))
            index = _read_recipients(blocks, index + 1, stop, header, memo)
            memo_end = index
            break
        elif state == "header":
            if block.emphasised and not r.is_page_number(block):
                memo.title = memo.title or block.text
            elif memo.title == "" and block.kind == "paragraph" and r.is_formula(block.text):
                state = "proposal"
                continue
        elif state == "proposal":
            _read_proposal(block, memo)
        elif state == _SECTION and section is not None:
            if not r.is_page_number(block):
                texts[section].append(block)
        elif state == "basis":
            found = r.signature(block.lines)
            if found is None and _two_block_signature(blocks, index, stop):
                found = (block.text, blocks[index + 1].text)
                index += 1
            if found is not None:
                memo.signatory = found
                state = "signed"
            elif not r.is_page_number(block):
                memo.basis.extend(
                    _lines(block.text if block.kind == "html" else "\n".join(block.lines))
                )
        index += 1
    memo.organization = header.organization
    memo.official = header.official
    memo.unit = header.unit
    memo.case_number = header.case_number
    if header.meeting_date_text:
        memo.meeting_date = date_in(header.meeting_date_text)
    memo.sections = {name: section_text(parts) for name, parts in texts.items() if parts}
    memo.plain_sections = {
        name: "\n\n".join(block.text for block in parts) for name, parts in texts.items() if parts
    }
    return memo, memo_end


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def _two_block_signature(blocks: list[Block], index: int, stop: int) -> bool:
    """A name paragraph and a title paragraph, directly before "Skickas till" or the end."""
    if index + 1 >= stop:
        return False
    name, title = blocks[index], blocks[index + 1]
    if len(name.lines) != 1 or len(title.lines) != 1:
        return False
    if not (r.is_name(name.text) and r.is_title(title.text)):
        return False
    after = blocks[index + 2] if index + 2 < stop else None
    return after is None or r.labelled(after, r.SEND_TO_LABELS) is not None


def _read_proposal(block: Block, memo: Memo) -> None:
    if block.kind in ("paragraph", "item") and r.is_clause(block.text):
        memo.clauses.append(r.clause_text(block))
    elif memo.formula is None and not memo.clauses and r.is_formula(block.text):
        memo.formula = block.text


def _read_recipients(
    blocks: list[Block], index: int, stop: int, header: _Header, memo: Memo
) -> int:
    """Read the recipient lines after "Skickas till"; return where the memo ends.

    They end at a heading (an attachment begins), or at a page break (three or more blank
    lines) that is not followed by a repeated memo header."""
    previous_end = blocks[index - 1].end if index > 0 else 0
    after_header = False
    while index < stop:
        block = blocks[index]
        if r.labelled(block, ("organ",)) is not None:
            break  # a form's or a letter's stamp, not the memo's header
        used = header_block(blocks, index, header)
        if used:
            index += used
            previous_end = blocks[index - 1].end
            after_header = True
            continue
        if block.kind in ("heading", "html", "table", "rule"):
            break
        if block.line - previous_end >= 3 and memo.send_to and not after_header:
            break  # a page break, and no repeated header: the memo has ended
        if any(len(line) > 160 or _DATED.search(line) for line in block.lines):
            break  # a letter or a stamp begins: recipients carry no dates
        if r.is_page_number(block):
            break
        for line in block.lines:
            if memo.send_to and (
                line[:1].islower() or memo.send_to[-1].endswith((" samt", " och"))
            ):
                memo.send_to[-1] = f"{memo.send_to[-1]} {line}"
            else:
                memo.send_to.append(line)
        previous_end = block.end
        after_header = False
        index += 1
    return index


def section_text(blocks: list[Block]) -> str:
    """Blocks as one section's text: paragraphs apart, list entries line by line."""
    parts: list[str] = []
    previous: Block | None = None
    for block in blocks:
        text = _markdown(block)
        if parts and previous is not None and previous.kind == block.kind == "item":
            parts[-1] += "\n" + text
        else:
            parts.append(text)
        previous = block
    return "\n\n".join(parts)


def _markdown(block: Block) -> str:
    """A block as text of the memo sections' safe Markdown subset."""
    if block.kind == "item":
        prefix = f"{block.ordinal}. " if block.ordinal is not None else "- "
        return prefix + " ".join(block.lines)
    if block.kind == "heading" or block.strong:
        return f"**{block.text}**"
    return "\n".join(block.lines) if block.kind == "paragraph" else block.text
