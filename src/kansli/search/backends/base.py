"""What a full-text backend does. The stems come from kansli.search.stemming; a backend only
stores them beside SearchEntry and asks its database which entries match and how well."""

import datetime
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass

from ..models import SearchEntry
from ..query import ParsedQuery

# Counting stops here ("more than 500 hits" is all a reader needs to know), and a query that
# matches more entries is ranked among the MAX_COUNT most recently indexed of them: every
# query's cost is bounded, whatever its words.
MAX_COUNT = 500


@dataclass(frozen=True)
class Filters:
    kinds: tuple[str, ...] = ()
    organization_id: int | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None

    @property
    def any(self) -> bool:
        return bool(self.kinds) or any(
            v is not None for v in (self.organization_id, self.date_from, self.date_to)
        )


@dataclass(frozen=True)
class IndexItem:
    """One entry for search_index_many: the arguments of search_index."""

    key: str
    kind: str
    title: str
    text: str
    url: str
    date: datetime.date | None
    organization_id: int | None


@dataclass(frozen=True)
class IndexRow(IndexItem):
    """One entry as a bulk load inserts it: the entry's fields and its stems."""

    title_stems: str
    text_stems: str


@dataclass(frozen=True)
class Matches:
    ids: list[int]  # the page, best first
    total: int  # at most MAX_COUNT + 1 (meaning: more than MAX_COUNT)


class Backend(ABC):
    vendor: str

    @abstractmethod
    def write(self, entry: SearchEntry, title_stems: str, text_stems: str) -> None:
        """Set the full-text row of an entry that exists (replacing what it had)."""

    @abstractmethod
    def insert_many(self, rows: Sequence[IndexRow]) -> int:
        """Insert new entries with their full-text rows (no key may exist yet)."""

    @abstractmethod
    def match(self, query: ParsedQuery, filters: Filters, offset: int, limit: int) -> Matches:
        """Entries matching a non-empty query, best first."""
