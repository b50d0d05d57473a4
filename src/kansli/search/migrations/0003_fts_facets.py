"""SQLite: the FTS5 table gets a third column of facet tokens (kind, organ, dates), so that the
filters run inside the full-text index. The table is rebuilt and refilled from the entries."""

from django.db import migrations

from kansli.search.backends.sqlite import facets
from kansli.search.stemming import index_stems


def forward(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute("DROP TABLE search_fts")
    schema_editor.execute(
        "CREATE VIRTUAL TABLE search_fts USING fts5("
        "title, text, facets, tokenize = 'unicode61 remove_diacritics 0')"
    )
    entries = apps.get_model("search", "SearchEntry").objects.all()
    with schema_editor.connection.cursor() as cursor:
        for entry in entries.iterator():
            cursor.execute(
                "INSERT INTO search_fts (rowid, title, text, facets) VALUES (%s, %s, %s, %s)",
                [
                    entry.pk,
                    index_stems(entry.title),
                    index_stems(entry.text),
                    facets(entry.kind, entry.organization_id, entry.date),
                ],
            )


def backward(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute("DROP TABLE search_fts")
    schema_editor.execute(
        "CREATE VIRTUAL TABLE search_fts USING fts5("
        "title, text, tokenize = 'unicode61 remove_diacritics 0')"
    )


class Migration(migrations.Migration):
    dependencies = [("search", "0002_fulltext")]

    operations = [migrations.RunPython(forward, backward)]
