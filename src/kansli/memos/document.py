"""The document model of a memo: plain, JSON-ready data that both renderers read.

The HTML templates and the Typst templates receive exactly this; neither reads the models.
"""

from collections.abc import Callable
from typing import Any

from kansli.core.formatting import format_date
from kansli.registry.models import Document

from . import markup, rules
from .models import Memo, SectionKey

# Which registered documents a reader of this rendering may see named in the basis.
DocumentFilter = Callable[[Document], bool]


def proposal_data(formula: str, clauses: list[str]) -> dict[str, Any]:
    return {"formula": formula, "clauses": rules.join_clauses(clauses)}


def memo_data(memo: Memo, *, shows_document: DocumentFilter | None = None) -> dict[str, Any]:
    """The memo as data. Basis entries that link a document the reader may not see are left
    out (a public edition does not name a secret document)."""
    sections = {section.key: section.text for section in memo.sections.all()}
    basis = [
        entry.text
        for entry in memo.basis.select_related("document__case").all()
        if entry.document is None or shows_document is None or shows_document(entry.document)
    ]
    return {
        "header": {
            "unit": memo.unit,
            "official": memo.official_name,
            "meeting_date": memo.meeting_date.isoformat(),
            "case_number": memo.case_number,
            "organization": memo.organization.name,
        },
        "title": memo.title,
        "draft": not memo.is_ready,
        "proposal": proposal_data(
            memo.proposal.formula, [clause.text for clause in memo.proposal.clauses.all()]
        ),
        "sections": [
            {"key": key.value, "heading": key.label, "blocks": markup.parse(sections[key])}
            for key in SectionKey
            if sections.get(key, "").strip()
        ],
        "basis": basis,
        "signature": {"name": memo.signatory_name, "title": memo.signatory_title},
        "send_to": [recipient.label for recipient in memo.recipients.all()],
        "meeting_date_text": format_date(memo.meeting_date),
    }


def summary_blocks(memo: Memo) -> list[dict[str, Any]]:
    """The memo's Sammanfattning, for the agenda of the meeting book."""
    texts = [s.text for s in memo.sections.all() if s.key == SectionKey.SUMMARY]
    return markup.parse(texts[0]) if texts else []
