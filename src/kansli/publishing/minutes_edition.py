"""The public edition of adjusted minutes: paragraphs that are not public show only their
number, and personal data of private persons is masked in the rest."""

from typing import Any

from kansli.core.pdf import render_pdf
from kansli.minutes.document import minutes_data
from kansli.minutes.models import Minutes, MinutesStatus

from .public_text import masked_data

WITHHELD_TITLE = "Paragrafen publiceras inte"
WITHHELD_NOTE = (
    "Paragrafen innehåller uppgifter som inte publiceras (sekretess eller personuppgifter). "
    "Den kan begäras ut från registraturen."
)


def public_minutes_data(minutes: Minutes) -> dict[str, Any]:
    """Only for adjusted minutes (a draft is never public): raises ValueError otherwise.
    IntegrityError from minutes_data when the sealed content does not match its hash."""
    if minutes.status != MinutesStatus.ADJUSTED:
        raise ValueError("only adjusted minutes have a public edition")
    data = minutes_data(minutes)
    data["paragraphs"] = [p if p.get("public", True) else _withheld(p) for p in data["paragraphs"]]
    public: dict[str, Any] = masked_data(data)
    return public


def _withheld(paragraph: dict[str, Any]) -> dict[str, Any]:
    return {
        **{k: v for k, v in paragraph.items() if k in {"number", "label", "public"}},
        "title": WITHHELD_TITLE,
        "case_number": "",
        "summary": [],
        "attendance_notes": [],
        "proposals": [],
        "proposition_order": "",
        "votes": [],
        "decision_formula": "",
        "clauses": [],
        "reservations": [],
        "notes": [WITHHELD_NOTE],
        "immediately_adjusted": paragraph.get("immediately_adjusted", False),
        "send_to": [],
    }


def public_minutes_pdf(minutes: Minutes) -> bytes:
    return render_pdf("minutes/typst/minutes.typ", {"minutes": public_minutes_data(minutes)})
