"""What writer, validate and reader share: namespaces, the vendored schema folder, safe
parsing (never the network) and the cleaning of text before it goes into XML."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from lxml import etree

SCHEMAS = Path(__file__).resolve().parent / "schemas"

METS_NS = "http://www.loc.gov/METS/"
XLINK_NS = "http://www.w3.org/1999/xlink"
CSIP_NS = "https://DILCIS.eu/XML/METS/CSIPExtensionMETS"
SIP_NS = "https://DILCIS.eu/XML/METS/SIPExtensionMETS"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
ERMS_NS = "https://DILCIS.eu/XML/ERMS"
PREMIS_NS = "http://www.loc.gov/premis/v3"

NSMAP_METS = {"mets": METS_NS, "xlink": XLINK_NS, "csip": CSIP_NS, "sip": SIP_NS, "xsi": XSI_NS}

# Schema locations that documents and schemas name by URL, mapped to the vendored copies.
LOCAL_COPIES = {
    "http://www.loc.gov/standards/xlink/xlink.xsd": SCHEMAS / "mets" / "xlink.xsd",
    "http://www.w3.org/1999/xlink.xsd": SCHEMAS / "mets" / "xlink.xsd",
}

# Characters XML 1.0 allows (production [2] Char); everything else is dropped from user text.
_NOT_XML_CHAR = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean(value: str) -> str:
    """User text made storable in XML 1.0: the characters XML forbids (C0 controls but tab and
    line breaks, lone surrogates, U+FFFE/U+FFFF) are removed; markup stays text, as lxml
    escapes it."""
    return _NOT_XML_CHAR.sub("", value)


class _LocalResolver(etree.Resolver):  # type: ignore[misc]
    """Answers the schemas' http imports from the vendored copies; anything else stays
    unresolved, and the parser's no_network refuses to fetch it."""

    def resolve(self, system_url: str | None, public_id: str | None, context: Any) -> Any:
        if system_url and system_url in LOCAL_COPIES:
            return self.resolve_filename(str(LOCAL_COPIES[system_url]), context)
        return None


def safe_parser() -> Any:
    """A parser that never reads the network nor expands external entities."""
    parser = etree.XMLParser(
        no_network=True, resolve_entities=False, load_dtd=False, huge_tree=False
    )
    parser.resolvers.add(_LocalResolver())
    return parser


def parse_file(path: Path) -> Any:
    return etree.parse(str(path), safe_parser())


def parse_bytes(data: bytes, base_url: str | None = None) -> Any:
    return etree.fromstring(data, safe_parser(), base_url=base_url)


def q(ns: str, name: str) -> str:
    return f"{{{ns}}}{name}"


def serialize(root: Any) -> bytes:
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data
