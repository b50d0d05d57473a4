"""Benchmark: the personal-data scan (publishing/redaction) over a megabyte of text.

A letter full of personal data between ordinary decision prose, repeated to 1 MB. Beside it,
in the same run, one regular expression for digit runs over the same text — the floor of any
scan that looks at every character. Prints JSON on its last line.
"""

import json
import re
import statistics
import sys
import time

LETTER = """Till: Sociala nämnden

Sökande: Anna Andersson, 811218-9876
Adress: Exempelgatan 12 lgh 1102, 702 10 Örebro
Telefon: 070-123 45 67
E-post: anna.andersson@example.se

Diarienummer RS 2020-00123. Beslutet fattades 2020-08-26 och gäller 2020–2022.
"""
PROSE = "Regionstyrelsen beslutar att godkänna rapporten. " * 200
RUNS = 5


def _timed(function, text: str) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        function(text)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    from kansli.publishing.redaction import redact

    unit = LETTER * 2 + PROSE
    text = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    redact(text[:10_000])  # warm the regular expressions
    digits = re.compile(r"\d+")
    findings = len(redact(text).findings)
    print(
        json.dumps(
            {
                "megabytes": len(text.encode()) / 1_000_000,
                "findings": findings,
                "redact_seconds": _timed(redact, text),
                "floor_seconds": _timed(lambda t: sum(1 for _ in digits.finditer(t)), text),
                "runs": RUNS,
            }
        )
    )


def report(result: dict) -> None:
    print(
        f"Personuppgiftssökning (publicering), {result['megabytes']:.1f} MB text med "
        f"{result['findings']} fynd, median av {result['runs']} körningar:"
    )
    print(f"  Kansli  {result['redact_seconds']:.2f} s (mål under 1 s)")
    print(f"  ett enda reguljärt uttryck (\\d+)  {result['floor_seconds']:.3f} s")
    print(f"  kvot Kansli/golv (tid): {result['redact_seconds'] / result['floor_seconds']:.0f}")


if __name__ == "__main__":
    main()
    sys.exit(0)
