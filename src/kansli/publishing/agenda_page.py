"""A meeting's agenda as the public page shows it: each item with its proposal, its memo
(with personal data masked) and the case's documents the viewer may see."""

from dataclasses import dataclass, field

from django.db.models import prefetch_related_objects

from kansli.core.roles import Viewer
from kansli.meetings.models import AgendaItem
from kansli.meetings.selectors import memo_visible
from kansli.memos.models import MemoSection, SectionKey
from kansli.registry.models import Document
from kansli.registry.selectors import documents_of_cases

from .masking import published_facts
from .public_text import masked


@dataclass
class PublicItem:
    item: AgendaItem
    title: str
    formula: str
    clauses: list[str]
    sections: list[tuple[str, str]] = field(default_factory=list)
    documents: list[tuple[Document, str]] = field(default_factory=list)


def public_items(viewer: Viewer | None, items: list[AgendaItem]) -> list[PublicItem]:
    """The items (already chosen by the agenda selector for this viewer), filled in."""
    allow = published_facts()
    prefetch_related_objects(items, "memo__sections")
    documents = documents_of_cases(
        viewer=viewer, cases=[item.case for item in items if item.case is not None]
    )
    shown = []
    for item in items:
        case = item.case
        proposal = item.proposal
        entry = PublicItem(
            item=item,
            title=masked(item.title, allow=allow),
            formula=masked(proposal.formula, allow=allow) if proposal else "",
            clauses=[masked(c.text, allow=allow) for c in proposal.clauses.all()]
            if proposal
            else [],
        )
        if item.memo is not None and memo_visible(viewer=viewer, item=item):
            entry.sections = [
                (section.get_key_display(), masked(section.text, allow=allow))
                for section in sorted(item.memo.sections.all(), key=_section_order)
                if section.text.strip()
            ]
        if case is not None:
            entry.documents = [
                (document, masked(document.description, allow=allow))
                for document in documents[case.pk]
            ]
        shown.append(entry)
    return shown


_ORDER = {key: position for position, key in enumerate(SectionKey.values)}


def _section_order(section: MemoSection) -> int:
    return _ORDER.get(section.key, len(_ORDER))
