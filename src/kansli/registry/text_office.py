"""The text of Word, Excel and OpenDocument files: every XML part of the zip that holds
text a reader of the file sees (body, headers, footers, notes, comments, cells).

The XML comes from an upload. A zip bomb is refused from the sizes the zip declares and an
XML part with a document type declaration (where entity bombs live) from its prologue, both
before anything expands (text_bombs.py); ElementTree does not resolve external entities.
The parts' declared sizes are bounded before anything is read (zipfile never yields more
than the declared size), and parsing streams the part, dropping what has been read, so
memory stays small. All of it runs in the box (text_box.py), with limits on time and memory.
"""

import re
import zipfile
from collections.abc import Callable, Iterator
from typing import IO
from xml.etree import ElementTree
from xml.etree.ElementTree import Element

from kansli.core.file_kinds import DOCX, ODS, ODT, XLSX

from .text_bombs import Prologue, Refused, cut_reason, zip_refusal

LineOf = Callable[[Element], str]

# Empty elements that stand for a separator inside a paragraph (Word w:tab, w:br,
# w:noBreakHyphen; OpenDocument text:s, text:tab, text:line-break).
_SEPARATORS = {"tab": " ", "br": " ", "cr": " ", "s": " ", "line-break": " ", "noBreakHyphen": "-"}
# OpenDocument number formats (the "kr" of a currency style): not text of the document
_FORMATS = "{urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0}"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _texts(element: Element) -> Iterator[str]:
    yield _SEPARATORS.get(_local(element.tag), "")
    yield element.text or ""
    for child in element:
        yield from _texts(child)
        yield child.tail or ""


def _joined(element: Element) -> str:
    return "".join(_texts(element))


def _row(row: Element) -> str:
    """A worksheet row, its cells separated by tabs: inline strings, formulas and cached
    values, numbers too (a phone number or personnummer may be stored as one). A shared
    string cell's value is an index into sharedStrings.xml, which is read on its own."""
    cells = []
    for cell in row:
        parts = []
        for part in cell:
            name = _local(part.tag)
            if name == "is":
                parts.append(_joined(part))
            elif name == "f" or (name == "v" and cell.get("t") != "s"):
                parts.append(_number(part.text or ""))
        cells.append(" ".join(filter(None, parts)))
    return "\t".join(filter(None, cells))


def _number(value: str) -> str:
    """A whole number as its digits: 1.98112189876E11 is 198112189876."""
    try:
        number = float(value)
    except ValueError:
        return value
    return str(int(number)) if number.is_integer() and abs(number) < 1e18 else value


_PARAGRAPHS: dict[str, LineOf] = {"p": _joined, "h": _joined}
_COMMENTS: dict[str, LineOf] = {"comment": _joined, "threadedComment": _joined}
_SHEET_NAMES: dict[str, LineOf] = {"sheet": lambda sheet: sheet.get("name", "")}

# Files embedded in an Office file (an attached workbook, an OLE object): not read.
_EMBEDDED = re.compile(r"^(word|xl|ppt)/embeddings/|^Object \d+/|\.(zip|docx|xlsx|odt|ods|pdf)$")

_WORD_PARTS = r"word/(document|header[^/]*|footer[^/]*|footnotes|endnotes|comments)\.xml"
# Per file type: the part that must be there, and the parts read (by name), with the
# elements that make a line of text each.
_PARTS: dict[str, tuple[str, tuple[tuple[str, dict[str, LineOf]], ...]]] = {
    DOCX.content_type: ("word/document.xml", ((_WORD_PARTS, _PARAGRAPHS),)),
    XLSX.content_type: (
        "xl/workbook.xml",
        (
            (r"xl/workbook\.xml", _SHEET_NAMES),
            (r"xl/sharedStrings\.xml", {"si": _joined}),
            (r"xl/worksheets/sheet[^/]*\.xml", {"row": _row}),
            (r"xl/comments[^/]*\.xml|xl/threadedComments/[^/]+\.xml", _COMMENTS),
        ),
    ),
    ODT.content_type: ("content.xml", ((r"content\.xml|styles\.xml", _PARAGRAPHS),)),
    ODS.content_type: ("content.xml", ((r"content\.xml|styles\.xml", _PARAGRAPHS),)),
}
OFFICE_TYPES = frozenset(_PARTS)


def office_text(stream: IO[bytes], content_type: str, limit: int) -> tuple[str, str]:
    """The text, a line per paragraph, row or comment, and why not all of it was read
    (empty when it was): a part is malformed or too large (all parts together may hold 4
    bytes of XML per character of `limit`), the file embeds other files, or the text passes
    `limit` characters. A zip or XML bomb is refused (text_bombs.Refused) before it expands."""
    main, patterns = _PARTS[content_type]
    lines: list[str] = []
    reason = ""
    budget = limit * 4
    size = 0
    with zipfile.ZipFile(stream) as archive:
        refusal = zip_refusal(archive)
        if refusal is not None:
            raise Refused(refusal)
        parts = [
            (info, blocks)
            for info in archive.infolist()
            for pattern, blocks in patterns
            if re.fullmatch(pattern, info.filename)
        ]
        if not any(info.filename == main for info, _ in parts):
            raise KeyError(main)
        if any(_EMBEDDED.search(info.filename) for info in archive.infolist()):
            reason = (
                "Filen innehåller inbäddade filer (bilagor, objekt) som inte läses automatiskt."
            )
        parts.sort(key=lambda part: (part[0].filename != main, part[0].filename))
        for info, blocks in parts:
            if info.file_size > budget:
                reason = (
                    reason or f"Delen {info.filename[:80]} är för stor för att läsas automatiskt."
                )
                continue
            budget -= info.file_size
            try:
                with archive.open(info) as handle:
                    for line in _lines(Prologue(handle, info.filename), blocks):
                        lines.append(line)
                        size += len(line) + 1
                        if size > limit:
                            return "\n".join(lines), cut_reason(limit)
            except ElementTree.ParseError:
                # what came before the error is kept; the rest is unread
                reason = (
                    reason or f"Delen {info.filename[:80]} är skadad och kunde bara läsas delvis."
                )
    return "\n".join(lines), reason


def _lines(handle: IO[bytes] | Prologue, blocks: dict[str, LineOf]) -> Iterator[str]:
    """A line for each outermost block element (a paragraph inside a text box inside a
    paragraph belongs to the outer one), and for any text outside blocks. Elements are
    dropped from the tree once read."""
    path: list[Element] = []
    depth = 0  # block elements open around the current one
    events = ElementTree.iterparse(handle, events=("start", "end"))  # noqa: S314 - see above
    for event, element in events:
        line_of = blocks.get(_local(element.tag))
        if event == "start":
            path.append(element)
            depth += line_of is not None
            continue
        path.pop()
        if line_of is not None:
            depth -= 1
            if depth == 0:
                yield line_of(element)
        elif depth == 0 and _FORMATS not in element.tag and (text := element.text or "").strip():
            yield text
        if depth == 0 and path:
            path[-1].remove(element)
