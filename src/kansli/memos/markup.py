"""The safe Markdown subset that memo sections are written in.

Text is parsed with markdown-it-py (CommonMark, raw HTML off, pipe tables on) and reduced to a
small block model of plain dictionaries — paragraphs, lists and tables whose cells and items are
runs of text marked strong or emphasised. Everything else Markdown knows (headings, links,
images, code, quotes) is kept as its plain text. The model is the only thing the renderers see:
the HTML templates escape it, the Typst templates receive it as JSON data, so no text a user
typed is ever interpreted as markup by either.

    {"type": "paragraph", "runs": [{"text": "…", "strong": false, "emph": false}, …]}
    {"type": "list", "ordered": false, "items": [[run, …], …]}
    {"type": "table", "header": [[run, …], …], "rows": [[[run, …], …], …], "align": ["left", …]}
"""

import re
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

Run = dict[str, Any]
Block = dict[str, Any]

_PARSER = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable(
    "table"
)

# Longest text accepted in one section, in characters (a 40-page report is an attachment).
MAX_SECTION_CHARS = 50_000


def _runs(inline: Token) -> list[Run]:
    """Text runs of one inline token; formatting other than strong/emphasis is dropped."""
    runs: list[Run] = []
    strong = emph = 0
    for child in inline.children or []:
        kind = child.type
        if kind == "strong_open":
            strong += 1
        elif kind == "strong_close":
            strong -= 1
        elif kind == "em_open":
            emph += 1
        elif kind == "em_close":
            emph -= 1
        elif kind in ("softbreak", "hardbreak"):
            _append(runs, " ", strong, emph)
        elif kind in ("text", "code_inline", "html_inline") or kind == "image":
            _append(runs, child.content, strong, emph)
    return runs


def _append(runs: list[Run], text: str, strong: int, emph: int) -> None:
    if not text:
        return
    mark = {"strong": strong > 0, "emph": emph > 0}
    if runs and runs[-1]["strong"] == mark["strong"] and runs[-1]["emph"] == mark["emph"]:
        runs[-1]["text"] += text
    else:
        runs.append({"text": text, **mark})


def _plain(text: str) -> list[Run]:
    return [{"text": text, "strong": False, "emph": False}] if text else []


def parse(text: str) -> list[Block]:
    """The block model of a section's text."""
    tokens = _PARSER.parse(text.replace("\r\n", "\n").replace("\x00", ""))
    blocks: list[Block] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            index, block = _list(tokens, index)
            blocks.append(block)
            continue
        if kind == "table_open":
            index, block = _table(tokens, index)
            blocks.append(block)
            continue
        if kind == "inline" and token.level <= 2:
            # Paragraphs, headings and quoted text alike become paragraphs.
            runs = _runs(token)
            heading = index > 0 and tokens[index - 1].type == "heading_open"
            if heading:
                runs = [{**run, "strong": True} for run in runs]
            if runs:
                blocks.append({"type": "paragraph", "runs": runs})
        elif kind in ("fence", "code_block"):
            for line in token.content.strip("\n").split("\n\n"):
                if line.strip():
                    blocks.append({"type": "paragraph", "runs": _plain(" ".join(line.split()))})
        index += 1
    return blocks


def _list(tokens: list[Token], index: int) -> tuple[int, Block]:
    """A list; nested lists are flattened into the items of the outer one."""
    ordered = tokens[index].type == "ordered_list_open"
    start = int(tokens[index].attrGet("start") or 1) if ordered else 1
    depth = 0
    items: list[list[Run]] = []
    while index < len(tokens):
        token = tokens[index]
        if token.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
            if depth == 0:
                break
        elif token.type == "list_item_open":
            items.append([])
        elif token.type == "inline" and items:
            if items[-1]:
                _append(items[-1], " ", False, False)
            for run in _runs(token):
                _append(items[-1], run["text"], run["strong"], run["emph"])
        index += 1
    return index + 1, {"type": "list", "ordered": ordered, "start": start, "items": items}


def _table(tokens: list[Token], index: int) -> tuple[int, Block]:
    header: list[list[Run]] = []
    rows: list[list[list[Run]]] = []
    align: list[str] = []
    in_head = False
    while index < len(tokens):
        token = tokens[index]
        if token.type == "table_close":
            break
        if token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "th_open":
            style = str(token.attrGet("style") or "")
            align.append("right" if "right" in style else "center" if "center" in style else "left")
        elif token.type == "tr_open" and not in_head:
            rows.append([])
        elif token.type == "inline":
            cell = _runs(token)
            (header if in_head else rows[-1]).append(cell)
        index += 1
    return index + 1, {"type": "table", "header": header, "rows": rows, "align": align}


def runs_text(runs: list[Run]) -> str:
    return "".join(run["text"] for run in runs)


def plain_text(blocks: list[Block]) -> str:
    """The blocks as plain text, one line per paragraph, item or table row."""
    lines: list[str] = []
    for block in blocks:
        if block["type"] == "paragraph":
            lines.append(runs_text(block["runs"]))
        elif block["type"] == "list":
            lines.extend(runs_text(item) for item in block["items"])
        elif block["type"] == "table":
            for row in [block["header"], *block["rows"]]:
                lines.append(" | ".join(runs_text(cell) for cell in row))
    return "\n".join(lines)


_SPECIAL = set("\\`*_[]<>#|~!&")
_BLOCK_START = re.compile(r"^(\s*)(\d+(?=[.)])|[-+=])")


def escape(text: str) -> str:
    """Text a program puts into a section (a report line, a name) made literal: every character
    Markdown could read as markup is backslash-escaped (CommonMark escapes any ASCII
    punctuation), and so is a line start that would open a list ("- ", "1. ", "2) "), so parse()
    gives back exactly `text` as plain runs."""
    escaped = "".join(f"\\{char}" if char in _SPECIAL else char for char in text)
    return _BLOCK_START.sub(
        lambda m: m.group(0) + "\\" if m.group(2)[0].isdigit() else m.group(1) + "\\" + m.group(2),
        escaped,
    )
