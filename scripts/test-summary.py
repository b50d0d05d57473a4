"""Prints the test counts per database and fails when a database's run is missing."""

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

RUNS = Path("var/test-runs")
failed = False
for database in ("sqlite", "postgresql"):
    report = RUNS / f"{database}.xml"
    if not report.exists():
        print(f"{database}: ingen testkörning hittades ({report})")
        failed = True
        continue
    suite = ET.parse(report).getroot()
    suite = suite if suite.tag == "testsuite" else suite.find("testsuite")
    assert suite is not None
    tests, errors, failures, skipped = (
        int(suite.get(key, "0")) for key in ("tests", "errors", "failures", "skipped")
    )
    passed = tests - errors - failures - skipped
    print(f"{database}: {passed} passed, {failures + errors} failed, {skipped} skipped")
    failed |= tests == 0 or errors + failures > 0
sys.exit(1 if failed else 0)
