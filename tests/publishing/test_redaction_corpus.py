"""The redact command over the real documents in shared/corpus (skipped when it is absent).

What is personal data in the originals is found here by deliberately simple means of the test's
own, not by the code under test: a plain regular expression for e-mail addresses, and for
telephone numbers the numbers read by hand in the corpus. The corpus's private numbers must not
be copied into the project, so the list holds the SHA-256 digests (first 16 hex digits) of
their digits, written nationally (+46 7.. as 07..)."""

import hashlib
import io
import json
import re
from pathlib import Path

import pytest
from django.core.management import call_command

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"

pytestmark = pytest.mark.skipif(
    not CORPUS.is_dir(), reason=f"no corpus of real documents at {CORPUS}"
)

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Anything from +46 or a 0 that starts a number up to the last digit of digits, spaces,
# dashes and brackets: broad, and narrowed down by the digests below.
NUMBERISH = re.compile(r"(?:\+46|(?<![\d-])0)[\d ()–-]*\d")
# The telephone numbers in 003_d59628155d4ad2ed.txt (meeting notice, Region Örebro län).
KNOWN_PHONES = {
    "d3d48c3189ffb64f",  # the committee secretary's mobile, in the notice's heading
    "48e9d5754c4ba8af",  # an official of Folkhälsomyndigheten (10-digit "010-" number)
    "9ec7438a790f0fc3",  # the head of a samordningsförbund
    "a0ace17fc601aa0f",  # a party's auditor, written "07x - xxx xx xx"
    "7850b133ce49d5f6",  # a party's auditor
    "f2c8782b9af5e0fc",  # a party's auditor
    "4633754d0136fa16",  # a party's auditor, written with spaces only
    "2ac85dc343f554f6",  # a party's auditor, written "Tel:+467..."
}


def digest(number: str) -> str:
    digits = re.sub(r"\D", "", number)
    if number.startswith("+46"):
        digits = "0" + digits[2:]
    return hashlib.sha256(digits.encode()).hexdigest()[:16]


def known_phones(text: str) -> list[str]:
    return [m.group() for m in NUMBERISH.finditer(text) if digest(m.group()) in KNOWN_PHONES]


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("redact", *args, stdout=out)
    return out.getvalue()


FILES = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_no_email_or_phone_survives(path):
    original = path.read_text(encoding="utf-8-sig")
    masked = run(str(path))

    emails = EMAIL.findall(original)
    for address in emails:
        assert address not in masked
    assert EMAIL.findall(masked) == []

    phones = known_phones(original)
    for number in phones:
        assert number not in masked
    assert known_phones(masked) == []

    # The positions of --json point into the text read, and cover every number found above.
    findings = json.loads(run("--json", str(path)))["findings"]
    for finding in findings:
        assert original[finding["start"] : finding["end"]] == finding["text"]
    for match in NUMBERISH.finditer(original):
        if digest(match.group()) in KNOWN_PHONES:
            assert any(
                f["kind"] == "telefonnummer" and f["start"] <= match.start() < f["end"]
                for f in findings
            ), match.start()
    assert sum(f["kind"] == "e-postadress" for f in findings) >= len(emails)


def test_the_hand_read_numbers_are_in_the_corpus():
    """The independent check above is not empty: every hand-read number is there."""
    notice = CORPUS / "003_d59628155d4ad2ed.txt"
    if not notice.exists():
        pytest.skip("the meeting notice is not in the corpus")
    found = {digest(n) for n in known_phones(notice.read_text(encoding="utf-8"))}
    assert found == KNOWN_PHONES
    assert len(EMAIL.findall(notice.read_text(encoding="utf-8"))) >= 8
