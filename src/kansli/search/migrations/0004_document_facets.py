"""PostgreSQL: the tsvector of every entry gets the facet lexemes (backends/facets.py), so that
the filters run inside the GIN index. The documents are rebuilt from the entries."""

from django.db import migrations

from kansli.search.backends.facets import entry_facets
from kansli.search.backends.postgresql import DOCUMENT, facet_lexemes
from kansli.search.stemming import index_stems


def forward(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    entries = apps.get_model("search", "SearchEntry").objects.all()
    with schema_editor.connection.cursor() as cursor:
        for entry in entries.iterator():
            cursor.execute(
                f"UPDATE search_searchentry SET document = {DOCUMENT} WHERE id = %s",  # noqa: S608
                [
                    index_stems(entry.title),
                    index_stems(entry.text),
                    facet_lexemes(entry_facets(entry.kind, entry.organization_id, entry.date)),
                    entry.pk,
                ],
            )


class Migration(migrations.Migration):
    dependencies = [("search", "0003_fts_facets")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
