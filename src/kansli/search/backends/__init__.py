"""The full-text backend for the database in use."""

from django.db import connection

from .base import Backend, Filters, IndexItem, IndexRow, Matches
from .postgresql import PostgreSQLBackend
from .sqlite import SQLiteBackend

__all__ = ["Backend", "Filters", "IndexItem", "IndexRow", "Matches", "backend"]

_BACKENDS: dict[str, Backend] = {"sqlite": SQLiteBackend(), "postgresql": PostgreSQLBackend()}


def backend() -> Backend:
    """The backend for the default database's vendor."""
    try:
        return _BACKENDS[connection.vendor]
    except KeyError:
        raise NotImplementedError(
            f"Sökningen stöder SQLite och PostgreSQL, inte {connection.vendor}."
        ) from None
