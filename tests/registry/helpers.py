"""Small real files for upload tests."""

import io
import zipfile

import typst


def pdf_bytes(text: str = "Handling") -> bytes:
    """A real one-page PDF made by Typst; the text arrives as data, never as markup."""
    source = b'#set page(paper: "a4")\n#sys.inputs.at("text")\n'
    return typst.compile(source, sys_inputs={"text": text})


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def inspected(case, data: bytes, file_name: str, description: str = "Skrivelse"):
    """Register a public incoming document with the file and run its inspection (the
    background task, as the worker runs it): the document and its publication."""
    import datetime

    from kansli.publishing.models import Publication
    from kansli.registry.models import Document, DocumentKind
    from kansli.registry.services import document_register
    from kansli.registry.tasks import document_inspect

    document = document_register(
        actor=None,
        case=case,
        kind=DocumentKind.INCOMING,
        date=datetime.date(2020, 8, 10),
        description=description,
        file=io.BytesIO(data),
        file_name=file_name,
    )
    document_inspect.call(document.pk)
    return Document.objects.get(pk=document.pk), Publication.objects.get(document=document)
