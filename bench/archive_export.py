"""Benchmark: the e-archive export (`python -m kansli archive-export`) in documents and MB/s.

The demo padded to 10 000 registered documents with files: closed cases of 2020 registered,
given their documents and closed through the registry's services, ten documents a case, each
file one of a dozen real PDF/A-2b files (text of 1–16 pages, scanned pages as JPEG, 19–450 kB)
rendered once by Typst. The padding is timed but not counted. Then, in the same run, on
SQLite: `export_cases` over the cases closed in 2020; `cp -r` of the documents' storage
directory (the same files, run after the export, so both read them from the page cache);
`validate_tree` over the whole export. Prints JSON on its last line.
"""

import argparse
import contextlib
import datetime
import io
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kansli.config.settings.test")

DOCUMENTS = 10_000
PER_CASE = 10
YEAR = 2020

SENTENCES = [
    "Regionstyrelsen har att ta ställning till förslaget om ändrad verksamhetsplan.",
    "Förvaltningen föreslår att ärendet bereds vidare i samråd med berörda nämnder.",
    "Yttrandet ska ha kommit in till regionen senast den sista i månaden.",
    "Underlaget har tagits fram av regionkansliet tillsammans med ekonomiavdelningen.",
    "Kostnaderna ryms inom den beslutade budgetramen för innevarande år.",
    "Samverkan har skett med de fackliga organisationerna enligt gällande avtal.",
    "Beslutet ska skickas till samtliga kommuner i länet för kännedom.",
    "Av bilagan framgår hur medlen fördelas mellan verksamhetsområdena.",
    "Sökanden har kompletterat ansökan med de uppgifter som efterfrågades.",
    "Ärendet har remitterats till patientnämnden och till revisorerna.",
]

# (text pages, scanned pages, JPEG quality, kind, document type, file name): a scanned
# letter comes in, a memo is drawn up; sizes from about 20 kB to about 450 kB.
FILES = [
    (1, 0, 0, "drawn_up", "Tjänsteskrivelse", "Tjänsteskrivelse.pdf"),
    (2, 0, 0, "drawn_up", "Tjänsteskrivelse", "Tjänsteskrivelse med bilaga.pdf"),
    (4, 0, 0, "drawn_up", "Utredning", "Utredning.pdf"),
    (9, 0, 0, "drawn_up", "Rapport", "Rapport 2020.pdf"),
    (16, 0, 0, "drawn_up", "Verksamhetsplan", "Verksamhetsplan.pdf"),
    (0, 1, 45, "incoming", "Skrivelse", "Skrivelse från kommunen.pdf"),
    (0, 1, 75, "incoming", "Ansökan", "Ansökan.pdf"),
    (0, 2, 55, "incoming", "Yttrande", "Yttrande.pdf"),
    (0, 3, 65, "incoming", "Avtal", "Avtal undertecknat.pdf"),
    (1, 1, 50, "incoming", "Remissvar", "Remissvar.pdf"),
    (3, 1, 60, "drawn_up", "Protokollsutdrag", "Protokollsutdrag.pdf"),
    (2, 2, 45, "incoming", "Komplettering", "Komplettering.pdf"),
]
COUNTERPARTS = ["Örebro kommun", "Karlskoga kommun", "Länsstyrelsen i Örebro län", "Kumla kommun"]


def _scanned_page(rnd: random.Random, quality: int) -> bytes:
    """A grey A4 page at 150 dpi with lines of "words" and scanner noise, as a JPEG."""
    from PIL import Image, ImageDraw, ImageFilter

    width, height = 1240, 1754
    image = Image.new("L", (width, height), 244)
    draw = ImageDraw.Draw(image)
    y = 180
    while y < height - 200:
        x = 150
        while x < width - 150:
            word = rnd.randint(20, 110)
            draw.rectangle([x, y, x + word, y + 16], fill=rnd.randint(20, 70))
            x += word + rnd.randint(12, 22)
        y += rnd.randint(34, 44)
    noise = Image.effect_noise((width, height), 18)
    image = Image.blend(image, noise, 0.06).filter(ImageFilter.GaussianBlur(0.7))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality)
    return out.getvalue()


def _pdfs(workdir: Path) -> list[bytes]:
    """The dozen distinct PDF/A-2b files, rendered once."""
    import typst

    rendered = []
    for index, (pages, scans, quality, _kind, document_type, _name) in enumerate(FILES):
        rnd = random.Random(index)
        parts = [
            f'#set document(title: "{document_type}")',
            '#set page(paper: "a4", margin: 25mm)',
            '#set text(lang: "sv", size: 11pt)',
            "#set par(justify: true)",
            f'#text(size: 16pt, weight: "bold")[{document_type}]',
        ]
        for page in range(pages):
            parts += [" ".join(rnd.choice(SENTENCES) for _ in range(7)) + "\n" for _ in range(6)]
            if page < pages - 1 or scans:
                parts.append("#pagebreak()")
        for scan in range(scans):
            name = f"scan-{index}-{scan}.jpg"
            (workdir / name).write_bytes(_scanned_page(rnd, quality))
            parts.append(f'#page(margin: 0pt)[#image("{name}", width: 100%, height: 100%)]')
        source = workdir / f"file-{index}.typ"
        source.write_text("\n".join(parts), encoding="utf-8")
        rendered.append(typst.compile(str(source), root=str(workdir), pdf_standards=["a-2b"]))
    return rendered


def _pad(documents: int, pdfs: list[bytes]) -> tuple[int, int]:
    """Register closed cases of YEAR until the register holds `documents` documents, through
    the services only; returns (cases, documents) added."""
    from kansli.people.selectors import default_body
    from kansli.registry.models import Document, DocumentKind, Series
    from kansli.registry.services import case_close, case_register, document_register

    body = default_body()
    series = Series.objects.get(body=body, is_default=True)
    missing = max(0, documents - Document.objects.count())
    cases = -(-missing // PER_CASE)
    kinds = {"incoming": DocumentKind.INCOMING, "drawn_up": DocumentKind.DRAWN_UP}
    added = 0
    for number in range(cases):
        registered_on = datetime.date(YEAR, 1, 2) + datetime.timedelta(days=number * 330 // cases)
        case = case_register(
            actor=None,
            body=body,
            series=series,
            title=f"Utfyllnadsärende {number + 1} för arkivexporten",
            registered_on=registered_on,
        )
        for position in range(min(PER_CASE, missing - added)):
            choice = (number + position) % len(FILES)
            _pages, _scans, _quality, kind, document_type, name = FILES[choice]
            data = pdfs[choice]
            document_register(
                actor=None,
                case=case,
                kind=kinds[kind],
                date=registered_on + datetime.timedelta(days=position),
                description=f"{document_type} {position + 1} i utfyllnadsärende {number + 1}",
                counterpart=COUNTERPARTS[number % len(COUNTERPARTS)] if kind == "incoming" else "",
                document_type=document_type,
                file=io.BytesIO(data),
                file_name=name,
                file_size=len(data),
            )
            added += 1
        case_close(
            actor=None,
            case=case,
            closed_on=registered_on + datetime.timedelta(days=PER_CASE + 2),
            decision=f"Regionstyrelsen {registered_on.isoformat()} § {number + 1}",
        )
    return cases, added


def _filesystem(path: Path) -> str:
    found = subprocess.run(["stat", "-f", "-c", "%T", str(path)], capture_output=True, text=True)
    return found.stdout.strip() or "okänt"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=DOCUMENTS)
    documents = parser.parse_args().documents

    root = Path(tempfile.mkdtemp(prefix="kansli-bench-archive-"))
    media = root / "media"
    media.mkdir()
    # SQLite in memory (this benchmark compares with cp, not databases), files under `root`.
    os.environ["KANSLI_TEST_DATABASE_URL"] = ""
    os.environ.pop("KANSLI_TEST_SQLITE_FILE", None)
    os.environ["KANSLI_TEST_MEDIA_ROOT"] = str(media)
    try:
        _run(root, media, documents)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _run(root: Path, media: Path, documents: int) -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    assert Path(settings.MEDIA_ROOT) == media
    import_dir = Path(settings.KANSLI_IMPORT_DIR)  # made, empty, by the test settings
    old = setup_databases(verbosity=0, interactive=False)
    try:
        from kansli.archive.export import directory_size, export_cases
        from kansli.archive.gather import closed_cases
        from kansli.archive.package.validate import validate_tree, warm_up
        from kansli.demo.loader import demo_load
        from kansli.people.selectors import default_body
        from kansli.registry.models import Document

        demo_load()
        demo_documents = Document.objects.count()
        workdir = root / "pdf"
        workdir.mkdir()
        pdfs = _pdfs(workdir)
        start = time.perf_counter()
        padding_cases, padding_documents = _pad(documents, pdfs)
        padding_seconds = time.perf_counter() - start
        registered = Document.objects.count()
        os.sync()  # the padding's own writes are not the export's to flush

        body = default_body()
        export = root / "export"
        start = time.perf_counter()
        result = export_cases(closed_cases(body, year=YEAR), export)
        export_seconds = time.perf_counter() - start

        # After the export: the files are in the page cache for both.
        copy = root / "copy"
        start = time.perf_counter()
        subprocess.run(["cp", "-r", str(media / "documents"), str(copy)], check=True)
        cp_seconds = time.perf_counter() - start
        start = time.perf_counter()
        os.sync()
        sync_seconds = time.perf_counter() - start

        start = time.perf_counter()
        warm_up()
        warm_up_seconds = time.perf_counter() - start
        start = time.perf_counter()
        validated = validate_tree(export)
        validate_seconds = time.perf_counter() - start
        findings = [f for package in validated.values() for f in package]

        print(
            json.dumps(
                {
                    "vendor": connection.vendor,
                    "filesystem": _filesystem(root),
                    "demo_documents": demo_documents,
                    "registered_documents": registered,
                    "padding_cases": padding_cases,
                    "padding_documents": padding_documents,
                    "padding_seconds": padding_seconds,
                    "pdf_files": len(pdfs),
                    "pdf_min_bytes": min(len(data) for data in pdfs),
                    "pdf_max_bytes": max(len(data) for data in pdfs),
                    "packages": len(result.written),
                    "refused": len(result.refused),
                    "flagged": len(result.flagged),
                    "documents": result.documents,
                    "document_bytes": result.bytes,
                    "export_bytes": directory_size(export),
                    "export_seconds": export_seconds,
                    "cp_bytes": directory_size(copy),
                    "cp_seconds": cp_seconds,
                    "sync_seconds": sync_seconds,
                    "warm_up_seconds": warm_up_seconds,
                    "validated_packages": len(validated),
                    "validate_seconds": validate_seconds,
                    "findings": len(findings),
                    "finding_samples": [f"{f.rule}: {f.message}" for f in findings[:5]],
                },
                ensure_ascii=False,
            )
        )
    finally:
        teardown_databases(old, verbosity=0)
        with contextlib.suppress(OSError):
            import_dir.rmdir()


def report(result: dict) -> None:
    megabytes = result["document_bytes"] / 1e6
    export_rate = result["documents"] / result["export_seconds"]
    export_mb = megabytes / result["export_seconds"]
    cp_mb = result["cp_bytes"] / 1e6 / result["cp_seconds"]
    padding_rate = result["padding_documents"] / result["padding_seconds"]
    print(
        "E-arkivexport (FGS 2.0, E-ARK SIP) på SQLite, filsystem "
        f"{result['filesystem']}: {result['documents']} handlingar i {result['packages']} "
        f"ärenden avslutade {YEAR}, {megabytes:.0f} MB filer "
        f"({result['pdf_files']} olika PDF/A-2b, {result['pdf_min_bytes'] / 1000:.0f}–"
        f"{result['pdf_max_bytes'] / 1000:.0f} kB), en körning:"
    )
    print(
        f"  utfyllnad (räknas inte): demots {result['demo_documents']} handlingar + "
        f"{result['padding_cases']} ärenden med {result['padding_documents']} handlingar via "
        f"tjänsterna på {result['padding_seconds']:.0f} s = {padding_rate:.0f} handlingar/s"
    )
    print(
        f"  export      {result['export_seconds']:.1f} s = {export_rate:.0f} handlingar/s, "
        f"{export_mb:.1f} MB/s ({result['packages'] / result['export_seconds']:.1f} paket/s; "
        f"{result['export_bytes'] / 1e6:.0f} MB skrivna med metadata, fsync per fil; "
        f"{result['refused']} vägrade, {result['flagged']} flaggade)"
    )
    print(
        f"  cp -r       {result['cp_seconds']:.1f} s = {cp_mb:.1f} MB/s "
        f"(dokumentkatalogen, {result['cp_bytes'] / 1e6:.0f} MB, utan fsync; "
        f"sync efteråt {result['sync_seconds']:.1f} s till)"
    )
    print(f"  kvot export/cp (tid): {result['export_seconds'] / result['cp_seconds']:.1f}")
    print(
        "  (filerna låg i sidcachen vid båda mätningarna: cp kördes efter exporten, "
        "båda läste varma filer)"
    )
    print(
        f"  validering  {result['validate_seconds']:.1f} s = "
        f"{result['validated_packages'] / result['validate_seconds']:.1f} paket/s "
        f"({result['validated_packages']} paket; scheman och regler kompilerade före, "
        f"{result['warm_up_seconds']:.1f} s), {result['findings']} fynd"
    )
    for sample in result["finding_samples"]:
        print(f"    {sample}")


if __name__ == "__main__":
    main()
    sys.exit(0)
