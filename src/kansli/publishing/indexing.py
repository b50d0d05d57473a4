"""What the search index holds: the public edition of every published thing, read through
the selectors as the anonymous public sees it (viewer None), with personal data masked.
Called from signals (infrastructure) and from `python -m kansli reindex`.

Publishing's own kinds (meetings with their memos, cases with their documents, documents,
the paragraphs of adjusted minutes) are registered like any other app's
(`kansli.core.extensions.register_search_indexer`, decision 0018): the signals and
`reindex_all` walk the registry, not a list of apps."""

from typing import Any

from django.urls import reverse

from kansli.core.extensions import SearchIndexer, register_search_indexer, search_indexers
from kansli.meetings.models import AgendaItem, Meeting
from kansli.meetings.selectors import agenda, memo_visible
from kansli.minutes.models import Minutes, MinutesStatus, Paragraph
from kansli.registry.models import Case, Document
from kansli.registry.selectors import case_get, document_get
from kansli.search.services import search_index, search_remove, search_remove_prefix

from .masking import published_facts
from .public_text import masked

PUBLIC = None  # the viewer every index entry is read as


def index_meeting(meeting: Meeting) -> None:
    """The meeting and the memos of its public items."""
    allow = published_facts()
    items = agenda(viewer=PUBLIC, meeting=meeting)
    url = reverse("publishing:meeting", args=[meeting.pk])
    search_index(
        key=f"meeting:{meeting.pk}",
        kind="sammantrade",
        title=f"{meeting.organization.name} {meeting.date.isoformat()}",
        text="\n".join(
            [meeting.place, *(f"{i.number}. {masked(i.title, allow=allow)}" for i in items)]
        ),
        url=url,
        date=meeting.date,
        organization_id=meeting.organization_id,
    )
    public_memos = set()
    for item in items:
        if item.memo is not None and memo_visible(viewer=PUBLIC, item=item):
            public_memos.add(item.memo_id)
            sections = "\n\n".join(s.text for s in item.memo.sections.all() if s.text.strip())
            search_index(
                key=f"memo:{item.memo_id}",
                kind="pm",
                title=masked(item.memo.title or item.title, allow=allow),
                text=masked(sections, allow=allow),
                url=f"{url}#punkt-{item.number}",
                date=meeting.date,
                organization_id=meeting.organization_id,
            )
    for item in AgendaItem.objects.filter(meeting=meeting, memo__isnull=False):
        if item.memo_id not in public_memos:
            search_remove(key=f"memo:{item.memo_id}")


def index_case(case: Case) -> None:
    try:
        case = case_get(viewer=PUBLIC, pk=case.pk)
    except Case.DoesNotExist:
        search_remove(key=f"case:{case.pk}")
        return
    title = masked(case.title)
    search_index(
        key=f"case:{case.pk}",
        kind="arende",
        title=f"{case.number} {title}",
        text=title,
        url=reverse("publishing:case", args=[case.pk]),
        date=case.registered_on,
        organization_id=case.organization_id,
    )


def index_document(document: Document) -> None:
    try:
        document = document_get(viewer=PUBLIC, pk=document.pk)
    except Document.DoesNotExist:
        search_remove(key=f"document:{document.pk}")
        return
    allow = published_facts()
    publication = document.publication
    description = masked(document.description, allow=allow)
    search_index(
        key=f"document:{document.pk}",
        kind="handling",
        title=f"{document.number} {description}",
        text=publication.masked_text or description,
        url=reverse("publishing:document_file", args=[document.pk])
        if document.file
        else reverse("publishing:case", args=[document.case_id]),
        date=document.date,
        organization_id=document.case.organization_id,
    )


def index_minutes(minutes: Minutes) -> None:
    """The public paragraphs of adjusted minutes, read from their public edition (the sealed
    content, masked); nothing of a draft, nothing of a paragraph that is not public."""
    from .minutes_edition import public_minutes_data

    paragraphs = list(Paragraph.objects.filter(minutes=minutes).values_list("pk", "number"))
    if minutes.status != MinutesStatus.ADJUSTED:
        for pk, _ in paragraphs:
            search_remove(key=f"paragraph:{pk}")
        return
    data = public_minutes_data(minutes)
    by_number = {p["number"]: p for p in data["paragraphs"]}
    meeting = minutes.meeting
    url = reverse("publishing:minutes", args=[meeting.pk])
    for pk, number in paragraphs:
        p = by_number.get(number)
        if p is None or not p.get("public", True):
            search_remove(key=f"paragraph:{pk}")
            continue
        search_index(
            key=f"paragraph:{pk}",
            kind="paragraf",
            title=f"{p['label']} {p['title']}",
            text=_paragraph_text(p),
            url=f"{url}#p-{number}",
            date=meeting.date,
            organization_id=meeting.organization_id,
        )


def _paragraph_text(p: dict[str, Any]) -> str:
    """What a public paragraph says, as the public minutes print it: the summary, the
    proposals (yrkanden, "Namn (S) yrkar …"), the proposition order, the decision, the
    reservations with their motivation and the notes to the minutes."""
    parts = [
        _blocks_text(p.get("summary", [])),
        *(proposal["sentence"] for proposal in p.get("proposals", [])),
        p.get("proposition_order", ""),
        p.get("decision_formula", ""),
        *p.get("clauses", []),
        *p.get("reservations", []),
        *p.get("notes", []),
    ]
    return "\n".join(part for part in parts if part)


_TEXT_KEYS = frozenset({"text", "runs", "items", "rows", "header"})


def _blocks_text(value: object) -> str:
    """The text of a memo-markup block structure (nested dicts and lists)."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return " ".join(
            _blocks_text(v)
            for k, v in value.items()
            if k in {"text", "runs", "items", "rows", "header"}
        )
    if isinstance(value, list):
        return "\n".join(_blocks_text(v) for v in value)
    return ""


def index_case_and_documents(case: Case) -> None:
    """After a case is saved: the case, and its documents (their public edition names it)."""
    index_case(case)
    for document in Document.objects.filter(case=case):
        index_document(document)


def register_indexers() -> None:
    """Publishing's own indexers, in the order a rebuild walks them."""
    register_search_indexer(
        SearchIndexer(
            kind="meeting",
            model=Meeting,
            index=index_meeting,
            prefixes=("meeting:", "memo:"),
            rebuild=lambda: Meeting.objects.select_related("organization"),
            counted_as="meetings",
            removed_prefix="meeting",
            order=10,
        )
    )
    register_search_indexer(
        SearchIndexer(
            kind="case",
            model=Case,
            index=index_case_and_documents,
            rebuild_one=index_case,  # the documents have their own indexer
            prefixes=("case:",),
            rebuild=lambda: Case.objects.all(),
            counted_as="cases",
            removed_prefix="case",
            # A document was registered: nothing public about the case changed.
            skip_save=lambda kwargs: (
                kwargs.get("update_fields") == frozenset({"next_document_number"})
            ),
            order=20,
        )
    )
    register_search_indexer(
        SearchIndexer(
            kind="document",
            model=Document,
            index=index_document,
            prefixes=("document:",),
            rebuild=lambda: Document.objects.filter(publication__status="granskad"),
            counted_as="documents",
            removed_prefix="document",
            order=30,
        )
    )
    register_search_indexer(
        SearchIndexer(
            kind="minutes",
            model=Minutes,
            index=index_minutes,
            prefixes=("paragraph:",),
            rebuild=lambda: Minutes.objects.filter(status=MinutesStatus.ADJUSTED).select_related(
                "meeting__organization"
            ),
            counted_as="minutes",
            order=40,
        )
    )


def reindex_all() -> dict[str, int]:
    """Rebuild the whole index from the database, every registered indexer in its order;
    returns counts per kind (the indexers' `counted_as`)."""
    indexers = search_indexers()
    for indexer in indexers:
        for prefix in indexer.prefixes:
            search_remove_prefix(prefix=prefix)
    counts = {indexer.counted_as: 0 for indexer in indexers}
    for indexer in indexers:
        one = indexer.rebuild_one or indexer.index
        for instance in indexer.rebuild():
            one(instance)
            counts[indexer.counted_as] += 1
    return counts
