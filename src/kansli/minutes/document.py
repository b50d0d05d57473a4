"""Rendering the minutes and extracts. Adjusted minutes are rendered from their sealed
content, after checking it against the stored SHA-256."""

from typing import Any

from django.utils import timezone

from kansli.core.pdf import render_pdf

from .content import (
    digest,
    minutes_content,
    posting_data,
    signatures_data,
)
from .models import Minutes, Paragraph
from .wording import worded_paragraph

TAMPERED = (
    "VARNING: Protokollets innehåll stämmer inte med kontrollsumman från justeringen. "
    "Det justerade protokollet har ändrats utanför Kansli. Kontakta systemförvaltningen."
)


class IntegrityError(Exception):
    """Adjusted minutes whose content no longer matches their hash."""


def integrity_problems(minutes: Minutes) -> list[str]:
    """Empty when every sealed part matches its hash; otherwise what does not."""
    problems = []
    if minutes.is_locked and (
        minutes.sealed_content is None or digest(minutes.sealed_content) != minutes.content_hash
    ):
        problems.append(TAMPERED)
    for paragraph in minutes.paragraphs.filter(immediately_adjusted_on__isnull=False):
        if (
            paragraph.sealed_content is None
            or digest(paragraph.sealed_content) != paragraph.content_hash
        ):
            problems.append(
                f"VARNING: {paragraph.label} stämmer inte med kontrollsumman från den "
                "omedelbara justeringen."
            )
    return problems


def minutes_data(minutes: Minutes) -> dict[str, Any]:
    """The minutes for the page and the PDF: the sealed content once adjusted (raises
    IntegrityError when it does not match its hash), the live content before; each
    paragraph with the sentences of its proposals and votes (wording.worded_paragraph)."""
    problems = integrity_problems(minutes)
    if problems:
        raise IntegrityError(" ".join(problems))
    if minutes.is_locked and minutes.sealed_content is not None:
        content = dict(minutes.sealed_content)
    else:
        content = minutes_content(minutes)
    sealed = {
        p.number: p.sealed_content
        for p in minutes.paragraphs.filter(immediately_adjusted_on__isnull=False)
        if p.sealed_content is not None
    }
    # Worded when shown (proposals, votes), never stored: the sealed content stays as signed.
    content["paragraphs"] = [
        worded_paragraph(sealed.get(p["number"], p)) for p in content["paragraphs"]
    ]
    content.update(
        status=minutes.status,
        signatures=signatures_data(minutes),
        posting=posting_data(minutes),
        hash=minutes.content_hash or None,
    )
    return content


def minutes_pdf(minutes: Minutes) -> bytes:
    return render_pdf("minutes/typst/minutes.typ", {"minutes": minutes_data(minutes)})


def extract_data(paragraphs: list[Paragraph], *, certified_by: str = "") -> dict[str, Any]:
    """A protokollsutdrag of paragraphs of one minutes, with the certification line."""
    minutes = paragraphs[0].minutes
    data = minutes_data(minutes)
    wanted = {p.number for p in paragraphs}
    data["paragraphs"] = [p for p in data["paragraphs"] if p["number"] in wanted]
    data["paragraph_range"] = ""
    adjusted = minutes.is_locked or all(p.immediately_adjusted_on for p in paragraphs)
    who = certified_by or minutes.secretary_name or "nämndsekreteraren"
    data["certification"] = (
        f"Utdraget överensstämmer med originalprotokollet. Intygas: {who}, "
        f"{timezone.localdate().isoformat()}"
        if adjusted
        else "Protokollet är inte justerat. Utdraget är inte bestyrkt."
    )
    return data


def extract_pdf(paragraphs: list[Paragraph], *, certified_by: str = "") -> bytes:
    return render_pdf(
        "minutes/typst/extract.typ",
        {"extract": extract_data(paragraphs, certified_by=certified_by)},
    )
