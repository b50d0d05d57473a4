"""The METS documents of a package: the package's own and the representation's."""

from __future__ import annotations

from typing import Any

from lxml import etree

from .layout import (
    CONTENT_CATEGORY,
    CONTENT_INFORMATION_TYPE,
    PROFILE,
    REPRESENTATION,
    StoredFile,
    software_of,
    timestamp,
)
from .model import (
    Submission,
)
from .xml import (
    CSIP_NS,
    METS_NS,
    NSMAP_METS,
    XLINK_NS,
    XSI_NS,
    clean,
    q,
    serialize,
)


class MetsDocument:
    """One METS document: the package's (prefix "") or the representation's ("rep1-")."""

    def __init__(self, sub: Submission, prefix: str, up: str, objid: str) -> None:
        self.sub = sub
        self.prefix = prefix
        self.up = up  # path from this METS's folder back to the package root
        self.objid = objid

    def _id(self, name: str) -> str:
        return f"{self.prefix}{name}"

    def _file_attrs(self, el: Any, f: StoredFile) -> None:
        el.set("MIMETYPE", f.mime_type)
        el.set("SIZE", str(f.size))
        el.set("CREATED", timestamp(f.created))
        el.set("CHECKSUM", f.sha256)
        el.set("CHECKSUMTYPE", "SHA-256")

    def _href(self, f: StoredFile, local: bool = False) -> str:
        if local:  # a file inside this METS's own folder
            return f.path.removeprefix(f"representations/{REPRESENTATION}/")
        return f"{self.up}{f.path}"

    def _file(self, grp: Any, file_id: str, f: StoredFile, local: bool = False) -> None:
        el = etree.SubElement(grp, q(METS_NS, "file"), ID=self._id(file_id))
        self._file_attrs(el, f)
        loc = etree.SubElement(el, q(METS_NS, "FLocat"), LOCTYPE="URL")
        loc.set(q(XLINK_NS, "type"), "simple")
        loc.set(q(XLINK_NS, "href"), self._href(f, local))

    def build(
        self,
        erms: StoredFile,
        premis: StoredFile,
        documentation: list[StoredFile],
        schemas: list[StoredFile],
        data: list[StoredFile],
        rep_mets: StoredFile | None = None,
    ) -> bytes:
        sub = self.sub
        created = timestamp(sub.created)
        root = etree.Element(q(METS_NS, "mets"), nsmap=NSMAP_METS)
        root.set("OBJID", self.objid)
        root.set("LABEL", clean(sub.label))
        root.set("TYPE", CONTENT_CATEGORY)
        root.set(q(CSIP_NS, "CONTENTINFORMATIONTYPE"), CONTENT_INFORMATION_TYPE)
        root.set("PROFILE", PROFILE)
        root.set(
            q(XSI_NS, "schemaLocation"),
            "http://www.loc.gov/METS/ http://www.loc.gov/standards/mets/mets.xsd "
            "http://www.w3.org/1999/xlink http://www.loc.gov/standards/mets/xlink.xsd "
            "https://DILCIS.eu/XML/METS/CSIPExtensionMETS "
            "https://earkcsip.dilcis.eu/schema/DILCISExtensionMETS.xsd "
            "https://DILCIS.eu/XML/METS/SIPExtensionMETS "
            "https://earksip.dilcis.eu/schema/DILCISExtensionSIPMETS.xsd",
        )

        hdr = etree.SubElement(root, q(METS_NS, "metsHdr"))
        hdr.set("CREATEDATE", created)
        hdr.set("LASTMODDATE", created)
        hdr.set("RECORDSTATUS", "NEW")
        hdr.set(q(CSIP_NS, "OAISPACKAGETYPE"), "SIP")
        # SIP9–SIP14: the archival creator, an organisation, with its identification code.
        archivist = etree.SubElement(
            hdr, q(METS_NS, "agent"), ROLE="ARCHIVIST", TYPE="ORGANIZATION"
        )
        etree.SubElement(archivist, q(METS_NS, "name")).text = clean(sub.archival_creator)
        if sub.archival_creator_id.strip():
            note = etree.SubElement(archivist, q(METS_NS, "note"))
            note.set(q(CSIP_NS, "NOTETYPE"), "IDENTIFICATIONCODE")
            note.text = clean(sub.archival_creator_id.strip())
        # CSIP10–CSIP16: the software that created the package.
        name, version = software_of(sub.submitter)
        software = etree.SubElement(
            hdr, q(METS_NS, "agent"), ROLE="CREATOR", TYPE="OTHER", OTHERTYPE="SOFTWARE"
        )
        etree.SubElement(software, q(METS_NS, "name")).text = name
        note = etree.SubElement(software, q(METS_NS, "note"))
        note.set(q(CSIP_NS, "NOTETYPE"), "SOFTWARE VERSION")
        note.text = version

        dmd = etree.SubElement(root, q(METS_NS, "dmdSec"), ID=self._id("dmd-erms"))
        dmd.set("CREATED", created)
        dmd.set("STATUS", "CURRENT")
        ref = etree.SubElement(dmd, q(METS_NS, "mdRef"), LOCTYPE="URL", MDTYPE="OTHER")
        ref.set("OTHERMDTYPE", "ERMS")
        ref.set("MDTYPEVERSION", "3.0")
        ref.set(q(XLINK_NS, "type"), "simple")
        ref.set(q(XLINK_NS, "href"), self._href(erms))
        self._file_attrs(ref, erms)

        amd = etree.SubElement(root, q(METS_NS, "amdSec"))
        prov = etree.SubElement(amd, q(METS_NS, "digiprovMD"), ID=self._id("digiprov-premis"))
        prov.set("CREATED", created)
        prov.set("STATUS", "CURRENT")
        ref = etree.SubElement(prov, q(METS_NS, "mdRef"), LOCTYPE="URL", MDTYPE="PREMIS")
        ref.set("MDTYPEVERSION", "3.0")
        ref.set(q(XLINK_NS, "type"), "simple")
        ref.set(q(XLINK_NS, "href"), self._href(premis))
        self._file_attrs(ref, premis)

        file_sec = etree.SubElement(root, q(METS_NS, "fileSec"), ID=self._id("file-sec"))
        # CSIP63 as the official rule file words it is true only for "OTHER" (see validate.py);
        # the groups follow the requirement's text: a type only where a representation is.
        doc_grp = etree.SubElement(
            file_sec, q(METS_NS, "fileGrp"), ID=self._id("grp-documentation"), USE="Documentation"
        )
        for i, f in enumerate(documentation, 1):
            self._file(doc_grp, f"documentation-{i}", f)
        schema_grp = etree.SubElement(
            file_sec, q(METS_NS, "fileGrp"), ID=self._id("grp-schemas"), USE="Schemas"
        )
        for i, f in enumerate(schemas, 1):
            self._file(schema_grp, f"schema-{i}", f)
        rep_use = f"Representations/{REPRESENTATION}"
        rep_grp: Any = None
        if rep_mets is not None or data:
            rep_grp = etree.SubElement(
                file_sec,
                q(METS_NS, "fileGrp"),
                ID=self._id(f"grp-{REPRESENTATION}" if rep_mets is not None else "grp-data"),
                USE=rep_use if rep_mets is not None else f"{rep_use}/data",
            )
            rep_grp.set(q(CSIP_NS, "CONTENTINFORMATIONTYPE"), CONTENT_INFORMATION_TYPE)
            if rep_mets is not None:
                self._file(rep_grp, f"{REPRESENTATION}-mets", rep_mets)
            for i, f in enumerate(data, 1):
                self._file(rep_grp, f"data-{i}", f, local=True)

        smap = etree.SubElement(
            root, q(METS_NS, "structMap"), ID=self._id("struct-map"), TYPE="PHYSICAL", LABEL="CSIP"
        )
        top = etree.SubElement(smap, q(METS_NS, "div"), ID=self._id("div-root"), LABEL=self.objid)
        etree.SubElement(
            top,
            q(METS_NS, "div"),
            ID=self._id("div-metadata"),
            LABEL="Metadata",
            ADMID=self._id("digiprov-premis"),
            DMDID=self._id("dmd-erms"),
        )
        div = etree.SubElement(
            top, q(METS_NS, "div"), ID=self._id("div-documentation"), LABEL="Documentation"
        )
        etree.SubElement(div, q(METS_NS, "fptr"), FILEID=self._id("grp-documentation"))
        div = etree.SubElement(top, q(METS_NS, "div"), ID=self._id("div-schemas"), LABEL="Schemas")
        etree.SubElement(div, q(METS_NS, "fptr"), FILEID=self._id("grp-schemas"))
        if rep_grp is not None:
            div = etree.SubElement(
                top, q(METS_NS, "div"), ID=self._id("div-representations"), LABEL="Representations"
            )
            etree.SubElement(div, q(METS_NS, "fptr"), FILEID=rep_grp.get("ID"))
            if rep_mets is not None:
                rep_div = etree.SubElement(
                    div, q(METS_NS, "div"), ID=self._id(f"div-{REPRESENTATION}"), LABEL=rep_use
                )
                mptr = etree.SubElement(rep_div, q(METS_NS, "mptr"), LOCTYPE="URL")
                mptr.set(q(XLINK_NS, "type"), "simple")
                mptr.set(q(XLINK_NS, "href"), rep_mets.path)
                mptr.set(q(XLINK_NS, "title"), rep_grp.get("ID"))
        return serialize(root)
