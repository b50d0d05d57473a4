"""E-mail addresses, plain and obfuscated."""

import pytest

from kansli.publishing.redaction import Kind
from kansli.publishing.redaction.email_address import find_email_addresses


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Skriv till anna.andersson@example.se.", "anna.andersson@example.se"),
        ("E-post: Anna.Andersson@Example.SE", "Anna.Andersson@Example.SE"),
        ("åsa.öberg@exempel.se", "åsa.öberg@exempel.se"),
        ("per@sjöbo.example.se", "per@sjöbo.example.se"),
        ("test-kapacitet_ncov+1@example.org", "test-kapacitet_ncov+1@example.org"),
        ("namn(at)region.example.se", "namn(at)region.example.se"),
        ("namn [at] region.example.se", "namn [at] region.example.se"),
        ("namn (at) region (dot) se", "namn (at) region (dot) se"),
        ("<namn@example.se>", "namn@example.se"),
        ("**namn@example.se**", "namn@example.se"),
        ("(namn@example.se)", "namn@example.se"),
    ],
)
def test_found(text, address):
    [finding] = find_email_addresses(text)
    assert finding.text == address
    assert text[finding.start : finding.end] == address
    assert finding.kind is Kind.EMAIL


def test_markdown_link_both_copies():
    text = "[namn@example.se](mailto:namn@example.se)"
    assert [f.text for f in find_email_addresses(text)] == ["namn@example.se"] * 2


@pytest.mark.parametrize(
    "text",
    [
        "möte @ 10",
        "namn@localhost",
        "följ oss på @kansli",
        "namn@",
        "namn@example",
        "namn@example.se2",
        "2 @ 3.5",
        "E-post: saknas",
        "1177.se",
        "namn at region.se",  # "at" without brackets is an ordinary word
    ],
)
def test_not_found(text):
    assert find_email_addresses(text) == []
