"""`make bench`: run each benchmark on SQLite and PostgreSQL in one run, print side by side."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(module: str, database_url: str) -> dict:
    env = dict(os.environ, KANSLI_TEST_DATABASE_URL=database_url)
    output = subprocess.run(
        [sys.executable, "-m", module],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
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


if __name__ == "__main__":
    main()
