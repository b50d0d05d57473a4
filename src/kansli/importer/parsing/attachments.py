"""What follows an item's memo — a motion, a report, a form — as documents of the case."""

import re

from .blocks import Block
from .parsed import Attachment

_WORD = re.compile(r"\w{2,}")

# A part shorter than this that names no entry of the beslutsunderlag is a letterhead or a
# stamp before the document's title, not a document of its own.
_SHORT = 1500


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def names_entry(heading: str, entry: str) -> bool:
    """A heading is the title of an entry of the beslutsunderlag: the entry begins with it, or
    most of the heading's words (at least two) are in the entry."""
    head, named = _words(heading), _words(entry)
    if not head or not named:
        return False
    if named[: len(head)] == head:
        return True
    overlap = len(set(head) & set(named))
    return overlap >= 2 and overlap / len(set(head)) >= 0.6


def split_attachments(
    blocks: list[Block], start: int, stop: int, lines: list[str], basis: list[str]
) -> list[Attachment]:
    """The blocks from `start` to `stop` as attachments, split where a heading names an entry
    of the beslutsunderlag (the memo's own entry excluded); each part is described by its entry,
    or else by its first heading."""
    if start >= stop:
        return []
    unused = list(basis)
    cuts: list[list[object]] = [[start, None]]
    for index in range(start, stop):
        block = blocks[index]
        if block.kind != "heading":
            continue
        entry = next((e for e in unused if names_entry(block.text, e)), None)
        if entry is None:
            continue
        unused.remove(entry)
        current = cuts[-1]
        begin = int(current[0])  # type: ignore[call-overload]
        characters = sum(len(b.text) for b in blocks[begin:index])
        if index == begin or (current[1] is None and characters < _SHORT):
            current[1] = entry
        else:
            cuts.append([index, entry])
    if len(cuts) == 1 and cuts[0][1] is None and len(basis) == 1:
        cuts[0][1] = basis[0]
    attachments = []
    for position, (begin_value, description) in enumerate(cuts):
        begin = int(begin_value)  # type: ignore[call-overload]
        end = int(cuts[position + 1][0]) if position + 1 < len(cuts) else stop  # type: ignore[call-overload]
        text = "\n".join(lines[blocks[begin].line - 1 : blocks[end - 1].end - 1]).strip()
        if not text:
            continue
        if description is None:
            heading = next((b.text for b in blocks[begin:end] if b.emphasised), "")
            description = heading or blocks[begin].text
        attachments.append(Attachment(str(description)[:500], text, blocks[begin].line))
    return attachments
