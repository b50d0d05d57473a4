"""The text of a PDF: every page's text, the annotations on it (comments, text boxes,
links) and the values of filled-in form fields, all of which a published PDF shows."""

import itertools
import re
from typing import IO, Any

from pypdf import PageObject, PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, StreamObject

from kansli.core.formatting import format_number

from .text_bombs import cut_reason

PAGE_BREAK = "\n\f\n"
# Pages read automatically; a longer file is reviewed by a person.
MAX_PAGES = 5_000
_TAGS = re.compile(r"<[^>]*>")


def pdf_text(stream: IO[bytes], limit: int, max_pages: int = MAX_PAGES) -> tuple[str, str]:
    """The text, and why not all of it was read (empty when it was): a page gives no text
    (a scanned page) or cannot be read, the form is an XFA form (its data is XML that is not
    read), the file carries attachments, it has more than `max_pages` pages, or the text
    passes `limit` characters."""
    reader = PdfReader(stream)
    form = _resolved(reader.root_object.get("/AcroForm"))
    reason = ""
    if isinstance(form, DictionaryObject) and "/XFA" in form:
        reason = "PDF-filen är ett XFA-formulär, vars data inte läses automatiskt."
    elif reader.attachments:
        reason = "PDF-filen har bifogade filer, som inte läses automatiskt."
    count = len(reader.pages)
    if count > max_pages:
        reason = (
            f"PDF-filen har {format_number(count)} sidor; de första {format_number(max_pages)} "
            "har lästs automatiskt."
        )
    chunks: list[str] = []
    size = 0
    unread = 0
    for page in itertools.islice(reader.pages, max_pages):
        page_text, page_read = _page_text(page)
        unread += not page_read
        chunks.append(page_text)
        size += len(page_text)
        if size > limit:
            return PAGE_BREAK.join(chunks), cut_reason(limit)
    if unread and not reason:
        reason = (
            f"{format_number(unread)} av {format_number(count)} sidor saknar läsbar text "
            "(skannade sidor, bilder) eller är skadade."
        )
    fields = "\n".join(_field_values(reader))
    if fields:
        chunks.append(fields)
    return PAGE_BREAK.join(chunks), reason


def page_count(stream: IO[bytes]) -> int | None:
    """The number of pages, or None when the file cannot be read as a PDF."""
    try:
        return len(PdfReader(stream).pages)
    except Exception:
        # Deliberately broad: pypdf raises many kinds of error on a damaged file.
        return None


def _page_text(page: PageObject) -> tuple[str, bool]:
    """A page's text followed by its annotations' texts; False when the page itself gave
    no readable text, or something on it could not be read."""
    text, notes = "", []
    try:
        text = page.extract_text() or ""
        annotations = _resolved(page.get("/Annots"))
        if isinstance(annotations, ArrayObject):
            notes = [_annotation_text(annotation) for annotation in annotations]
    except Exception:
        # Deliberately broad: pypdf raises many kinds of error on a damaged page. The page
        # counts as not read (what was read is kept), and the other pages are still read.
        return text, False
    return "\n".join(filter(None, [text, *notes])), _readable(text)


def _readable(text: str) -> bool:
    """Not empty, and not the control characters and replacement marks that a font without
    a usable character map gives."""
    letters = [c for c in text if not c.isspace()]
    garbage = sum(1 for c in letters if c == "\ufffd" or not c.isprintable())
    return bool(letters) and garbage * 10 <= len(letters)


def _annotation_text(reference: Any) -> str:
    """What an annotation shows: its text (a comment, a FreeText box), its author (not for a
    form field's widget, whose /T is the field's name), its rich text, a link's address."""
    annotation = _resolved(reference)
    keys = ["/Contents"] if annotation.get("/Subtype") == "/Widget" else ["/Contents", "/T"]
    texts = [_string(annotation.get(key)) for key in keys]
    texts.append(_string(annotation.get("/RC"), markup=True))
    action = _resolved(annotation.get("/A"))
    if isinstance(action, DictionaryObject):
        texts.append(_string(action.get("/URI")))
    return "\n".join(filter(None, texts))


def _field_values(reader: PdfReader) -> list[str]:
    """The values of the form's fields: filled-in text, chosen options."""
    values: list[str] = []
    for field in (reader.get_fields() or {}).values():
        value = _resolved(field.get("/V"))
        items = value if isinstance(value, ArrayObject) else [value]
        values.extend(_string(item) for item in items)
        values.append(_string(field.get("/RV"), markup=True))
    return list(filter(None, values))


def _string(value: Any, *, markup: bool = False) -> str:
    """A PDF string or stream as text; for rich text (XHTML) without its tags. Names (a
    checkbox's /Yes) are not text."""
    value = _resolved(value)
    if isinstance(value, NameObject) or value is None:
        return ""
    if isinstance(value, StreamObject):
        value = value.get_data()
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    if not isinstance(value, str):
        return ""
    return _TAGS.sub(" ", value) if markup else value


def _resolved(value: Any) -> Any:
    return value.get_object() if value is not None and hasattr(value, "get_object") else value
