"""Minutes (protokoll): the header fields, then "§ N" paragraphs, then the certificate of
posting (Anslag/Bevis)."""

import re

from . import recognisers as r
from .blocks import Block
from .dates import date_in, times_in
from .parsed import Minutes, MinutesParagraph, ParsedFile, Present
from .people import person_line, replacement_line

_PLACE_TIME = ("plats och tid", "plats och tid för sammanträdet", "tid och plats")
_DECIDING = ("beslutande", "beslutande ledamöter", "närvarande beslutande")
_SERVING = ("tjänstgörande ersättare", "tjänstgörande ersättare:")
_OTHERS = (
    "övriga närvarande",
    "övriga deltagande",
    "ej tjänstgörande ersättare",
    "närvarande ersättare",
    "övriga",
    "paragrafer",
    "underskrifter",
)
_ADJUSTERS = ("justerare", "justerande", "utses att justera", "justerare:")
_ADJUSTMENT = ("justeringens plats och tid", "justeringens tid och plats", "justering")
_SECRETARY = ("sekreterare",)
_CERTIFICATE = ("anslag/bevis", "anslag / bevis", "bevis", "anslag", "anslagsbevis")
_DECISION = re.compile(r"^(?:beslut|beslutet|[\w\s-]+s beslut)$", re.IGNORECASE)
_OTHER_SECTIONS = (
    "sammanfattning",
    "ärendebeskrivning",
    "beslutsunderlag",
    "yrkanden",
    "yrkande",
    "propositionsordning",
    "reservation",
    "reservationer",
    "protokollsanteckning",
    "beslutet skickas till",
    "skickas till",
    "expedieras till",
    "ärendet",
    "bakgrund",
    "jäv",
    "omröstning",
)
_PARTY = re.compile(r"\s*\([^)]*\)\s*$")


def is_minutes(blocks: list[Block]) -> bool:
    """Minutes have "§ N" paragraphs and one of their header labels."""
    has_paragraph = any(r.paragraph_heading(b) for b in blocks[:400])
    labels = _DECIDING + _ADJUSTERS + _CERTIFICATE + _PLACE_TIME
    has_label = any(r.labelled(b, labels) is not None for b in blocks[:400])
    return has_paragraph and has_label


def parse_minutes(blocks: list[Block], parsed: ParsedFile) -> Minutes:
    minutes = Minutes(line=blocks[0].line if blocks else 1)
    index = _read_header(blocks, minutes)
    _read_paragraphs(blocks, index, minutes, parsed)
    return minutes


def _names(lines: list[str]) -> list[str]:
    names = []
    for line in (part for text in lines for part in text.split("\n")):
        for part in re.split(r"\s*(?:,| och )\s*", line):
            name = _PARTY.sub("", part).strip()
            if r.is_name(name):
                names.append(name)
    return names


def _read_header(blocks: list[Block], minutes: Minutes) -> int:
    state = ""
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if r.paragraph_heading(block) is not None and not _is_range(block):
            break
        index += 1
        value = r.labelled(block, _PLACE_TIME)
        if value is not None:
            text = value or (blocks[index].text if index < len(blocks) else "")
            if not value:
                index += 1
            minutes.date = minutes.date or date_in(text)
            minutes.start, minutes.end = times_in(text)
            place = re.split(r",?\s*(?:\d{4}-\d{2}-\d{2}|\d{1,2} \w+ \d{4}|kl\.?)", text)[0]
            minutes.place = place.strip(" ,") or None
            state = ""
            continue
        if (value := r.labelled(block, ("sammanträdesdatum", "datum"))) is not None:
            minutes.date = minutes.date or date_in(value or _next_text(blocks, index))
            continue
        if (value := r.labelled(block, _DECIDING)) is not None:
            state = "deciding"
            _deciding(value.split("\n") if value else [], minutes)
            continue
        if (value := r.labelled(block, _SERVING)) is not None:
            state = "serving"
            _serving(value.split("\n") if value else [], minutes)
            continue
        if (value := r.labelled(block, _ADJUSTMENT)) is not None:
            minutes.adjustment = value or _next_text(blocks, index)
            state = ""
            continue
        if (value := r.labelled(block, _ADJUSTERS)) is not None:
            state = "adjusters"
            _add_adjusters(_names([value]) if value else [], minutes)
            continue
        if (value := r.labelled(block, _SECRETARY)) is not None and value:
            minutes.secretary = minutes.secretary or next(iter(_names([value])), None)
            continue
        if r.labelled(block, _OTHERS) is not None:
            state = ""
            continue
        if state == "deciding" and block.kind in ("paragraph", "item"):
            _deciding(list(block.lines), minutes)
        elif state == "serving" and block.kind in ("paragraph", "item"):
            _serving(list(block.lines), minutes)
        elif state == "adjusters" and block.kind in ("paragraph", "item"):
            _add_adjusters(_names(list(block.lines)), minutes)
            state = ""
        elif minutes.organization is None and block.kind in ("paragraph", "heading"):
            minutes.organization = r.organ_name(block.text)
    return index


def _add_adjusters(names: list[str], minutes: Minutes) -> None:
    minutes.adjusters.extend(name for name in names if name not in minutes.adjusters)


def _serving(lines: list[str], minutes: Minutes) -> None:
    for line in lines:
        found = replacement_line(line)
        if found is not None:
            who, whom = found
            minutes.present.append(Present(who.name, who.party, whom))


def _next_text(blocks: list[Block], index: int) -> str:
    return blocks[index].text if index < len(blocks) else ""


def _is_range(block: Block) -> bool:
    """ "§§ 45–48" or "Paragrafer § 45-48" in the header is no paragraph."""
    return bool(re.match(r"^§\s*§|^§\s*\d+\s*[-–]\s*\d+\s*$", block.lines[0]))


def _deciding(lines: list[str], minutes: Minutes) -> None:
    for line in lines:
        replacement = replacement_line(line)
        if replacement is not None:
            who, whom = replacement
            minutes.present.append(Present(who.name, who.party, whom))
            continue
        found = person_line(line)
        if found is None:
            continue
        minutes.present.append(Present(found.name, found.party))
        if found.role == "ordforande" and minutes.chair is None:
            minutes.chair = found.name


def _read_paragraphs(blocks: list[Block], index: int, minutes: Minutes, parsed: ParsedFile) -> None:
    paragraph: MinutesParagraph | None = None
    state = ""
    decision: dict[str, list[str]] = {}
    seen: dict[int, int] = {}
    while index < len(blocks):
        block = blocks[index]
        index += 1
        if r.labelled(block, _CERTIFICATE) is not None and len(block.lines) <= 2:
            _finish(paragraph, decision)
            paragraph = None
            state = "certificate"
            continue
        if state == "certificate":
            if (value := r.labelled(block, ("organ",))) is not None and not minutes.organization:
                minutes.organization = value or _next_text(blocks, index)
            continue
        heading = r.paragraph_heading(block)
        if heading is not None:
            _finish(paragraph, decision)
            title = heading.title
            if not title and index < len(blocks) and not r.is_label_text(blocks[index].lines[0]):
                title = blocks[index].text
                index += 1
            if heading.number in seen:
                parsed.error(
                    block.line,
                    f"§ {heading.number} finns redan på rad {seen[heading.number]}: "
                    "två paragrafer kan inte ha samma nummer.",
                )
            seen.setdefault(heading.number, block.line)
            paragraph = MinutesParagraph(heading.number, title, block.line)
            minutes.paragraphs.append(paragraph)
            decision = {"formula": [], "clauses": [], "prose": []}
            state = "body"
            continue
        if paragraph is None:
            continue
        value = r.case_number_value(block.lines[0]) if len(block.lines) == 1 else None
        if value is not None and paragraph.case_number is None:
            number = r.normalise_case_number(value)
            if r.is_case_number(number):
                paragraph.case_number = number
            else:
                parsed.error(block.line, r.unknown_case_number(value))
            continue
        if len(block.lines) == 1 and _DECISION.match(block.lines[0].rstrip(":")):
            state = "decision"
            decision = {"formula": [], "clauses": [], "prose": []}
            continue
        if r.is_label(block, *r.PROPOSAL_LABELS):
            state = "proposal"
            continue
        if r.is_label(block, *_OTHER_SECTIONS) or r.section_name(block) is not None:
            state = "other"
            continue
        if state in ("body", "proposal", "decision") and block.kind in ("paragraph", "item"):
            text = block.text
            if r.is_clause(text):
                decision["clauses"].append(r.clause_text(block))
            elif r.is_formula(text) and not decision["clauses"]:
                decision["formula"] = [text]
            elif state == "decision" and not decision["clauses"]:
                decision["prose"].append(text)
    _finish(paragraph, decision)


def _finish(paragraph: MinutesParagraph | None, decision: dict[str, list[str]]) -> None:
    if paragraph is None:
        return
    paragraph.formula = decision["formula"][0] if decision.get("formula") else None
    paragraph.clauses = list(decision.get("clauses", []))
    if paragraph.clauses or paragraph.formula:
        parts = ([paragraph.formula] if paragraph.formula else []) + paragraph.clauses
        paragraph.decision = "\n\n".join(parts)
    else:
        paragraph.decision = "\n\n".join(decision.get("prose", []))
