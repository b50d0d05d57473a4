import io

import pytest
from django.core.exceptions import ValidationError

from kansli.core.uploads import check_bytes

from ..registry.helpers import docx_bytes, pdf_bytes

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 20


@pytest.mark.parametrize(
    ("name", "data", "content_type"),
    [
        ("a.pdf", pdf_bytes(), "application/pdf"),
        ("a.png", PNG, "image/png"),
        ("A.JPG", JPEG, "image/jpeg"),
        ("a.csv", b"federation,state_amount\nSOFINT,1\n", "text/csv"),
        ("a.docx", docx_bytes(), None),
    ],
)
def test_accepted(name, data, content_type):
    kind = check_bytes(name, data)
    if content_type:
        assert kind.content_type == content_type


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("a.pdf", PNG, "PNG-bild"),
        ("a.png", pdf_bytes(), "PDF"),
        ("a.txt", b"\x00\x01\x02", "okänt innehåll"),
        ("a.docx", b"PK\x03\x04 broken zip", "okänt innehåll"),
        ("a.exe", b"MZ", "tas inte emot"),
        ("noextension", b"text", "(saknas)"),
        ("a.pdf", b"", "tom"),
    ],
)
def test_refused(name, data, message):
    with pytest.raises(ValidationError, match=message):
        check_bytes(name, data)


def test_encrypted_and_broken_pdfs_are_refused():
    import typst
    from pypdf import PdfReader, PdfWriter

    good = typst.compile(b"Handling")
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(good)))
    writer.encrypt("hemligt")
    encrypted = io.BytesIO()
    writer.write(encrypted)
    with pytest.raises(ValidationError, match="krypterad"):
        check_bytes("bilaga.pdf", encrypted.getvalue())
    with pytest.raises(ValidationError, match="skadad"):
        check_bytes("bilaga.pdf", good[: len(good) // 2])
    with pytest.raises(ValidationError, match="skadad"):
        check_bytes("bilaga.pdf", b"%PDF-1.7\nnonsense")
    assert check_bytes("bilaga.pdf", good).label == "PDF"
