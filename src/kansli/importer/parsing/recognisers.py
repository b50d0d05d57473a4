"""Small named recognisers: each reads one block (or line) and says what it is, or None.

They know the ways Swedish notices, memos and minutes write the same thing: "Diarienummer:",
"Darienummer:" (a typo the corpus has), "Dnr KS 2018/124"; "1. Titel", "Ärende 4", "§ 235";
times "kl. 09:30-12:00" and "kl. 13.15–16.30"; dates "2020-08-26" and "26 augusti 2020".
"""

import datetime
import re
from dataclasses import dataclass

from kansli.people.case_numbers import PRESETS, CaseNumberFormat

from .blocks import Block
from .text import fold

_FORMATS = [CaseNumberFormat(pattern) for pattern in PRESETS]

# ---------------------------------------------------------------- case numbers

_CASE_LABEL = re.compile(
    r"^(?:diarienummer|darienummer|diarienr|dnr|dnr\.|diarie\s*nr)\s*[:.]?\s*(?P<value>.*)$",
    re.IGNORECASE,
)
# What a case number can look like in any of the preset formats, to find one inside a line.
_CASE_SHAPE = re.compile(
    r"(?<![\w/])(?:\d{2}[A-ZÅÄÖ]{1,12}\d{1,7}|[A-ZÅÄÖ]{1,12} \d{4}/\d{1,7}"
    r"|[A-ZÅÄÖ]{1,12}/\d{4}:\d{1,7}|\d{4}/\d{1,7})(?![\w/:-])"
)


def case_number_value(text: str) -> str | None:
    """The text after a case-number label ("Diarienummer: 20RS6617", "Dnr KS 2018/124"),
    or None when the line has no such label."""
    match = _CASE_LABEL.match(text.strip())
    if match is None:
        return None
    return match["value"].strip()


def is_case_number(text: str) -> bool:
    """The text is a case number in one of the known formats."""
    value = " ".join(text.split()).upper()
    for fmt in _FORMATS:
        try:
            fmt.parse(value, today=datetime.date(2100, 1, 1))
        except ValueError:
            continue
        return True
    return False


def case_number_at_end(text: str) -> tuple[str, str] | None:
    """("Title", "20RS3926") when a title line ends in a case number, as the corpus's
    divider for item 9 does; else None."""
    match = _CASE_SHAPE.search(text)
    if match is None or match.end() != len(text.rstrip()) or match.start() == 0:
        return None
    number = match.group(0)
    if not is_case_number(number):
        return None
    return text[: match.start()].strip(" ,–-"), number


def normalise_case_number(text: str) -> str:
    return " ".join(text.split()).upper()


def unknown_case_number(value: str) -> str:
    """The problem of a case number in no known format."""
    return (
        f"”{value[:60]}” är inget diarienummer i ett känt format (till exempel 20RS6617, "
        "KS 2018/124, KSKF/2014:1 eller 2015/123)."
    )


# ---------------------------------------------------------------- items and paragraphs

_ITEM = re.compile(r"^(?:ärende|punkt)\s+(?P<n>\d{1,3})\b[\s.:–-]*(?P<title>.*)$", re.IGNORECASE)
_NUMBERED = re.compile(r"^(?P<n>\d{1,3})\s*\.\s+(?P<title>\S.*)$")
_PARAGRAPH = re.compile(r"^§\s*(?P<n>\d{1,4})\b[\s.:–-]*(?P<title>.*)$")
_NUMBER_ONLY = re.compile(r"^(?:#\s*)?(?P<n>\d{1,3})$")


@dataclass(frozen=True)
class Heading:
    number: int
    title: str  # empty when the title stands in the next block


def item_heading(block: Block) -> Heading | None:
    """An agenda item's heading: "2. Anmälan av motion …" written as a heading or in bold,
    "Ärende 4 Budget" in any markup, or a one-entry numbered list (how "1. Titel" in plain
    text is read)."""
    if block.kind not in ("heading", "paragraph", "item"):
        return None
    text = block.lines[0]
    match = _ITEM.match(text)
    if match:
        return Heading(int(match["n"]), _title(match["title"], block))
    if block.kind == "item" and block.ordinal is not None and block.strong:
        return Heading(block.ordinal, block.text)
    if block.emphasised:
        match = _NUMBERED.match(text)
        if match and not _looks_like_sentence(match["title"]):
            return Heading(int(match["n"]), _title(match["title"], block))
    return None


def paragraph_heading(block: Block) -> Heading | None:
    """A paragraph of minutes: "§ 45 Budget" (any markup) or "§ 45" with the title below."""
    if block.kind not in ("heading", "paragraph", "item"):
        return None
    match = _PARAGRAPH.match(block.lines[0])
    if match is None:
        return None
    return Heading(int(match["n"]), _title(match["title"], block))


def number_only(block: Block) -> int | None:
    """A block that is only a number: an item's divider page ("# 2") or a page number."""
    if len(block.lines) != 1 or block.kind not in ("heading", "paragraph"):
        return None
    match = _NUMBER_ONLY.match(block.lines[0])
    return int(match["n"]) if match else None


def _title(first: str, block: Block) -> str:
    rest = [line for line in block.lines[1:]]
    return " ".join([first.strip(), *rest]).strip()


def _looks_like_sentence(text: str) -> bool:
    return len(text) > 400


# ---------------------------------------------------------------- labels

_SECTION_NAMES: dict[str, str] = {
    "sammanfattning": "Sammanfattning",
    "sammanfattning av ärendet": "Sammanfattning",
    "ärendebeskrivning": "Ärendebeskrivning",
    "ärendet": "Ärendebeskrivning",
    "bakgrund": "Ärendebeskrivning",
    "beskrivning av ärendet": "Ärendebeskrivning",
    "beredning": "Beredning",
    "beredning och samverkan": "Beredning",
    "bedömning": "Bedömning",
    "förvaltningens bedömning": "Bedömning",
    "kontorets bedömning": "Bedömning",
    "förvaltningens synpunkter": "Bedömning",
    "konsekvenser för miljö-, barn- och jämställdhetsperspektiven": (
        "Konsekvenser för miljö-, barn- och jämställdhetsperspektiven"
    ),
    "konsekvenser för miljö, barn och jämställdhet": (
        "Konsekvenser för miljö-, barn- och jämställdhetsperspektiven"
    ),
    "konsekvenser": "Konsekvenser för miljö-, barn- och jämställdhetsperspektiven",
    "ekonomiska konsekvenser": "Ekonomiska konsekvenser",
    "ekonomi": "Ekonomiska konsekvenser",
    "ekonomiska konsekvenser och finansiering": "Ekonomiska konsekvenser",
    "finansiering": "Ekonomiska konsekvenser",
    "uppföljning": "Uppföljning",
    "uppföljning och utvärdering": "Uppföljning",
}


def section_name(block: Block) -> str | None:
    """The standard memo section a heading opens ("Bakgrund" → "Ärendebeskrivning")."""
    if block.kind not in ("heading", "paragraph") or len(block.lines) > 1:
        return None
    return _SECTION_NAMES.get(fold(block.lines[0]))


def is_label(block: Block, *names: str) -> bool:
    """The block is one of these labels ("Förslag till beslut", "Beslutsunderlag" …), in any
    markup, with or without a colon."""
    if block.kind not in ("heading", "paragraph", "item") or not block.lines:
        return False
    return fold(block.lines[0]) in names and (len(block.lines) == 1 or block.kind != "heading")


PROPOSAL_LABELS = ("förslag till beslut", "förslag till beslut i korthet", "förslag")
BASIS_LABELS = ("beslutsunderlag", "underlag", "handlingar")
SEND_TO_LABELS = ("skickas till", "beslutet skickas till", "expedieras till", "sändlista")

# ---------------------------------------------------------------- formula and clauses

_FORMULA = re.compile(
    r"^(?P<actor>[A-ZÅÄÖ][\w\s.,-]{1,120}?)\s+(?:beslutar|föreslår\s+.{1,120}?\s+(?:att\s+)?besluta)"
    r"(?:\s*,\s*under\s+förutsättning\s+att\s+.+)?\s*[.:]?$"
)
_CLAUSE = re.compile(r"^[-–•]?\s*att\s+\S", re.IGNORECASE)


def is_formula(text: str) -> bool:
    """ "Regionstyrelsen beslutar", "Kommunstyrelsen föreslår kommunfullmäktige besluta"."""
    return len(text) < 300 and bool(_FORMULA.match(text.strip()))


def is_clause(text: str) -> bool:
    return bool(_CLAUSE.match(text))


def clause_text(block: Block) -> str:
    return re.sub(r"^[-–•]\s*", "", block.text)


_ORGAN_WORDS = re.compile(
    r"(?:styrelse|styrelsen|nämnd|nämnden|fullmäktige|utskott|utskottet|beredningen|"
    r"rådet|presidiet|direktionen|kommittén)$",
    re.IGNORECASE,
)


def organ_name(text: str) -> str | None:
    """The text names a political body ("Regionstyrelsen", "Kommunstyrelsens arbetsutskott",
    "Tekniska nämnden"): short, and ends in an organ word."""
    text = " ".join(text.split()).strip(" :")
    if not text or len(text) > 80 or not text[0].isupper():
        return None
    return text if _ORGAN_WORDS.search(text) else None


_PAGE_NUMBER = re.compile(r"^(?:sida\s+)?\d{1,3}(?:\s*\(\d{1,3}\)|\s*(?:av|/)\s*\d{1,3})?$", re.I)


def is_page_number(block: Block) -> bool:
    """A page number the conversion left: "7", "3 (12)", "Sida 2 av 5"."""
    return len(block.lines) == 1 and bool(_PAGE_NUMBER.match(block.lines[0]))


# ---------------------------------------------------------------- "Label value" blocks


def labelled_text(text: str, names: tuple[str, ...]) -> str | None:
    """`labelled` for one line of text."""
    if fold(text) in names:
        return ""
    lowered = text.casefold()
    for name in names:
        if lowered.startswith(name) and len(text) > len(name) and text[len(name)] in ": \t":
            return text[len(name) :].lstrip(" :\t")
    return None


def labelled(block: Block, names: tuple[str, ...]) -> str | None:
    """The value of a labelled block (its lines apart), as a converted PDF writes it:
    "Sammanträdesdatum" + line break + "2020-08-26", "Plats: Hörsal L1", "Dnr KS 2018/124".
    "" when the block is only the label (the value is in the next block); None when the block
    does not start with one of these labels."""
    if block.kind not in ("heading", "paragraph", "item") or not block.lines:
        return None
    first = block.lines[0]
    folded = fold(first)
    if folded in names:
        return "\n".join(block.lines[1:]).strip()
    lowered = first.casefold()
    for name in names:
        if lowered.startswith(name) and len(first) > len(name):
            rest = first[len(name) :]
            if rest[0] in ": \t":
                value = rest.lstrip(" :\t")
                return "\n".join([value, *block.lines[1:]]).strip()
    return None


_NAME = re.compile(r"^[A-ZÅÄÖÉ][a-zåäöéü'-]+(?:[ -](?:af |von |de )?[A-ZÅÄÖÉ][a-zåäöéü'-]+){1,3}$")
_TITLE = re.compile(r"^[A-ZÅÄÖ][a-zåäöé/ ,-]{2,60}$")


def signature(lines: tuple[str, ...]) -> tuple[str, str] | None:
    """ "Rickard Simonsson" + "Regiondirektör": a name line and a title line."""
    if len(lines) != 2:
        return None
    name, title = lines
    if _NAME.match(name) and _TITLE.match(title) and not is_label_text(title):
        return name, title
    return None


def is_name(text: str) -> bool:
    return bool(_NAME.match(text))


def is_title(text: str) -> bool:
    return bool(_TITLE.match(text)) and not is_label_text(text)


def is_label_text(text: str) -> bool:
    return fold(text) in _ALL_LABELS


HEADER_OFFICIAL = ("tjänsteställe, handläggare", "tjänsteställe/handläggare", "handläggare")
HEADER_DATE = ("sammanträdesdatum", "sammanträdets datum", "sammanträde")
HEADER_KIND = (
    "föredragningspm",
    "föredragnings-pm",
    "tjänsteskrivelse",
    "tjänsteutlåtande",
    "beslutsförslag",
)
HEADER_CASE = ("dnr", "diarienummer", "darienummer", "diarienr", "dnr.")
HEADER_OWN_DATE = ("datum",)

_ALL_LABELS = frozenset(
    (
        *PROPOSAL_LABELS,
        *BASIS_LABELS,
        *SEND_TO_LABELS,
        *HEADER_OFFICIAL,
        *HEADER_DATE,
        *HEADER_KIND,
        *HEADER_CASE,
        *_SECTION_NAMES,
    )
)
