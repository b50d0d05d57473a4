"""What a PDF claims of PDF/A, and whether the checks we can make hold it to that claim.

This is not a full PDF/A validator (veraPDF is one; it is not packaged for the machines Kansli
runs on, decision 0022). It reads the claim (the XMP metadata's pdfaid:part and
pdfaid:conformance) and checks the requirements that most often break when a PDF is made or
merged: no encryption, an output intent with its ICC profile, the XMP metadata itself, every
font embedded, no JavaScript, no embedded files, a PDF version PDF/A-2 allows (1.0–1.7). A
file passes as "PDF/A-2b" (or the level it claims) only when it claims it and every check
holds; otherwise the problems say why, in Swedish, and the archive package flags the file.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

_PART = re.compile(rb"pdfaid:part(?:>|=[\"'])\s*(\d)")
_CONFORMANCE = re.compile(rb"pdfaid:conformance(?:>|=[\"'])\s*([ABUabu])")
_EMBEDDED = ("/FontFile", "/FontFile2", "/FontFile3")
MAX_FONT_WALK = 20_000  # resources visited per file; a hostile file cannot make us loop


@dataclass
class PdfaCheck:
    claimed: str = ""  # "PDF/A-2b" when the file says so, else ""
    problems: list[str] = field(default_factory=list)

    @property
    def level(self) -> str:
        """The level the file may be archived as: its claim when every check holds."""
        return self.claimed if self.claimed and not self.problems else ""

    @property
    def note(self) -> str:
        return "; ".join(self.problems)


def check_pdfa(path: Path) -> PdfaCheck:
    check = PdfaCheck()
    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            check.problems.append("filen är krypterad")
            return check
        root = reader.trailer["/Root"].get_object()
        if not isinstance(root, DictionaryObject):
            raise TypeError("no document catalogue")
        metadata = root.get("/Metadata")
        xmp = metadata.get_object().get_data() if metadata is not None else b""
        part, conformance = _PART.search(xmp), _CONFORMANCE.search(xmp)
        if part and conformance:
            check.claimed = f"PDF/A-{part.group(1).decode()}{conformance.group(1).decode().lower()}"
        else:
            check.problems.append("filen anger inte att den är PDF/A (XMP-metadata saknar pdfaid)")
        _check_document(reader, root, check)
    except Exception as error:
        check.claimed = ""
        check.problems.append(f"filen går inte att läsa som PDF ({type(error).__name__})")
    return check


def _check_document(reader: PdfReader, root: DictionaryObject, check: PdfaCheck) -> None:
    header = reader.pdf_header.removeprefix("%PDF-")
    if header not in {f"1.{n}" for n in range(8)}:
        check.problems.append(f"PDF-versionen {header} tillåts inte i PDF/A-2")
    intents = root.get("/OutputIntents")
    intents = intents.get_object() if intents is not None else ArrayObject()
    if not any(
        intent.get_object().get("/S") == "/GTS_PDFA1"
        and intent.get_object().get("/DestOutputProfile") is not None
        for intent in intents
    ):
        check.problems.append("output intent med ICC-profil saknas")
    names = root.get("/Names")
    names = names.get_object() if names is not None else DictionaryObject()
    if "/JavaScript" in names or _is_javascript(root.get("/OpenAction")):
        check.problems.append("filen innehåller JavaScript")
    if "/EmbeddedFiles" in names:
        check.problems.append("filen har inbäddade filer")
    missing = sorted(_fonts_not_embedded(reader))
    if missing:
        shown = ", ".join(missing[:5]) + (" …" if len(missing) > 5 else "")
        check.problems.append(f"typsnitt är inte inbäddade: {shown}")


def _is_javascript(action: object) -> bool:
    if action is None:
        return False
    action = action.get_object() if isinstance(action, IndirectObject) else action
    return isinstance(action, DictionaryObject) and action.get("/S") == "/JavaScript"


def _fonts_not_embedded(reader: PdfReader) -> set[str]:
    missing: set[str] = set()
    seen: set[int] = set()
    budget = MAX_FONT_WALK
    stack = [page.get("/Resources") for page in reader.pages]
    while stack and budget > 0:
        budget -= 1
        resources = stack.pop()
        if resources is None:
            continue
        if isinstance(resources, IndirectObject):
            if resources.idnum in seen:
                continue
            seen.add(resources.idnum)
        resources = resources.get_object()
        if not isinstance(resources, DictionaryObject):
            continue
        fonts = resources.get("/Font")
        for font in (fonts.get_object() if fonts is not None else {}).values():
            font = font.get_object()
            if font.get("/Subtype") == "/Type3":
                continue
            described = font
            if font.get("/Subtype") == "/Type0":
                descendants = font.get("/DescendantFonts")
                if descendants:
                    described = descendants.get_object()[0].get_object()
            descriptor = described.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            if not any(key in descriptor for key in _EMBEDDED):
                missing.add(str(font.get("/BaseFont", "?")).lstrip("/"))
        xobjects = resources.get("/XObject")
        for xobject in (xobjects.get_object() if xobjects is not None else {}).values():
            target = xobject.get_object()
            if target.get("/Subtype") == "/Form":
                stack.append(target.get("/Resources"))
    return missing
