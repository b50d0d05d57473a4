"""What a backup records about an SQLite database: rows per table, files its rows name."""

import sqlite3

from django.apps import apps
from django.db import models


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def tables(connection: sqlite3.Connection) -> list[str]:
    return [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
        )
    ]


def row_counts(connection: sqlite3.Connection) -> dict[str, int]:
    """Rows in every table (the search index's virtual tables and their shadow tables too)."""
    return {
        name: int(connection.execute(f"SELECT count(*) FROM {_quoted(name)}").fetchone()[0])  # noqa: S608 - names from sqlite_master
        for name in tables(connection)
    }


def referenced_files(connection: sqlite3.Connection) -> set[str]:
    """The file names (relative to MEDIA_ROOT) that the rows' file fields hold."""
    present = set(tables(connection))
    names: set[str] = set()
    for model in apps.get_models():
        table = model._meta.db_table
        if table not in present:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                column = _quoted(field.column)
                names.update(
                    row[0]
                    for row in connection.execute(
                        f"SELECT {column} FROM {_quoted(table)} "  # noqa: S608 - from the models
                        f"WHERE {column} IS NOT NULL AND {column} <> ''"
                    )
                )
    return names
