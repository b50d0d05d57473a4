"""Rendering a meeting book: the Typst frame, then the attachments merged into it."""

import io
from collections.abc import Callable

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from kansli.core.pdf import render_pdf

from ..models import BookEdition
from .assemble import assemble
from .data import BookData
from .public_edition import public_file

TEMPLATE = "meetings/typst/book.typ"

# Called with (percent, step) as the build goes on.
Progress = Callable[[int, str], None]


class BookError(Exception):
    """A book that cannot be built, with a message in Swedish naming the cause."""


def _open_attachments(book: BookData, progress: Progress) -> list[PdfReader]:
    readers = []
    total = len(book.attachments)
    for index, attachment in enumerate(book.attachments):
        document = attachment.document
        name = f"{document.number} ({attachment.title})"
        file = document.file
        if book.edition == BookEdition.PUBLIC:
            # The public edition carries the public version: masked where the privacy
            # step masked anything (kansli.publishing, through public_edition).
            chosen = public_file(document)
            file = chosen[0] if chosen else file
        try:
            with file.open("rb") as handle:
                data = handle.read()
        except (FileNotFoundError, OSError, ValueError) as error:
            raise BookError(
                f"Bilagan {name} till ärende {attachment.item_number} saknas i arkivet: "
                "filen finns inte längre. Registrera handlingen på nytt eller ta bort den "
                "från beslutsunderlaget."
            ) from error
        try:
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                raise BookError(f"Bilagan {name} är krypterad och kan inte fogas in.")
            len(reader.pages)
        except (PyPdfError, ValueError, KeyError) as error:
            raise BookError(
                f"Bilagan {name} är en skadad PDF-fil och kan inte fogas in."
            ) from error
        readers.append(reader)
        progress(
            5 + int(25 * (index + 1) / max(total, 1)), f"Läser bilagor ({index + 1} av {total})"
        )
    return readers


def render_book(book: BookData, progress: Progress | None = None) -> tuple[bytes, int]:
    """The finished PDF of a book and its page count."""
    report = progress or (lambda percent, step: None)
    report(5, "Läser bilagor")
    readers = _open_attachments(book, report)
    data = dict(book.data)
    counts = iter(len(reader.pages) for reader in readers)
    data["items"] = [
        {**item, "attachments": [{**a, "pages": next(counts)} for a in item["attachments"]]}
        for item in data["items"]
    ]
    report(35, "Sätter kallelse, föredragningslista och PM")
    frame = render_pdf(TEMPLATE, data, tagged=False)
    report(60, "Fogar in bilagorna")

    def merged(index: int, total: int) -> None:
        report(60 + int(35 * index / max(total, 1)), "Fogar in bilagorna")

    pdf, pages = assemble(frame, readers, merged)
    report(97, "Sparar")
    return pdf, pages
