"""find_personal_data, mask, redact, normalise_contact: the detectors together."""

import pytest

from kansli.publishing.redaction import (
    AllowList,
    Finding,
    Kind,
    Redaction,
    find_personal_data,
    mask,
    normalise_contact,
    redact,
)

LETTER = """Till: Sociala nämnden

Sökande: Anna Andersson, 811218-9876
Adress: Exempelgatan 12 lgh 1102, 702 10 Örebro
Telefon: 070-123 45 67
E-post: anna.andersson@example.se

Handläggare: Kansliet, 019-602 10 00, kansliet@region.example.se
Region Exempel, Box 1613, 701 16 Örebro

Diarienummer RS 2020-00123. Beslutet fattades 2020-08-26 och gäller 2020–2022.
"""


def test_finds_every_kind_in_order():
    found = find_personal_data(LETTER)
    assert [(f.kind, f.text) for f in found] == [
        (Kind.PERSONAL_NUMBER, "811218-9876"),
        (Kind.ADDRESS, "Exempelgatan 12 lgh 1102, 702 10 Örebro"),
        (Kind.PHONE, "070-123 45 67"),
        (Kind.EMAIL, "anna.andersson@example.se"),
        (Kind.PHONE, "019-602 10 00"),
        (Kind.EMAIL, "kansliet@region.example.se"),
        (Kind.ADDRESS, "Box 1613, 701 16 Örebro"),
    ]
    assert all(LETTER[f.start : f.end] == f.text for f in found)


def test_redact_masks_with_the_kind():
    result = redact(LETTER)
    assert isinstance(result, Redaction)
    assert result.findings == find_personal_data(LETTER)
    assert "Sökande: Anna Andersson, [personnummer]\n" in result.text
    assert "Adress: [adress]\n" in result.text
    assert "Telefon: [telefonnummer]\n" in result.text
    assert "E-post: [e-postadress]\n" in result.text
    for finding in result.findings:
        assert finding.text not in result.text
    # What is not personal data is left as it was.
    assert "Diarienummer RS 2020-00123. Beslutet fattades 2020-08-26 och gäller 2020–2022." in (
        result.text
    )


def test_allow_public_contacts():
    allow = [
        "Kansliet@Region.Example.se",
        "+46 (0)19-602 10 00",
        "Box 1613,  701 16 ÖREBRO",
    ]
    found = find_personal_data(LETTER, allow=allow)
    assert [f.text for f in found] == [
        "811218-9876",
        "Exempelgatan 12 lgh 1102, 702 10 Örebro",
        "070-123 45 67",
        "anna.andersson@example.se",
    ]
    masked = redact(LETTER, allow=allow).text
    assert "019-602 10 00, kansliet@region.example.se" in masked
    assert "Region Exempel, Box 1613, 701 16 Örebro" in masked


def test_allow_is_exact_not_a_substring():
    # The body's switchboard does not let through another number that contains it,
    # nor does an allowed domain let through a person's address at it.
    text = "Ring 019-602 10 00 eller 019-602 10 01, skriv till anna@region.example.se"
    found = find_personal_data(text, allow=["019-602 10 00", "region.example.se", ""])
    assert [f.text for f in found] == ["019-602 10 01", "anna@region.example.se"]


def test_allow_an_address_split_over_two_lines():
    text = "Region Exempel\nBox 1613\n701 16 Örebro\n\nExempelgatan 3\n701 16 Örebro\n"
    found = find_personal_data(text, allow=["Box 1613, 701 16 Örebro"])
    assert [f.text for f in found] == ["Exempelgatan 3", "701 16 Örebro"]
    assert found[1].start == text.rindex("701 16")


def test_allow_an_obfuscated_address():
    found = find_personal_data("namn (at) region.example.se", allow=["namn@region.example.se"])
    assert found == []


def test_overlaps_the_stronger_kind_wins():
    # The digits of an e-mail address are not a telephone number of their own.
    text = "0701234567@example.se"
    assert [(f.kind, f.text) for f in find_personal_data(text)] == [(Kind.EMAIL, text)]
    # A personnummer that is also ten digits starting with 0 is reported once, as personnummer.
    text = "0002291235"
    assert [f.kind for f in find_personal_data(text)] == [Kind.PERSONAL_NUMBER]


def test_nothing_found():
    text = "Regionstyrelsen beslutar att godkänna delårsrapporten 2020 (RS 2020-00123)."
    assert find_personal_data(text) == []
    assert redact(text) == Redaction(text=text, findings=[])
    assert find_personal_data("") == []


@pytest.mark.parametrize(
    ("value", "key"),
    [
        ("Anna.Andersson@Example.SE", "anna.andersson@example.se"),
        (" namn [at] region.example.se ", "namn@region.example.se"),
        ("namn(at)region(dot)se", "namn@region.se"),
        ("019-602 10 00", "0196021000"),
        ("+46 19 602 10 00", "0196021000"),
        ("+46 (0)19 602 10 00", "0196021000"),
        ("+46196021000", "0196021000"),
        ("0046 19 6021000", "0196021000"),
        ("(019) 602 10 00", "0196021000"),
        ("070-123 45 67", "0701234567"),
        ("Box 1613, 701 16 Örebro", "box 1613 701 16 örebro"),
        ("Box 1613\n701 16  ÖREBRO", "box 1613 701 16 örebro"),
        ("  Storgatan   12 ", "storgatan 12"),
    ],
)
def test_normalise_contact(value, key):
    assert normalise_contact(value) == key


def test_mask():
    text = "a 070-123 45 67 b x@example.se c"
    phone = Finding(Kind.PHONE, "070-123 45 67", 2, 15)
    email = Finding(Kind.EMAIL, "x@example.se", 18, 30)
    assert mask(text, [email, phone]) == "a [telefonnummer] b [e-postadress] c"
    assert mask(text, []) == text
    # Overlapping findings (a reviewer's own on top of Kansli's) leave nothing of either.
    wider = Finding(Kind.ADDRESS, "070-123 45 67 b x", 2, 19)
    assert mask(text, [phone, wider, email]) == "a [adress] c"


def test_mask_refuses_a_stale_finding():
    with pytest.raises(ValueError, match="does not match"):
        mask("a 070-765 43 21", [Finding(Kind.PHONE, "070-123 45 67", 2, 15)])
    with pytest.raises(ValueError, match="does not match"):
        mask("kort", [Finding(Kind.PHONE, "070-123 45 67", 2, 15)])


def test_one_megabyte_is_read_to_its_end():
    """A megabyte of text is scanned whole: the last letter's details are found too.

    Its speed is measured by `make bench` (bench/redaction.py), not asserted here.
    """
    unit = LETTER * 2 + "Regionstyrelsen beslutar att godkänna rapporten. " * 200
    copies = 1_000_000 // len(unit) + 1
    text = unit * copies
    result = redact(text)
    per_copy = len(redact(unit).findings)
    assert per_copy > 0
    assert len(result.findings) == per_copy * copies
    assert max(finding.end for finding in result.findings) > len(text) - len(unit)


def test_an_allow_list_lets_through_the_contacts_inside_its_entries():
    allow = AllowList.of(["Regionens hus, Eklundavägen 1, Örebro", "Kansliet, 019-602 10 00"])
    text = "Möte på Eklundavägen 1. Ring 019-602 10 00. Boende på Eklundavägen 3, 070-123 45 67."
    assert [f.text for f in find_personal_data(text, allow=allow)] == [
        "Eklundavägen 3",
        "070-123 45 67",
    ]
    # The same as a list of strings, and nothing allowed when the list is empty.
    assert find_personal_data(text, allow=allow) == find_personal_data(
        text, allow=["Regionens hus, Eklundavägen 1, Örebro", "Kansliet, 019-602 10 00"]
    )
    assert len(find_personal_data(text, allow=AllowList())) == 4


def test_a_personnummer_is_never_allowed():
    allow = AllowList.of(["811218-9876", "Sökande 811218-9876"])
    assert [f.text for f in find_personal_data("Pnr 811218-9876", allow=allow)] == ["811218-9876"]
