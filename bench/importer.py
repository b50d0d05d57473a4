"""Benchmark: the importer's dry run (`python -m kansli import --dry-run --json`) in MB/s.

The corpus notice (and the variant test files) repeated as separate files to at least 50 MB,
read on one core in this process; beside it, in the same run, markdown-it-py alone over the
same text — the floor a Markdown-based reader cannot go below. Prints JSON on its last line.
"""

import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kansli.config.settings.test")

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "003_d59628155d4ad2ed.txt"
VARIANTS = ROOT / "tests" / "importer" / "files"
TARGET_BYTES = 50 * 1024 * 1024


def _inputs() -> list[tuple[str, bytes]]:
    sources = [CORPUS] if CORPUS.exists() else []
    sources += sorted(VARIANTS.glob("*.txt"))
    files: list[tuple[str, bytes]] = []
    total = 0
    while total < TARGET_BYTES:
        for path in sources:
            data = path.read_bytes()
            files.append((f"{len(files)}-{path.name}", data))
            total += len(data)
    return files


def main() -> None:
    import django

    django.setup()
    from markdown_it import MarkdownIt

    from kansli.importer.services import import_read

    files = _inputs()
    megabytes = sum(len(data) for _, data in files) / 1_000_000
    import_read(files[:3])  # warm the regular expressions

    start = time.perf_counter()
    result = import_read(files)
    output = json.dumps(result.as_dict(), ensure_ascii=False, indent=2)
    dry_run = time.perf_counter() - start

    parser = MarkdownIt("commonmark", {"html": True}).enable("table")
    texts = [data.decode("utf-8") for _, data in files]
    start = time.perf_counter()
    for text in texts:
        parser.parse(text)
    markdown = time.perf_counter() - start

    print(
        json.dumps(
            {
                "files": len(files),
                "megabytes": megabytes,
                "corpus": CORPUS.exists(),
                "dry_run_seconds": dry_run,
                "markdown_seconds": markdown,
                "output_megabytes": len(output.encode()) / 1_000_000,
                "meetings": len(result.as_dict()["meetings"]),
            }
        )
    )


def report(result: dict) -> None:
    rate = result["megabytes"] / result["dry_run_seconds"]
    floor = result["megabytes"] / result["markdown_seconds"]
    source = "korpusen och testfilerna" if result["corpus"] else "testfilerna (korpusen saknas)"
    print(
        f"Import, provkörning med JSON ({source} upprepade, {result['files']} filer, "
        f"{result['megabytes']:.1f} MB, en kärna):"
    )
    print(f"  Kansli-importen  {result['dry_run_seconds']:.1f} s = {rate:.2f} MB/s (mål ≥ 2 MB/s)")
    print(f"  enbart markdown-it-py  {result['markdown_seconds']:.1f} s = {floor:.2f} MB/s")
    print(f"  kvot import/markdown-it (genomströmning): {rate / floor:.2f}")


if __name__ == "__main__":
    main()
    sys.exit(0)
