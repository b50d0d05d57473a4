"""Assembling the book: the Typst frame's pages with each attachment's own pages merged
unchanged in place of the frame's placeholder pages, and the frame's bookmarks kept."""

import io
import re
from collections.abc import Callable, Iterator
from typing import Any, cast

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject, StreamObject

# The placeholder page size the book template uses (book.typ, PLACEHOLDER), in points.
PLACEHOLDER_POINTS = 123.0

Progress = Callable[[int, int], None]


def is_placeholder(page: PageObject) -> bool:
    box = page.mediabox
    return (
        abs(float(box.width) - PLACEHOLDER_POINTS) < 0.5
        and abs(float(box.height) - PLACEHOLDER_POINTS) < 0.5
    )


def declares_pdf_a(reader: PdfReader) -> bool:
    metadata = cast(DictionaryObject, reader.trailer["/Root"]).get("/Metadata")
    if metadata is None:
        return False
    return b"pdfaid" in metadata.get_object().get_data()


def _outline(reader: PdfReader, entries: Any, depth: int = 0) -> Iterator[tuple[str, int, int]]:
    for entry in entries:
        if isinstance(entry, list):
            yield from _outline(reader, entry, depth + 1)
        else:
            page = reader.get_destination_page_number(entry)
            if page is not None and page >= 0:
                yield str(entry.title), page, depth


_PDFAID = re.compile(
    rb"<pdfaid:(part|conformance)>[^<]*</pdfaid:\1>|pdfaid:(part|conformance)=\"[^\"]*\""
)


def assemble(
    frame: bytes, attachments: list[PdfReader], progress: Progress | None = None
) -> tuple[bytes, int]:
    """The finished book and its page count. The frame must hold exactly as many
    placeholder pages as the attachments have pages together. PDF/A identification is
    kept only when every attachment declares PDF/A itself; otherwise the book does not
    claim it."""
    source = PdfReader(io.BytesIO(frame))
    pages = (page for reader in attachments for page in reader.pages)
    writer = PdfWriter()
    total = len(source.pages)
    for index, frame_page in enumerate(source.pages):
        if is_placeholder(frame_page):
            attached = next(pages, None)
            if attached is None:
                raise ValueError("the frame has more placeholder pages than the attachments")
            writer.add_page(attached)
        else:
            writer.add_page(frame_page)
        if progress is not None and index % 20 == 0:
            progress(index, total)
    if next(pages, None) is not None:
        raise ValueError("the attachments have more pages than the frame has placeholders")

    parents: list[Any] = []
    for title, page, depth in _outline(source, source.outline):
        del parents[depth:]
        parent = parents[-1] if parents else None
        parents.append(writer.add_outline_item(title=title, page_number=page, parent=parent))

    root = cast(DictionaryObject, source.trailer["/Root"])
    pdf_a = all(declares_pdf_a(reader) for reader in attachments)
    for key in ("/OutputIntents", "/Lang", "/ViewerPreferences"):
        if key in root:
            writer._root_object[NameObject(key)] = root[key].clone(writer)
    if "/Metadata" in root:
        metadata = cast(StreamObject, root["/Metadata"].get_object()).clone(writer)
        if not pdf_a:
            cast(StreamObject, metadata).set_data(
                _PDFAID.sub(b"", cast(StreamObject, metadata).get_data())
            )
        writer._root_object[NameObject("/Metadata")] = writer._add_object(metadata)
    if source.metadata:
        writer.add_metadata({key: str(value) for key, value in source.metadata.items()})
    writer.page_mode = "/UseOutlines"
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue(), total
