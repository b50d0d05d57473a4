"""The full-text structure beside SearchEntry, by database.

SQLite: an FTS5 table `search_fts` (title, text) holding the stems from kansli.search.stemming,
rowid = SearchEntry.id, and a trigger that deletes its row with the entry (so a bulk delete or
a test flush leaves no orphans).
PostgreSQL: a tsvector column `document` on search_searchentry (title weighted A, text B; the
service writes it from the same stems) with a GIN index.
Neither is a Django field, so the model state (and makemigrations --check) is the same on both.
"""

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        title, text, tokenize = 'unicode61 remove_diacritics 0')""",
    """CREATE TRIGGER search_entry_delete AFTER DELETE ON search_searchentry BEGIN
        DELETE FROM search_fts WHERE rowid = old.id;
    END""",
]
SQLITE_BACKWARD = ["DROP TRIGGER IF EXISTS search_entry_delete", "DROP TABLE IF EXISTS search_fts"]
POSTGRESQL_FORWARD = [
    "ALTER TABLE search_searchentry ADD COLUMN document tsvector NOT NULL DEFAULT ''",
    "CREATE INDEX search_entry_document ON search_searchentry USING gin (document)",
]
POSTGRESQL_BACKWARD = [
    "DROP INDEX IF EXISTS search_entry_document",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS document",
]


def _run(schema_editor, statements: dict[str, list[str]]) -> None:
    for sql in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(sql)


def forward(apps, schema_editor) -> None:
    _run(schema_editor, {"sqlite": SQLITE_FORWARD, "postgresql": POSTGRESQL_FORWARD})


def backward(apps, schema_editor) -> None:
    _run(schema_editor, {"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRESQL_BACKWARD})


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
