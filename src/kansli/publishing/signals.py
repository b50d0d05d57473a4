"""Keeping the search index in step with the database (infrastructure only: the signals
decide nothing, they ask publishing/indexing.py to read the public edition again)."""

import functools
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from kansli.meetings.models import AgendaItem, Meeting
from kansli.memos.models import Memo, MemoSection
from kansli.minutes.models import Minutes, Paragraph
from kansli.registry.models import Case, Document
from kansli.search.services import search_remove

from . import indexing
from .models import Publication

logger = logging.getLogger(__name__)
_state = threading.local()


def _index_case(case: Case) -> None:
    indexing.index_case(case)
    for document in Document.objects.filter(case=case):
        indexing.index_document(document)


# What a receiver asks to have read again, by kind: the model and the indexer.
_INDEXERS: dict[str, tuple[Any, Callable[[Any], None]]] = {
    "meeting": (Meeting, indexing.index_meeting),
    "case": (Case, _index_case),
    "document": (Document, indexing.index_document),
    "minutes": (Minutes, indexing.index_minutes),
}


def _index(kind: str, instance: Any) -> None:
    """Index now, or — inside indexing_deferred() — note it, to be indexed once on leaving."""
    pending: dict[tuple[str, int], None] | None = getattr(_state, "pending", None)
    if pending is not None:
        pending[(kind, instance.pk)] = None
        return
    _INDEXERS[kind][1](instance)


@contextmanager
def indexing_deferred() -> Iterator[None]:
    """For a bulk write (the demo, an import): inside, the receivers only note what changed;
    on leaving, each noted thing is indexed once, read afresh — still inside the caller's
    transaction, so a failure fails the write as it would have. Removals are not deferred."""
    if getattr(_state, "pending", None) is not None:
        yield  # already deferred by an outer block, which indexes
        return
    _state.pending = {}
    try:
        yield
        noted = list(_state.pending)
    finally:
        _state.pending = None
    for kind, pk in noted:
        model, indexer = _INDEXERS[kind]
        instance = model.objects.filter(pk=pk).first()
        if instance is not None:
            indexer(instance)


def _safe(receiver: Callable[..., None]) -> Callable[..., None]:
    """Run an indexing receiver in a savepoint. By default (KANSLI_SEARCH_STRICT) a failure
    fails the write that caused it, so that nothing that should leave the index stays
    searchable; with KANSLI_SEARCH_STRICT=0 it is logged and `python -m kansli reindex`
    repairs the index."""

    @functools.wraps(receiver)
    def wrapped(*args: Any, **kwargs: Any) -> None:
        if kwargs.get("raw"):  # loading fixtures
            return
        try:
            with transaction.atomic():
                receiver(*args, **kwargs)
        except Exception:
            if settings.KANSLI_SEARCH_STRICT:
                raise
            logger.exception("search indexing failed in %s", receiver.__name__)

    return wrapped


@_safe
def _meeting(sender: Any, instance: Meeting, **kwargs: Any) -> None:
    _index("meeting", instance)


@_safe
def _item(sender: Any, instance: AgendaItem, **kwargs: Any) -> None:
    if Meeting.objects.filter(pk=instance.meeting_id).exists():
        _index("meeting", instance.meeting)


@_safe
def _memo(sender: Any, instance: Memo | MemoSection, **kwargs: Any) -> None:
    memo_id = instance.memo_id if isinstance(instance, MemoSection) else instance.pk
    for item in AgendaItem.objects.filter(memo_id=memo_id).select_related("meeting__organization"):
        _index("meeting", item.meeting)


@_safe
def _case(sender: Any, instance: Case, **kwargs: Any) -> None:
    if kwargs.get("update_fields") == frozenset({"next_document_number"}):
        return  # a document was registered: nothing public about the case changed
    _index("case", instance)


@_safe
def _document(sender: Any, instance: Document, **kwargs: Any) -> None:
    _index("document", instance)


@_safe
def _publication(sender: Any, instance: Publication, **kwargs: Any) -> None:
    _index("document", instance.document)


@_safe
def _minutes(sender: Any, instance: Minutes, **kwargs: Any) -> None:
    _index("minutes", instance)


@_safe
def _paragraph(sender: Any, instance: Paragraph, **kwargs: Any) -> None:
    if (
        instance.immediately_adjusted_on is not None
        or Minutes.objects.filter(pk=instance.minutes_id, status="justerat").exists()
    ):
        _index("minutes", instance.minutes)


def _removed(prefix: str) -> Any:
    def receiver(sender: Any, instance: Any, **kwargs: Any) -> None:
        search_remove(key=f"{prefix}:{instance.pk}")

    return _safe(receiver)


def connect() -> None:
    post_save.connect(_meeting, sender=Meeting, dispatch_uid="search_meeting")
    post_save.connect(_item, sender=AgendaItem, dispatch_uid="search_item")
    post_delete.connect(_item, sender=AgendaItem, dispatch_uid="search_item_delete")
    post_save.connect(_memo, sender=Memo, dispatch_uid="search_memo")
    post_save.connect(_memo, sender=MemoSection, dispatch_uid="search_memo_section")
    post_save.connect(_case, sender=Case, dispatch_uid="search_case")
    post_save.connect(_document, sender=Document, dispatch_uid="search_document")
    post_save.connect(_publication, sender=Publication, dispatch_uid="search_publication")
    post_delete.connect(_publication, sender=Publication, dispatch_uid="search_publication_del")
    post_save.connect(_minutes, sender=Minutes, dispatch_uid="search_minutes")
    post_save.connect(_paragraph, sender=Paragraph, dispatch_uid="search_paragraph")
    post_delete.connect(_removed("meeting"), sender=Meeting, dispatch_uid="search_meeting_del")
    post_delete.connect(_removed("case"), sender=Case, dispatch_uid="search_case_del")
    post_delete.connect(_removed("document"), sender=Document, dispatch_uid="search_doc_del")
