"""An E-ARK SIP written from a hand-built Submission: valid against the official rules,
readable without Kansli, and every broken byte, missing file or refused source reported in
Swedish. No database."""

from __future__ import annotations

import dataclasses
import hashlib
import time
from datetime import date
from pathlib import Path

import pytest
from lxml import etree

from kansli.archive.package.reader import read_package
from kansli.archive.package.validate import validate_package, validate_tree, warm_up
from kansli.archive.package.writer import PackageError, write_package

from .builders import CASE, HOSTILE_CLEAN, make_submission


@pytest.fixture
def written(tmp_path: Path) -> Path:
    return write_package(make_submission(tmp_path / "src"), tmp_path / "out")


def test_written_package_has_zero_findings_and_validates_fast(written: Path) -> None:
    warm_up()
    started = time.perf_counter()
    findings = validate_package(written)
    elapsed = time.perf_counter() - started
    assert findings == []
    assert elapsed < 1.0
    assert written.name == "RS-2020-12"
    assert (written / "representations/rep1/data/protokoll.pdf").read_bytes().startswith(b"%PDF")
    assert not (written.parent / ".RS-2020-12.partial").exists()


def test_read_back_matches_what_was_written(tmp_path: Path) -> None:
    sub = make_submission(tmp_path / "src")
    back = read_package(write_package(sub, tmp_path / "out"))
    assert back.package_id == "RS-2020-12"
    assert back.case_identifier == CASE
    assert back.title == "Motion om cykelvägar"
    assert back.closed_on == date(2020, 5, 20)
    assert back.classification == ("2.3.1", "Hantera motioner")
    got = {d.identifier: d for d in back.documents}
    assert list(got) == [d.identifier for d in sub.case.documents]
    for doc in sub.case.documents:
        read = got[doc.identifier]
        assert (read.direction, read.document_type, read.date) == (
            doc.direction,
            doc.document_type,
            doc.date,
        )
        assert read.file_name == (doc.file.name if doc.file else None)
        assert read.sha256 == (doc.file.sha256 if doc.file else None)
        assert read.secrecy == (doc.restriction.provision if doc.restriction else None)
    assert got[f"{CASE}-1"].title == "Motion om cykelvägar"
    assert got[f"{CASE}-3"].file_name is None  # disposed of: the record stays, without file
    (meeting,) = back.meetings
    assert meeting.organisation == "Regionstyrelsen"
    assert meeting.date == date(2020, 5, 5)
    assert meeting.paragraphs == (
        (12, "Motion om cykelvägar", "Motionen avslås."),
        (13, "Övrigt", "Informationen noteras."),
    )


def test_hostile_text_round_trips_as_text(written: Path) -> None:
    back = read_package(written)
    assert {d.identifier: d.title for d in back.documents}[f"{CASE}-2"] == HOSTILE_CLEAN
    erms = (written / "metadata/descriptive/erms.xml").read_bytes()
    assert b"<script>" not in erms and b"&lt;script&gt;" in erms
    assert b"\x00" not in erms and b"\x07" not in erms
    description = (written / "documentation/paketbeskrivning.txt").read_text()
    assert "\x1b" not in description and "<script>" in description  # plain text, kept as text
    assert validate_package(written) == []


def test_disposed_document_keeps_its_record_with_a_note(written: Path) -> None:
    ns = {"e": "https://DILCIS.eu/XML/ERMS"}
    erms = etree.parse(str(written / "metadata/descriptive/erms.xml"))
    (rec,) = erms.xpath(f"//e:record[e:objectId='{CASE}-3']", namespaces=ns)
    assert rec.xpath("e:notes/e:note[@noteType='gallring']/text()", namespaces=ns) == [
        "Gallrad 2022-05-01 enligt IHP 3.1, beslut RS 2019-4."
    ]
    assert rec.xpath("e:additionalInformation/e:appendix", namespaces=ns) == []


def test_a_broken_byte_is_a_checksum_finding_naming_the_file(written: Path) -> None:
    target = written / "representations/rep1/data/protokoll.pdf"
    data = bytearray(target.read_bytes())
    data[10] ^= 0xFF
    target.write_bytes(bytes(data))
    findings = validate_package(written)
    assert {f.rule for f in findings} == {"CHECKSUM"}
    (finding,) = findings
    assert finding.where == "representations/rep1/data/protokoll.pdf"
    assert finding.message.startswith(
        "representations/rep1/data/protokoll.pdf: kontrollsumman stämmer inte (väntad "
    )


def test_a_deleted_file_is_missing(written: Path) -> None:
    (written / "representations/rep1/data/skrivelse.txt").unlink()
    findings = validate_package(written)
    assert [(f.rule, f.where) for f in findings] == [
        ("MISSING-FILE", "representations/rep1/data/skrivelse.txt")
    ]
    assert "filen saknas" in findings[0].message


def test_a_file_nobody_refers_to_is_a_finding(written: Path) -> None:
    (written / "representations/rep1/data/extra.txt").write_text("smuggelgods")
    assert [(f.rule, f.where) for f in validate_package(written)] == [
        ("UNREFERENCED", "representations/rep1/data/extra.txt")
    ]


@pytest.mark.parametrize(
    ("old", "new", "rule"),
    [
        ('OBJID="RS-2020-12"', 'OBJID=""', "CSIP1"),
        (' TYPE="Textual works – Digital"', "", "CSIP2"),
        ('PROFILE="https://earksip.dilcis.eu/profile/E-ARK-SIP.xml"', 'PROFILE="x"', "SIP2"),
        ('USE="Documentation"', 'USE="Dokumentation"', "CSIP60"),
    ],
)
def test_schematron_rules_really_run(written: Path, old: str, new: str, rule: str) -> None:
    mets = written / "METS.xml"
    text = mets.read_text(encoding="utf-8")
    assert old in text
    mets.write_text(text.replace(old, new), encoding="utf-8")
    assert rule in {f.rule for f in validate_package(written)}


def test_erms_and_premis_are_checked_against_their_schemas(written: Path) -> None:
    erms = written / "metadata/descriptive/erms.xml"
    erms.write_text(erms.read_text().replace('aggregationType="caseFile"', 'aggregationType="x"'))
    premis = written / "metadata/preservation/premis.xml"
    premis.write_text(
        premis.read_text()
        .replace("<premis:size>", "<premis:storlek>")
        .replace("</premis:size>", "</premis:storlek>")
    )
    rules = {f.rule for f in validate_package(written)}
    assert {"ERMS-XSD", "PREMIS-XSD", "CHECKSUM", "SIZE"} <= rules


def test_writer_refuses_a_source_whose_checksum_differs(tmp_path: Path) -> None:
    sub = make_submission(tmp_path / "src")
    (tmp_path / "src" / "c.txt").write_bytes(b"Hemligt yttrandE\n")  # same size, other bytes
    with pytest.raises(PackageError) as refused:
        write_package(sub, tmp_path / "out")
    assert str(refused.value) == (
        f"Handling {CASE}-2: filens kontrollsumma stämmer inte med den registrerade. "
        "Filen kan ha ändrats."
    )
    assert list((tmp_path / "out").iterdir()) == []  # neither the package nor .partial


def test_writer_refuses_a_missing_source(tmp_path: Path) -> None:
    sub = make_submission(tmp_path / "src")
    (tmp_path / "src" / "a.pdf").unlink()
    with pytest.raises(PackageError, match=rf"^Handling {CASE}-4: filen saknas\.$"):
        write_package(sub, tmp_path / "out")
    assert list((tmp_path / "out").iterdir()) == []


def test_writer_refuses_an_existing_target(tmp_path: Path, written: Path) -> None:
    before = hashlib.sha256((written / "METS.xml").read_bytes()).hexdigest()
    with pytest.raises(PackageError, match=r"^Paketet RS-2020-12 finns redan\.$"):
        write_package(make_submission(tmp_path / "src2"), written.parent)
    assert hashlib.sha256((written / "METS.xml").read_bytes()).hexdigest() == before
    assert sorted(p.name for p in written.parent.iterdir()) == ["RS-2020-12"]


def test_writer_refuses_an_unsafe_file_name(tmp_path: Path) -> None:
    sub = make_submission(tmp_path / "src")
    doc = sub.case.documents[0]
    assert doc.file is not None
    bad = dataclasses.replace(doc, file=dataclasses.replace(doc.file, name="../etc.txt"))
    sub = dataclasses.replace(
        sub, case=dataclasses.replace(sub.case, documents=(bad, *sub.case.documents[1:]))
    )
    with pytest.raises(PackageError, match="filnamnet"):
        write_package(sub, tmp_path / "out")
    assert not (tmp_path / "out").exists()  # refused before anything was written


def test_output_is_deterministic(tmp_path: Path) -> None:
    one = write_package(make_submission(tmp_path / "a"), tmp_path / "one")
    two = write_package(make_submission(tmp_path / "b"), tmp_path / "two")
    files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(two) for p in two.rglob("*") if p.is_file())
    for rel in files:
        assert (one / rel).read_bytes() == (two / rel).read_bytes(), rel


def test_validate_tree_skips_partial_directories(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_package(make_submission(tmp_path / "a"), out)
    write_package(make_submission(tmp_path / "b", package_id="RS-2020-13"), out)
    partial = out / ".RS-2020-14.partial"
    partial.mkdir()
    (partial / "METS.xml").write_text("<halvfärdig/>")
    assert validate_tree(out) == {"RS-2020-12": [], "RS-2020-13": []}
    assert [f.rule for f in validate_package(partial)] == ["NOT-A-PACKAGE"]
