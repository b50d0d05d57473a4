"""Validate a written package offline against the official rules (vendored in `schemas/`).

Per METS document (the package's and every representation's it points to):
mets.xsd (with the DILCIS extension schemas and a local xlink.xsd), then the E-ARK CSIP and
SIP V2.1.0 Schematron rules of eark-validator, with their vocabulary placeholders filled in
from the vendored vocabularies exactly as eark-validator does. Every metadata file a METS
refers to is checked by its root element: CITS ERMS v3 (ERMS_v3.xsd + erms_v3.sch) or
PREMIS 3 (premis-v3-0.xsd). Every file a METS refers to must exist, inside the package, with
the size and SHA-256 the METS records; every file in the package must be referred to.

Compiled schemas and rule files are cached per process. The parser never reads the network.

Rules of the official rule files that no METS can satisfy are replaced, not just dropped
(see `schemas/README.md`):
- CSIP63: its test is `(… = 'OTHER' and @csip:OTHERCONTENTINFORMATIONTYPE) or
  (… != 'OTHER' and not(@csip:CONTENTINFORMATIONTYPE))`; the second half can never be true,
  so every file group without the type "OTHER" fails, contradicting CSIP62. Run instead as
  the requirement's text reads: "OTHER" requires @csip:OTHERCONTENTINFORMATIONTYPE.
- SIP11, SIP14: written for every agent with ROLE "CREATOR", which CSIP12–CSIP16 require to
  be the software (TYPE "OTHER", note with csip:NOTETYPE "SOFTWARE VERSION"); SIP14 tests a
  non-namespaced @NOTETYPE that mets.xsd forbids. The SIP 2.1.0 profile puts both on the
  archival creator agent (ROLE "ARCHIVIST"), with csip:NOTETYPE; run so.
- CSIP105 ("a discrete representation div for each representation") is about the package
  METS; it is not applied to a representation METS, which has no representations inside.
"""

from __future__ import annotations

import functools
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote

from lxml import etree, isoschematron

from .xml import (
    CSIP_NS,
    ERMS_NS,
    METS_NS,
    PREMIS_NS,
    SCHEMAS,
    XLINK_NS,
    parse_bytes,
    parse_file,
    q,
)

SCH_NS = "http://purl.oclc.org/dsdl/schematron"
SVRL_NS = "http://purl.oclc.org/dsdl/svrl"
CHUNK = 1 << 20

REPLACED_RULES = frozenset({"CSIP63", "SIP11", "SIP14"})
NOT_FOR_REPRESENTATIONS = frozenset({"CSIP105"})

# The replacements, in Schematron, run next to the official files.
_KANSLI_RULES = f"""<schema xmlns="{SCH_NS}">
  <ns prefix="mets" uri="{METS_NS}"/>
  <ns prefix="csip" uri="{CSIP_NS}"/>
  <pattern id="kansli_replacements">
    <rule context="/mets:mets/mets:fileSec/mets:fileGrp">
      <assert id="CSIP63" role="ERROR"
        test="not(@csip:CONTENTINFORMATIONTYPE = 'OTHER')
              or normalize-space(@csip:OTHERCONTENTINFORMATIONTYPE)"
        >When @csip:CONTENTINFORMATIONTYPE is "OTHER", @csip:OTHERCONTENTINFORMATIONTYPE
        must state the content information type.</assert>
    </rule>
    <rule context="/mets:mets/mets:metsHdr/mets:agent[@ROLE = 'ARCHIVIST']">
      <assert id="SIP11" role="ERROR" test="@TYPE = 'ORGANIZATION' or @TYPE = 'INDIVIDUAL'"
        >The archival creator agent's TYPE is "ORGANIZATION" or "INDIVIDUAL".</assert>
    </rule>
    <rule context="/mets:mets/mets:metsHdr/mets:agent[@ROLE = 'ARCHIVIST']/mets:note">
      <assert id="SIP14" role="ERROR" test="@csip:NOTETYPE = 'IDENTIFICATIONCODE'"
        >The archival creator agent's note has csip:NOTETYPE "IDENTIFICATIONCODE".</assert>
    </rule>
  </pattern>
</schema>"""

_VOCABULARIES = {
    "@TYPE": "CSIPVocabularyContentCategory.xml",
    "@csip:CONTENTINFORMATIONTYPE": "CSIPVocabularyContentInformationType.xml",
    "@csip:OAISPACKAGETYPE": "CSIPVocabularyOAISPackageType.xml",
    "@STATUS": "CSIPVocabularyStatus.xml",
}


@dataclass(frozen=True)
class Finding:
    """One problem: where (file relative to the package, with an XPath or line), which rule
    (a CSIP/SIP requirement id, or METS-XSD, ERMS-XSD, ERMS-SCH, PREMIS-XSD, CHECKSUM, SIZE,
    MISSING-FILE, UNREFERENCED, …), what (Swedish) and how grave ("ERROR" or "WARN")."""

    where: str
    rule: str
    message: str
    severity: str = "ERROR"


# ---------------------------------------------------------------------------- compiled rules


def _schema(path: Path) -> Any:
    return etree.XMLSchema(parse_file(path))


@functools.cache
def _mets_schema() -> Any:
    folder = SCHEMAS / "mets"
    # An in-memory wrapper: xlink first (so mets.xsd's http import of it is already
    # satisfied), then METS and the two DILCIS extension schemas, all from local files.
    wrapper = f"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
        targetNamespace="urn:kansli:mets-wrapper" elementFormDefault="qualified">
      <xs:import namespace="{XLINK_NS}" schemaLocation="xlink.xsd"/>
      <xs:import namespace="{METS_NS}" schemaLocation="mets.xsd"/>
      <xs:import namespace="{CSIP_NS}" schemaLocation="DILCISExtensionMETS.xsd"/>
      <xs:import namespace="https://DILCIS.eu/XML/METS/SIPExtensionMETS"
                 schemaLocation="DILCISExtensionSIPMETS.xsd"/>
    </xs:schema>"""
    doc = parse_bytes(wrapper.encode(), base_url=(folder / "kansli-wrapper.xsd").as_uri())
    return etree.XMLSchema(doc)


@functools.cache
def _erms_schema() -> Any:
    return _schema(SCHEMAS / "erms" / "ERMS_v3.xsd")


@functools.cache
def _premis_schema() -> Any:
    return _schema(SCHEMAS / "premis" / "premis-v3-0.xsd")


@functools.cache
def _erms_schematron() -> Any:
    return isoschematron.Schematron(parse_file(SCHEMAS / "erms" / "erms_v3.sch"), store_report=True)


def _vocabulary_test(attribute: str, filename: str) -> str:
    doc = parse_file(SCHEMAS / "vocabularies" / filename)
    terms = [t.text for t in doc.iter("{*}Term") if t.text]
    assert all("'" not in t for t in terms)
    return " or ".join(f"({attribute} = '{t}')" for t in terms)


@functools.cache
def _placeholders() -> dict[str, str]:
    """eark-validator's rule files name vocabulary tests by placeholder
    (`@TYPE_vocabulary_test`, `@MIMETYPE_IANA_test`); it fills them before compiling."""
    tests = {f"{a}_vocabulary_test": _vocabulary_test(a, f) for a, f in _VOCABULARIES.items()}
    mimes = (SCHEMAS / "vocabularies" / "IANA.txt").read_text(encoding="utf-8").split()
    tests["@MIMETYPE_IANA_test"] = " or ".join(
        f"(@MIMETYPE = '{m}')" for m in mimes if "'" not in m
    )
    return tests


def _compile(tree: Any) -> Any:
    return isoschematron.Schematron(tree, store_report=True)


@functools.cache
def _mets_schematrons() -> tuple[Any, ...]:
    compiled = []
    for spec in ("CSIP", "SIP"):
        for path in sorted((SCHEMAS / "schematron" / spec).glob("*.xml")):
            text = path.read_text(encoding="utf-8")
            for placeholder, test in _placeholders().items():
                text = text.replace(placeholder, test)
            tree = parse_bytes(text.encode())
            for assertion in list(tree.iter(q(SCH_NS, "assert"))):
                if assertion.get("id") in REPLACED_RULES:
                    rule = assertion.getparent()
                    rule.remove(assertion)
                    if not len(
                        rule.findall(q(SCH_NS, "assert")) + rule.findall(q(SCH_NS, "report"))
                    ):
                        rule.getparent().remove(rule)  # a rule must keep one test
            compiled.append(_compile(tree))
    compiled.append(_compile(parse_bytes(_KANSLI_RULES.encode())))
    return tuple(compiled)


# ---------------------------------------------------------------------------- checks


def _xsd_findings(schema: Any, doc: Any, where: str, rule: str) -> list[Finding]:
    if schema.validate(doc):
        return []
    return [
        Finding(f"{where}:{e.line}", rule, f"Schemafel på rad {e.line}: {e.message}")
        for e in schema.error_log
    ]


def _svrl_findings(
    report: Any, where: str, rule: str | None, skip: frozenset[str]
) -> list[Finding]:
    findings = []
    for failed in report.getroot().iter(q(SVRL_NS, "failed-assert")):
        rule_id = failed.get("id") or rule or "SCHEMATRON"
        if rule_id in skip:
            continue
        text = " ".join("".join(failed.find(q(SVRL_NS, "text")).itertext()).split())
        severity = "WARN" if failed.get("role") == "WARN" else "ERROR"
        findings.append(
            Finding(
                f"{where} {failed.get('location', '')}".strip(),
                rule_id if rule is None else rule,
                f"Regel {rule_id} är inte uppfylld: {text}",
                severity,
            )
        )
    return findings


def _hash(path: Path) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


class _Run:
    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.findings: list[Finding] = []
        self.referenced: set[str] = set()
        self.hashes: dict[str, tuple[int, str]] = {}
        self.checked_metadata: set[str] = set()
        self.seen_mets: set[str] = set()

    def rel(self, path: Path) -> str:
        return path.resolve().relative_to(self.root).as_posix()

    def add(self, where: str, rule: str, message: str) -> None:
        self.findings.append(Finding(where, rule, message))

    def mets(self, rel: str, representation: bool) -> None:
        if rel in self.seen_mets:
            return
        self.seen_mets.add(rel)
        path = self.root / rel
        self.referenced.add(rel)
        if not path.is_file():
            self.add(rel, "MISSING-FILE", f"{rel}: METS-filen saknas.")
            return
        try:
            doc = parse_file(path)
        except etree.XMLSyntaxError as error:
            self.add(rel, "XML", f"{rel}: filen är inte välformad XML ({error.msg}).")
            return
        self.findings += _xsd_findings(_mets_schema(), doc, rel, "METS-XSD")
        skip = NOT_FOR_REPRESENTATIONS if representation else frozenset()
        for schematron in _mets_schematrons():
            schematron.validate(doc)
            self.findings += _svrl_findings(schematron.validation_report, rel, None, skip)
        base = PurePosixPath(rel).parent
        root = doc.getroot()
        for el in root.iter(q(METS_NS, "mdRef")):
            target = self.reference(rel, base, el, el)
            if target is not None:
                self.metadata(target)
        for el in root.iter(q(METS_NS, "file")):
            loc = el.find(q(METS_NS, "FLocat"))
            if loc is None:
                continue
            self.reference(rel, base, loc, el)
        for el in root.iter(q(METS_NS, "mptr")):
            target = self.resolve(rel, base, el)
            if target is not None:
                self.mets(target, representation=True)

    def resolve(self, rel: str, base: PurePosixPath, el: Any) -> str | None:
        href = el.get(q(XLINK_NS, "href"))
        if not href:
            return None
        joined = os.path.normpath((self.root / base / unquote(href)).as_posix())
        try:
            return Path(joined).relative_to(self.root).as_posix()
        except ValueError:
            self.add(
                f"{rel} line {el.sourceline}",
                "OUTSIDE",
                f"{rel}: hänvisningen {href} pekar ut ur paketet.",
            )
            return None

    def reference(self, rel: str, base: PurePosixPath, loc: Any, attrs: Any) -> str | None:
        target = self.resolve(rel, base, loc)
        if target is None:
            return None
        self.referenced.add(target)
        path = self.root / target
        if not path.is_file():
            self.add(target, "MISSING-FILE", f"{target}: filen saknas (hänvisad från {rel}).")
            return None
        if target not in self.hashes:
            self.hashes[target] = _hash(path)
        size, sha256 = self.hashes[target]
        want_size = attrs.get("SIZE")
        if want_size is not None and want_size != str(size):
            self.add(
                target,
                "SIZE",
                f"{target}: storleken stämmer inte (väntad {want_size} byte, funnen {size} byte).",
            )
        want = (attrs.get("CHECKSUM") or "").lower()
        kind = attrs.get("CHECKSUMTYPE")
        if kind != "SHA-256":
            self.add(
                target, "CHECKSUM", f"{target}: kontrollsumman är inte SHA-256 ({kind}) i {rel}."
            )
        elif want != sha256:
            self.add(
                target,
                "CHECKSUM",
                f"{target}: kontrollsumman stämmer inte (väntad {want}, funnen {sha256}).",
            )
        return target

    def metadata(self, rel: str) -> None:
        if rel in self.checked_metadata:
            return
        self.checked_metadata.add(rel)
        try:
            doc = parse_file(self.root / rel)
        except etree.XMLSyntaxError as error:
            self.add(rel, "XML", f"{rel}: filen är inte välformad XML ({error.msg}).")
            return
        tag = doc.getroot().tag
        if tag == q(ERMS_NS, "erms"):
            self.findings += _xsd_findings(_erms_schema(), doc, rel, "ERMS-XSD")
            schematron = _erms_schematron()
            schematron.validate(doc)
            self.findings += _svrl_findings(
                schematron.validation_report, rel, "ERMS-SCH", frozenset()
            )
        elif tag == q(PREMIS_NS, "premis"):
            self.findings += _xsd_findings(_premis_schema(), doc, rel, "PREMIS-XSD")

    def unreferenced(self) -> None:
        for dirpath, dirs, files in os.walk(self.root):
            dirs.sort()
            for name in sorted(files):
                rel = self.rel(Path(dirpath) / name)
                if rel not in self.referenced:
                    self.add(
                        rel,
                        "UNREFERENCED",
                        f"{rel}: filen finns i paketet men nämns inte i någon METS-fil.",
                    )


def validate_package(path: Path) -> list[Finding]:
    """Every finding of the package at `path`; an empty list is a valid package."""
    path = Path(path)
    if path.name.endswith(".partial"):
        return [
            Finding(
                ".",
                "NOT-A-PACKAGE",
                f"{path.name} är ett paket som inte skrevs klart (.partial) och inget paket.",
            )
        ]
    if not (path / "METS.xml").is_file():
        return [Finding("METS.xml", "MISSING-FILE", "METS.xml saknas: mappen är inget paket.")]
    run = _Run(path)
    run.mets("METS.xml", representation=False)
    run.unreferenced()
    return run.findings


def validate_tree(directory: Path) -> dict[str, list[Finding]]:
    """Each package (a subdirectory with a METS.xml, not a hidden or .partial one) by id."""
    results: dict[str, list[Finding]] = {}
    for child in sorted(Path(directory).iterdir()):
        if not child.is_dir() or child.name.startswith(".") or child.name.endswith(".partial"):
            continue
        if (child / "METS.xml").is_file():
            results[child.name] = validate_package(child)
    return results


def warm_up() -> None:
    """Compile every schema and rule file now (they are cached for the process)."""
    _mets_schema()
    _mets_schematrons()
    _erms_schema()
    _erms_schematron()
    _premis_schema()


__all__ = ["Finding", "validate_package", "validate_tree", "warm_up"]
