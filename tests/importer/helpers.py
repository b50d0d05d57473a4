"""Where the importer's test files are, and the corpus when CI has it."""

from pathlib import Path

import pytest

FILES = Path(__file__).parent / "files"
CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
NOTICE = CORPUS / "003_d59628155d4ad2ed.txt"


def corpus_notice() -> bytes:
    if not NOTICE.exists():
        pytest.skip("../shared/corpus/ saknas: korpusen finns bara i CI och i arbetskatalogen")
    return NOTICE.read_bytes()
