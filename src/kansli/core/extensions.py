"""Extension points shared by every app (decision 0018), in the spirit of Wagtail's hooks.

Core is the lowest layer: it names no app. Each app registers, in its AppConfig.ready(),
what it adds to the pages that gather from all apps:

- `register_nav(NavEntry(...))` — a link in the main menu (base.html), with who may see it
  and its place in the menu;
- `register_start_panel(provider, order=…, visible=…)` — tasks and deadlines on the start
  page (kansli.start);
- `register_portal_section(PortalSection(...))` — a link on the public portal's front page;
- `register_search_indexer(SearchIndexer(...))` — a model whose public edition the search
  index holds; publishing keeps it in step (signals) and rebuilds it (`reindex`);
  `register_search_kind(value, label)` — a kind of hit beside the search app's own
  (`kansli.search.models.SearchKind`), offered in the search page's filter.

What happens after a document is registered or inspected stays in `kansli.registry.hooks`
(`on_case_registered`, `on_document_inspected`, `on_case_page`): those callbacks take the
registry's own models. The functions here follow their style: one function per extension
point, registering the same thing twice has no effect, and the readers return the
registrations in their order.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.db.models import Model

from .deadlines import DeadlineState
from .roles import Viewer

Predicate = Callable[[Viewer | None], bool]


def everyone(viewer: Viewer | None) -> bool:
    """Anyone, signed in or not."""
    return True


def signed_in(viewer: Viewer | None) -> bool:
    return viewer is not None and bool(viewer.is_authenticated)


def anonymous(viewer: Viewer | None) -> bool:
    return not signed_in(viewer)


def django_staff(viewer: Viewer | None) -> bool:
    """Users who may open Django's admin."""
    return bool(getattr(viewer, "is_staff", False))


# -- the main menu ---------------------------------------------------------------------------


@dataclass(frozen=True)
class NavEntry:
    """A link in the main menu: `label` in Swedish, `url_name` to reverse, `nav` the key a
    page sets to be marked as the current section ("" for none), `visible` who sees it, and
    `order` its place (lower first)."""

    label: str
    url_name: str
    nav: str
    order: int
    visible: Predicate = everyone


_nav: list[NavEntry] = []


def register_nav(entry: NavEntry) -> None:
    if entry not in _nav:
        _nav.append(entry)


def nav_entries(viewer: Viewer | None) -> list[NavEntry]:
    """The menu as `viewer` sees it, in order."""
    return [e for e in sorted(_nav, key=lambda e: e.order) if e.visible(viewer)]


# -- the start page --------------------------------------------------------------------------


@dataclass(frozen=True)
class Deadline:
    day: datetime.date
    what: str
    url: str
    state: DeadlineState


@dataclass
class StartItems:
    """What one app adds to a viewer's start page: tasks as (text, url) and deadlines."""

    tasks: list[tuple[str, str]] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)


class StartPanel(Protocol):
    """`body` is the viewer's Body (kansli.people), which core cannot name."""

    def __call__(self, *, viewer: Viewer, body: Any, today: datetime.date) -> StartItems: ...


@dataclass(frozen=True)
class _StartPanelEntry:
    provider: StartPanel
    order: int
    visible: Predicate


_start_panels: list[_StartPanelEntry] = []


def register_start_panel(
    provider: StartPanel, *, order: int, visible: Predicate = everyone
) -> None:
    """Add `provider(viewer=…, body=…, today=…)`'s tasks and deadlines to the start page of
    the signed-in viewers `visible` admits; the tasks are listed by `order`."""
    if all(entry.provider is not provider for entry in _start_panels):
        _start_panels.append(_StartPanelEntry(provider, order, visible))


def start_items(*, viewer: Viewer, body: Any, today: datetime.date) -> StartItems:
    """Every registered panel's items for `viewer`, tasks in the panels' order."""
    result = StartItems()
    for entry in sorted(_start_panels, key=lambda e: e.order):
        if entry.visible(viewer):
            items = entry.provider(viewer=viewer, body=body, today=today)
            result.tasks += items.tasks
            result.deadlines += items.deadlines
    return result


# -- the public portal -----------------------------------------------------------------------


@dataclass(frozen=True)
class PortalSection:
    """A link on the public portal's front page: `label` in Swedish, `url_name`, `order`,
    and `visible` who sees it (everyone, as a rule: the portal is public)."""

    label: str
    url_name: str
    order: int
    visible: Predicate = everyone


_portal: list[PortalSection] = []


def register_portal_section(section: PortalSection) -> None:
    if section not in _portal:
        _portal.append(section)


def portal_sections(viewer: Viewer | None) -> list[PortalSection]:
    return [s for s in sorted(_portal, key=lambda s: s.order) if s.visible(viewer)]


# -- search indexing -------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchIndexer:
    """A model whose public edition the search index holds.

    - `kind`: a short name, unique among the indexers ("meeting");
    - `index(instance)`: read the instance's public edition again and index it (or remove
      it when it is no longer public); called after each save of a `model`;
    - `removed_prefix`: after a delete, the key `f"{removed_prefix}:{pk}"` leaves the index
      ("" for none);
    - `prefixes`: the key prefixes the indexer writes, cleared before a full rebuild;
    - `rebuild`: what a full rebuild walks, and `rebuild_one` what it calls for each
      (default `index`); `counted_as` the name of the count `reindex` reports;
    - `skip_save(kwargs)`: True for a save (post_save's keyword arguments) that changes
      nothing public.
    """

    kind: str
    model: type[Model]
    index: Callable[[Any], None]
    prefixes: tuple[str, ...]
    rebuild: Callable[[], Iterable[Any]]
    counted_as: str
    removed_prefix: str = ""
    rebuild_one: Callable[[Any], None] | None = None
    skip_save: Callable[[dict[str, Any]], bool] | None = None
    order: int = 100


_indexers: dict[str, SearchIndexer] = {}


def register_search_indexer(indexer: SearchIndexer) -> None:
    _indexers.setdefault(indexer.kind, indexer)


def search_indexers() -> list[SearchIndexer]:
    return sorted(_indexers.values(), key=lambda i: i.order)


def search_indexer(kind: str) -> SearchIndexer:
    return _indexers[kind]


_search_kinds: dict[str, str] = {}


def register_search_kind(value: str, label: str) -> None:
    """A kind of search hit (`value` as stored, `label` in Swedish) beside the search app's
    own kinds."""
    _search_kinds.setdefault(value, label)


def search_kinds() -> list[tuple[str, str]]:
    """The registered kinds as (value, label), in the order they were registered."""
    return list(_search_kinds.items())
