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
