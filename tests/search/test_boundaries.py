"""The index holds only public text: only the publishing step writes to it."""

import re
from pathlib import Path

import kansli

WRITERS = {"search", "publishing"}
WRITE = re.compile(r"kansli\.search(\.services)?\b.*\b(search_index|search_remove|services)\b")


def test_only_publishing_writes_to_the_index():
    root = Path(kansli.__file__).parent
    offenders = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if path.relative_to(root).parts[0] not in WRITERS
        and WRITE.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
