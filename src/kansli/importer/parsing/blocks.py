"""The text of a file as a flat list of blocks, read with a real Markdown parser.

Text converted from PDF is Markdown-like: headings with levels chosen at random, bold used as a
heading, lines ending in two spaces (hard breaks), HTML tables. markdown-it-py (CommonMark, HTML
blocks on, pipe tables on) turns it into tokens; this module flattens them into blocks that keep
their line numbers, their lines and whether they were written as a heading or in bold — what the
recognisers need, and nothing else.
"""

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

# Indented text is no code in a PDF export, nor is "> " a quotation: those rules are off (and
# the parse is faster without them).
_PARSER = (
    MarkdownIt("commonmark", {"html": True, "linkify": False, "typographer": False})
    .enable("table")
    .disable(["code", "fence", "blockquote", "reference", "image", "autolink", "backticks"])
)
_TAG = re.compile(r"<[^>]{0,500}>")
_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f]+")
_SPACE_RUN = re.compile(r"[\t\u00a0\u2000-\u200b\u202f]|  ")
_SENTENCE_END = re.compile(r"[.:!?;)”\"]$")


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph, heading, list entry, HTML block or table of the file.

    kind: "heading", "paragraph", "item" (an entry of a list), "html", "table" or "rule".
    line, end: first line (1-based) and the line after the block, in the file.
    lines: the text split where the file broke the line, markup removed, spaces collapsed.
    strong: every letter is bold (a heading written as bold text).
    ordinal: the number an ordered list gave the entry, else None.
    """

    kind: str
    level: int
    line: int
    end: int
    lines: tuple[str, ...]
    strong: bool = False
    ordinal: int | None = None

    @property
    def text(self) -> str:
        return " ".join(self.lines)

    @property
    def emphasised(self) -> bool:
        """Written as a heading or in bold: what PDF conversion makes of a heading."""
        return self.kind == "heading" or (self.strong and self.kind in ("paragraph", "item"))


def _clean(text: str) -> str:
    if _SPACE_RUN.search(text) is None:  # most lines: nothing to collapse
        return text.strip()
    return _SPACE.sub(" ", text).strip()


def _inline(token: Token) -> tuple[tuple[str, ...], bool]:
    """The lines of an inline token and whether all its letters are bold."""
    lines: list[str] = []
    current: list[str] = []
    strong = 0
    bold_letters = plain_letters = 0
    for child in token.children or ():
        kind = child.type
        if kind == "strong_open":
            strong += 1
        elif kind == "strong_close":
            strong -= 1
        elif kind in ("softbreak", "hardbreak"):
            lines.append("".join(current))
            current = []
        elif kind in ("text", "code_inline"):
            current.append(child.content)
            if any(c.isalnum() for c in child.content):
                if strong > 0:
                    bold_letters += 1
                else:
                    plain_letters += 1
        elif kind == "image":
            current.append(child.content)
    lines.append("".join(current))
    cleaned = tuple(line for line in (_clean(line) for line in lines) if line)
    return cleaned, bold_letters > 0 and plain_letters == 0


def _html_lines(content: str) -> tuple[str, ...]:
    text = _TAG.sub(" ", content)
    return tuple(line for line in (_clean(line) for line in text.split("\n")) if line)


def to_blocks(text: str) -> list[Block]:
    """The blocks of a text, in file order; empty paragraphs are dropped."""
    tokens = _PARSER.parse(text)
    blocks: list[Block] = []
    index = 0
    ordinals: list[int | None] = []
    count = len(tokens)
    while index < count:
        token = tokens[index]
        kind = token.type
        if kind == "heading_open":
            inline = tokens[index + 1]
            lines, _ = _inline(inline)
            if lines and token.map:
                level = int(token.tag[1])
                blocks.append(
                    Block("heading", level, token.map[0] + 1, token.map[1] + 1, lines, True)
                )
            index += 3
            continue
        if kind == "ordered_list_open":
            ordinals.append(int(token.attrGet("start") or 1) - 1)
        elif kind == "bullet_list_open":
            ordinals.append(None)
        elif kind in ("ordered_list_close", "bullet_list_close"):
            ordinals.pop()
        elif kind == "list_item_open":
            if ordinals and ordinals[-1] is not None:
                ordinals[-1] += 1
        elif kind == "paragraph_open":
            inline = tokens[index + 1]
            lines, strong = _inline(inline)
            if lines and token.map:
                in_list = bool(ordinals)
                blocks.append(
                    Block(
                        "item" if in_list else "paragraph",
                        0,
                        token.map[0] + 1,
                        token.map[1] + 1,
                        lines,
                        strong,
                        ordinals[-1] if in_list else None,
                    )
                )
            index += 3
            continue
        elif kind == "html_block" and token.map:
            lines = _html_lines(token.content)
            if lines:
                blocks.append(Block("html", 0, token.map[0] + 1, token.map[1] + 1, lines))
        elif kind == "table_open" and token.map:
            end = index
            cells: list[str] = []
            while end < count and tokens[end].type != "table_close":
                if tokens[end].type == "inline":
                    cells.append(_clean(tokens[end].content))
                end += 1
            blocks.append(
                Block("table", 0, token.map[0] + 1, token.map[1] + 1, (" | ".join(cells),))
            )
            index = end + 1
            continue
        elif kind == "hr" and token.map:
            blocks.append(Block("rule", 0, token.map[0] + 1, token.map[1] + 1, ()))
        index += 1
    return join_wrapped(blocks)


def join_wrapped(blocks: list[Block]) -> list[Block]:
    """Join a paragraph that a page break cut in two: the second half starts in lower case and
    the first does not end a sentence ("… av regionstyrelsens" / "uppdrag bedöms …")."""
    joined: list[Block] = []
    for block in blocks:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and block.kind == "paragraph"
            and previous.kind in ("paragraph", "item")
            and not block.strong
            and block.lines[0][:1].islower()
            and not block.lines[0].startswith("att ")
            and not _SENTENCE_END.search(previous.lines[-1])
        ):
            merged = (
                *previous.lines[:-1],
                f"{previous.lines[-1]} {block.lines[0]}",
                *block.lines[1:],
            )
            joined[-1] = Block(
                previous.kind,
                previous.level,
                previous.line,
                block.end,
                merged,
                previous.strong,
                previous.ordinal,
            )
            continue
        joined.append(block)
    return joined
