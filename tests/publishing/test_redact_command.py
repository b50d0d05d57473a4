"""python -m kansli redact [--json] FILE"""

import io
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfWriter

TEXT = "Sökande: Anna Andersson, 811218-9876\nRing 070-123 45 67 eller mejla namn@example.se.\n"


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("redact", *args, stdout=out)
    return out.getvalue()


def text_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with each line in Helvetica (ASCII only), built by hand."""
    content = "BT /F1 12 Tf 72 760 Td 14 TL " + " ".join(f"({line}) Tj T*" for line in lines)
    content += " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    pdf = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(pdf)
    pdf += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    pdf += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    pdf += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return pdf


def test_masked_text(tmp_path):
    path = tmp_path / "brev.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert run(str(path)) == (
        "Sökande: Anna Andersson, [personnummer]\nRing [telefonnummer] eller mejla "
        "[e-postadress].\n"
    )


def test_json(tmp_path):
    path = tmp_path / "brev.txt"
    path.write_bytes(b"\xef\xbb\xbf" + TEXT.encode())  # with a byte order mark
    data = json.loads(run("--json", str(path)))
    assert data["file"] == str(path)
    assert data["findings"] == [
        {"kind": "personnummer", "text": "811218-9876", "start": 25, "end": 36},
        {"kind": "telefonnummer", "text": "070-123 45 67", "start": 42, "end": 55},
        {"kind": "e-postadress", "text": "namn@example.se", "start": 68, "end": 83},
    ]
    for finding in data["findings"]:  # positions into the text read
        assert TEXT[finding["start"] : finding["end"]] == finding["text"]


def test_nothing_to_mask(tmp_path):
    path = tmp_path / "tom.txt"
    path.write_text("Inga personuppgifter här, bara RS 2020-00123.", encoding="utf-8")
    assert run(str(path)) == "Inga personuppgifter här, bara RS 2020-00123.\n"
    assert json.loads(run("--json", str(path)))["findings"] == []


def test_pdf(tmp_path):
    path = tmp_path / "brev.pdf"
    path.write_bytes(text_pdf(["Ring 070-123 45 67", "eller mejla namn@example.se"]))
    out = run(str(path))
    assert "[telefonnummer]" in out
    assert "[e-postadress]" in out
    assert "070-123" not in out
    assert "namn@" not in out
    data = json.loads(run("--json", str(path)))
    assert [f["kind"] for f in data["findings"]] == ["telefonnummer", "e-postadress"]


def test_pdf_without_the_suffix_is_read_as_pdf(tmp_path):
    path = tmp_path / "brev"
    path.write_bytes(text_pdf(["Ring 070-123 45 67"]))
    assert "[telefonnummer]" in run(str(path))


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda d: d / "finns-inte.txt", r"Filen .*finns-inte\.txt finns inte\."),
        (lambda d: d, r"är en katalog, inte en fil\."),
        (
            lambda d: _write(d / "latin1.txt", "Sökande".encode("latin-1")),
            r"Filen .*latin1\.txt är inte text i UTF-8 \(fel vid byte 1\)\.",
        ),
        (
            lambda d: _write(d / "trasig.pdf", b"%PDF-1.4\nnot really a pdf"),
            r"PDF-filen .*trasig\.pdf är skadad och kan inte läsas",
        ),
        (
            lambda d: _write(d / "trasig2.pdf", b"inte ens en PDF"),
            r"PDF-filen .*trasig2\.pdf är skadad och kan inte läsas",
        ),
        (
            lambda d: _write(d / "tom.pdf", _blank_pdf()),
            r"PDF-filen .*tom\.pdf innehåller ingen text .*granskas för hand",
        ),
        (
            lambda d: _write(d / "hemlig.pdf", _encrypted_pdf()),
            r"PDF-filen .*hemlig\.pdf är lösenordsskyddad",
        ),
    ],
    ids=["missing", "directory", "not-utf8", "broken-pdf", "not-a-pdf", "no-text", "encrypted"],
)
def test_bad_input(tmp_path, setup, message):
    path = setup(tmp_path)
    with pytest.raises(CommandError, match=message):
        run(str(path))


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable(tmp_path):
    path = tmp_path / "låst.txt"
    path.write_text(TEXT, encoding="utf-8")
    path.chmod(0)
    with pytest.raises(CommandError, match=r"Filen .*låst\.txt kan inte läsas"):
        run(str(path))


def test_unreadable_special_file(tmp_path):
    """A file that exists but cannot be opened for reading (here a socket) gets a message."""
    path = tmp_path / "uttag"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        with pytest.raises(CommandError, match=r"Filen .*uttag kan inte läsas: "):
            run(str(path))


def test_command_line_exit_codes(tmp_path):
    """Through `python -m kansli`: the masked text on stdout; on bad input a Swedish message
    on stderr, exit code 1 and no traceback."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "kansli.config.settings.test"}
    good = tmp_path / "brev.txt"
    good.write_text(TEXT, encoding="utf-8")
    ok = subprocess.run(
        [sys.executable, "-m", "kansli", "redact", str(good)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert ok.returncode == 0, ok.stderr
    assert "[telefonnummer]" in ok.stdout
    assert "070-123" not in ok.stdout
    broken = _write(tmp_path / "trasig.pdf", b"%PDF-1.4\ngarbage")
    for path in (tmp_path / "finns-inte.txt", broken):
        bad = subprocess.run(
            [sys.executable, "-m", "kansli", "redact", str(path)],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        assert bad.returncode == 1
        assert "Traceback" not in bad.stderr
        assert bad.stdout == ""
        assert bad.stderr.strip().splitlines()[-1].startswith("CommandError: ")


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _blank_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _encrypted_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt(user_password="hemligt", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
