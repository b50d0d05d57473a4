"""Read a package back without Kansli: the case and its documents from the ERMS file the
package METS names, the files' checksums from the representation METS. What a test compares
with what was written, and what proves the package stands on its own."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from lxml import etree

from .xml import ERMS_NS, METS_NS, XLINK_NS, parse_file, q

# ERMS record/direction back to Kansli's three directions.
_DIRECTIONS = {"incoming": "incoming", "outgoing": "outgoing"}
_DATE_TYPES = {"incoming": "received", "outgoing": "sent", "internal": "created"}


class ReadError(Exception):
    """The package cannot be read; the message (Swedish) says why."""


@dataclass(frozen=True)
class ReadBackDocument:
    identifier: str
    title: str
    direction: str
    document_type: str
    date: date | None
    file_name: str | None
    sha256: str | None
    secrecy: str | None  # the OSL provision, or None


@dataclass(frozen=True)
class ReadBackMeeting:
    organisation: str
    date: date | None
    paragraphs: tuple[tuple[int, str, str], ...]  # (number, title, decision)


@dataclass(frozen=True)
class ReadBack:
    package_id: str
    case_identifier: str
    title: str
    closed_on: date | None
    classification: tuple[str, str] | None  # (code, name)
    secrecy: str | None
    documents: tuple[ReadBackDocument, ...]
    meetings: tuple[ReadBackMeeting, ...]


def _text(el: Any, path: str) -> str:
    found = el.find(path, {"e": ERMS_NS})
    return "".join(found.itertext()) if found is not None else ""


def _day(value: str) -> date | None:
    return datetime.fromisoformat(value).date() if value else None


def _hrefs(mets_path: Path, root: Path) -> dict[str, str]:
    """Every fileSec file of a METS: its path from the package root → its SHA-256."""
    doc = parse_file(mets_path)
    base = mets_path.parent
    result = {}
    for f in doc.getroot().iter(q(METS_NS, "file")):
        loc = f.find(q(METS_NS, "FLocat"))
        if loc is None:
            continue
        target = _inside(root, base / loc.get(q(XLINK_NS, "href"), ""))
        result[target.relative_to(root).as_posix()] = (f.get("CHECKSUM") or "").lower()
    return result


def _inside(root: Path, path: Path) -> Path:
    """`path` normalised; a ReadError when it leads out of the package (an absolute or a
    ../ link in a hostile package)."""
    target = Path(os.path.normpath(path))
    if not target.is_relative_to(root):
        raise ReadError(f"{root.name}: en länk i paketet pekar ut ur paketet ({path}).")
    return target


def read_package(path: Path) -> ReadBack:
    """The package read back; a ReadError (Swedish) for anything that is not a readable
    package: missing or broken XML, links out of the package, impossible dates."""
    try:
        return _read_package(Path(path).resolve())
    except ReadError:
        raise
    except (etree.XMLSyntaxError, OSError, ValueError) as error:
        raise ReadError(
            f"{Path(path).name}: paketet går inte att läsa ({type(error).__name__}: "
            f"{str(error)[:200]})."
        ) from error


def _read_package(root: Path) -> ReadBack:
    mets = root / "METS.xml"
    if not mets.is_file():
        raise ReadError(f"{root.name}: METS.xml saknas, mappen är inget paket.")
    doc = parse_file(mets).getroot()
    ref = doc.find(f"{q(METS_NS, 'dmdSec')}/{q(METS_NS, 'mdRef')}")
    if ref is None:
        raise ReadError(f"{root.name}: paketet har ingen beskrivande metadata (dmdSec).")
    erms_path = _inside(root, root / ref.get(q(XLINK_NS, "href"), ""))
    checksums = _hrefs(mets, root)
    for mptr in doc.iter(q(METS_NS, "mptr")):
        checksums.update(_hrefs(_inside(root, root / mptr.get(q(XLINK_NS, "href"), "")), root))

    erms = parse_file(erms_path).getroot()
    agg = erms.find("e:aggregations/e:aggregation", {"e": ERMS_NS})
    if agg is None:
        raise ReadError(f"{root.name}: ERMS-filen har inget ärende (aggregation).")
    ns = {"e": ERMS_NS}
    closed = agg.find("e:dates/e:date[@dateType='closed']", ns)
    cls = agg.find("e:classification", ns)
    documents = []
    for rec in agg.findall("e:record", ns):
        definition = rec.find("e:direction", ns)
        direction = "internal"
        if definition is not None:
            value = definition.get("directionDefinition", "")
            direction = _DIRECTIONS.get(value) or definition.get("otherDirectionDefinition", value)
        day = rec.find(f"e:dates/e:date[@dateType='{_DATE_TYPES.get(direction, 'created')}']", ns)
        appendix = rec.find("e:additionalInformation/e:appendix", ns)
        restriction = rec.find("e:restriction/e:regulation", ns)
        file_name = appendix.get("name") if appendix is not None else None
        sha256 = None
        if appendix is not None:
            sha256 = checksums.get(PurePosixPath(appendix.get("path", "")).as_posix())
        documents.append(
            ReadBackDocument(
                identifier=_text(rec, "e:objectId"),
                title=_text(rec, "e:title"),
                direction=direction,
                document_type=rec.get("recordType", ""),
                date=_day(day.text) if day is not None else None,
                file_name=file_name,
                sha256=sha256,
                secrecy=restriction.text if restriction is not None else None,
            )
        )
    meetings = []
    for m in agg.iterfind("e:additionalInformation/e:ownElement/e:ownElement[@name='meeting']", ns):
        paragraphs = tuple(
            (
                int(_text(p, "e:ownElement[@name='number']/e:value") or 0),
                _text(p, "e:ownElement[@name='title']/e:value"),
                _text(p, "e:ownElement[@name='decision']/e:value"),
            )
            for p in m.findall("e:ownElement[@name='paragraph']", ns)
        )
        meetings.append(
            ReadBackMeeting(
                organisation=_text(m, "e:ownElement[@name='organisation']/e:value"),
                date=_day(_text(m, "e:ownElement[@name='date']/e:value")),
                paragraphs=paragraphs,
            )
        )
    case_secrecy = agg.find("e:restriction/e:regulation", ns)
    return ReadBack(
        package_id=doc.get("OBJID", ""),
        case_identifier=_text(agg, "e:objectId"),
        title=_text(agg, "e:title"),
        closed_on=_day(closed.text) if closed is not None else None,
        classification=(cls.get("classificationCode", ""), cls.text or "")
        if cls is not None
        else None,
        secrecy=case_secrecy.text if case_secrecy is not None else None,
        documents=tuple(documents),
        meetings=tuple(meetings),
    )
