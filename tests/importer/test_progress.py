"""The import's progress: counted per file read, reported outside any transaction; and what a
job keeps of a result stays small whatever the files hold."""

import pytest
from django.db import transaction

from kansli.importer.parsing.parsed import ParsedFile
from kansli.importer.services import ImportResult, import_files
from kansli.importer.summary import MAX_LINES, summary_of

from .helpers import FILES


@pytest.mark.django_db(transaction=True)
def test_progress_counts_the_files_and_no_transaction_is_open_while_reading(body, series):
    files = [
        (name, (FILES / name).read_bytes())
        for name in ("tjansteskrivelse_region.txt", "tjansteskrivelse_region.txt")
    ]
    seen: list[tuple[int, int, str, bool]] = []

    def progress(done: int, total: int, step: str) -> None:
        seen.append((done, total, step, transaction.get_connection().in_atomic_block))

    import_files(actor=None, body=body, files=files, trial=True, progress=progress)
    assert [(done, total) for done, total, _step, _open in seen] == [(0, 3), (1, 3), (2, 3)]
    assert seen[0][2] == "Läser tjansteskrivelse_region.txt (fil 1 av 2)"
    assert seen[2][2] == "Provar importen"
    # The files are read, and the progress written, before the write transaction opens.
    assert [in_atomic for *_rest, in_atomic in seen] == [False, False, False]


def test_what_a_job_keeps_is_cut_to_its_first_lines_with_the_full_count():
    parsed = ParsedFile("stor.txt")
    for line in range(MAX_LINES + 500):
        parsed.warn(line + 1, "Varning")
        parsed.error(line + 1, "Fel")
    result = ImportResult([parsed], created=[f"Rad {n}" for n in range(MAX_LINES * 3)])
    kept = summary_of(result)
    assert kept["warnings"]["count"] == MAX_LINES + 500
    assert len(kept["warnings"]["shown"]) == MAX_LINES
    assert kept["errors"]["count"] == MAX_LINES + 500
    assert kept["created"]["count"] == MAX_LINES * 3 and len(kept["created"]["shown"]) == MAX_LINES
