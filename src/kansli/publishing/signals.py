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

from kansli.core.extensions import SearchIndexer, search_indexer, search_indexers
from kansli.meetings.models import AgendaItem, Meeting
from kansli.memos.models import Memo, MemoSection
from kansli.minutes.models import Minutes, Paragraph
from kansli.search.services import search_remove

from .models import Publication

logger = logging.getLogger(__name__)
_state = threading.local()


def _index(kind: str, instance: Any) -> None:
    """Index now, or — inside indexing_deferred() — note it, to be indexed once on leaving."""
    pending: dict[tuple[str, int], None] | None = getattr(_state, "pending", None)
    if pending is not None:
        pending[(kind, instance.pk)] = None
        return
    search_indexer(kind).index(instance)


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
        indexer = search_indexer(kind)
        instance = indexer.model._default_manager.filter(pk=pk).first()
        if instance is not None:
            indexer.index(instance)


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
def _item(sender: Any, instance: AgendaItem, **kwargs: Any) -> None:
    if Meeting.objects.filter(pk=instance.meeting_id).exists():
        _index("meeting", instance.meeting)


@_safe
def _memo(sender: Any, instance: Memo | MemoSection, **kwargs: Any) -> None:
    memo_id = instance.memo_id if isinstance(instance, MemoSection) else instance.pk
    for item in AgendaItem.objects.filter(memo_id=memo_id).select_related("meeting__organization"):
        _index("meeting", item.meeting)


@_safe
def _publication(sender: Any, instance: Publication, **kwargs: Any) -> None:
    _index("document", instance.document)


@_safe
def _paragraph(sender: Any, instance: Paragraph, **kwargs: Any) -> None:
    if (
        instance.immediately_adjusted_on is not None
        or Minutes.objects.filter(pk=instance.minutes_id, status="justerat").exists()
    ):
        _index("minutes", instance.minutes)


def _indexer_of(sender: Any) -> SearchIndexer | None:
    return next((i for i in search_indexers() if i.model is sender), None)


def _saved(sender: Any, instance: Any, **kwargs: Any) -> None:
    """After any model is saved: a registered indexer's model is read again (decision 0018)."""
    indexer = _indexer_of(sender)
    if indexer is not None and not (indexer.skip_save and indexer.skip_save(kwargs)):
        _safe(_index_saved)(sender, instance, kind=indexer.kind, **kwargs)


def _index_saved(sender: Any, instance: Any, *, kind: str, **kwargs: Any) -> None:
    _index(kind, instance)


def _deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    indexer = _indexer_of(sender)
    if indexer is not None and indexer.removed_prefix:
        _safe(_remove)(sender, instance, prefix=indexer.removed_prefix, **kwargs)


def _remove(sender: Any, instance: Any, *, prefix: str, **kwargs: Any) -> None:
    search_remove(key=f"{prefix}:{instance.pk}")


def connect() -> None:
    # Every registered indexer's model, whichever app registered it and whenever.
    post_save.connect(_saved, dispatch_uid="search_indexer_saved")
    post_delete.connect(_deleted, dispatch_uid="search_indexer_deleted")
    # What else changes the public edition of publishing's own kinds.
    post_save.connect(_item, sender=AgendaItem, dispatch_uid="search_item")
    post_delete.connect(_item, sender=AgendaItem, dispatch_uid="search_item_delete")
    post_save.connect(_memo, sender=Memo, dispatch_uid="search_memo")
    post_save.connect(_memo, sender=MemoSection, dispatch_uid="search_memo_section")
    post_save.connect(_publication, sender=Publication, dispatch_uid="search_publication")
    post_delete.connect(_publication, sender=Publication, dispatch_uid="search_publication_del")
    post_save.connect(_paragraph, sender=Paragraph, dispatch_uid="search_paragraph")
