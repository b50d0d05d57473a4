"""`make bench`: run each benchmark on SQLite and PostgreSQL in one run, print side by side."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(module: str, database_url: str, *args: str) -> dict:
    env = dict(os.environ, KANSLI_TEST_DATABASE_URL=database_url)
    output = subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def meeting_book() -> None:
    kansli = run("bench.meeting_book", "", "kansli")
    weasy = run("bench.meeting_book", "", "weasyprint")
    k_rate = kansli["pages"] / kansli["seconds"]
    w_rate = weasy["pages"] / weasy["seconds"]
    f_rate = kansli["frame_pages"] / kansli["frame_seconds"]
    print(f"Kallelse med handlingar (demomötet utfyllt), median av {kansli['runs']} körningar:")
    print(
        f"  Kansli      {kansli['pages']} sidor på {kansli['seconds']:.2f} s "
        f"= {k_rate:.0f} sidor/s "
        f"(första bygget i ny process {kansli['first_seconds']:.2f} s), "
        f"toppminne {kansli['peak_mb']:.0f} MB"
    )
    print(
        f"    varav Typst-ramen (varm: Typst återanvänder layout i processen) "
        f"{kansli['frame_pages']} sidor på {kansli['frame_seconds']:.3f} s"
        f" = {f_rate:.0f} sidor/s"
    )
    print(
        f"  WeasyPrint  {weasy['pages']} sidor på {weasy['seconds']:.2f} s = {w_rate:.0f} sidor/s, "
        f"toppminne {weasy['peak_mb']:.0f} MB"
    )
    print(f"  kvot Kansli/WeasyPrint (sidor per sekund): {k_rate / w_rate:.1f}")
    print(f"  kvot enbart genererade sidor (Typst/WeasyPrint): {f_rate / w_rate:.1f}")


def search(postgres: str) -> None:
    """The search index with a million documents on both databases, side by side."""
    from bench.search import report

    documents = os.environ.get("KANSLI_BENCH_SEARCH_DOCUMENTS", "1000000")
    print(f"Sökindex: indexerar {documents} dokument per databas (tar en stund) …", flush=True)
    sqlite = run("bench.search", "", "--documents", documents, "--database-url", "")
    pg = run("bench.search", postgres, "--documents", documents, "--database-url", postgres)
    report(sqlite, pg)


def importer() -> None:
    """The importer's dry run over the corpus repeated to 50 MB."""
    from bench.importer import report

    report(run("bench.importer", ""))


def redaction() -> None:
    """The personal-data scan over a megabyte of text."""
    from bench.redaction import report

    report(run("bench.redaction", ""))


def archive_export() -> None:
    """The e-archive export of the demo padded to 10 000 documents, beside cp -r (SQLite)."""
    from bench.archive_export import report

    documents = os.environ.get("KANSLI_BENCH_ARCHIVE_DOCUMENTS", "10000")
    print(
        f"E-arkivexport: fyller ut demot till {documents} handlingar och exporterar "
        "(tar några minuter) …",
        flush=True,
    )
    report(run("bench.archive_export", "", "--documents", documents))


def portal() -> None:
    """The public portal under load (gunicorn + wrk); prints its own table."""
    subprocess.run([sys.executable, "-m", "bench.portal"], cwd=ROOT, check=True)


def main() -> None:
    single = {
        "importer": importer,
        "redaction": redaction,
        "archive_export": archive_export,
        "portal": portal,
    }
    if sys.argv[1:] and sys.argv[1] in single:
        single[sys.argv[1]]()
        return
    meeting_book()
    importer()
    redaction()
    archive_export()
    postgres = subprocess.run(
        [str(ROOT / "scripts/ensure-postgres.sh")], check=True, capture_output=True, text=True
    ).stdout.strip()
    sqlite = run("bench.allocation", "")
    pg = run("bench.allocation", postgres)
    print("Ärenderegistrering (nummertilldelning + loggrad), seriellt:")
    for result in (sqlite, pg):
        per_second = result["serial"] / result["serial_seconds"]
        print(
            f"  {result['vendor']:<11} {result['serial']} ärenden på "
            f"{result['serial_seconds']:.2f} s = {per_second:.0f}/s"
        )
    ratio = pg["serial_seconds"] / sqlite["serial_seconds"]
    print(f"  kvot PostgreSQL/SQLite (tid): {ratio:.2f}")
    concurrent = pg["concurrent"]
    print(
        f"Samtidig tilldelning på PostgreSQL: {concurrent['allocations']} nummer från "
        f"{concurrent['threads']} trådar på {concurrent['seconds']:.2f} s, "
        f"{concurrent['duplicates']} dubbletter"
    )
    serial_rate = pg["serial"] / pg["serial_seconds"]
    concurrent_rate = concurrent["allocations"] / concurrent["seconds"]
    print(f"  kvot samtidig/seriell genomströmning: {concurrent_rate / serial_rate:.2f}")
    portal()
    search(postgres)


if __name__ == "__main__":
    main()
