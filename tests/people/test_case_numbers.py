import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kansli.people.case_numbers import (
    CaseNumber,
    CaseNumberFormat,
    DocumentNumber,
    expand_two_digit_year,
)

TODAY = datetime.date(2026, 11, 22)
REGION = CaseNumberFormat("{YY}{SERIES}{N}")
KS = CaseNumberFormat("{SERIES} {YYYY}/{N}")


@pytest.mark.parametrize(
    ("fmt", "text", "expected"),
    [
        (REGION, "20RS6617", CaseNumber(2020, "RS", 6617)),
        (REGION, "14OLL4494", CaseNumber(2014, "OLL", 4494)),
        (REGION, " Dnr: 20rs387 ", CaseNumber(2020, "RS", 387)),
        (REGION, "Diarienummer 19RS9344", CaseNumber(2019, "RS", 9344)),
        (KS, "KS 2018/124", CaseNumber(2018, "KS", 124)),
        (KS, "ks  2018/124", CaseNumber(2018, "KS", 124)),
        (CaseNumberFormat("{SERIES}/{YYYY}:{N}"), "KSKF/2014:1", CaseNumber(2014, "KSKF", 1)),
        (CaseNumberFormat("{YYYY}/{N}"), "Dnr 2015/123", CaseNumber(2015, "", 123)),
    ],
)
def test_parse_known_formats(fmt, text, expected):
    assert fmt.parse(text, today=TODAY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "RS6617",
        "20RS",
        "2020RS6617",
        "20RS06617",
        "KS 2018/124",
        "20 RS 6617",
        "20RS6617-3",
        "'; DROP TABLE registry_case; --",
        "<script>alert(1)</script>",
    ],
)
def test_region_format_refuses_other_text(text):
    with pytest.raises(ValueError, match="inte ett diarienummer"):
        REGION.parse(text, today=TODAY)


def test_ks_format_refuses_region_number():
    with pytest.raises(ValueError, match="till exempel RS 2020/6617"):
        KS.parse("20RS6617", today=TODAY)


def test_document_numbers():
    assert REGION.parse_document("20RS1035-174", today=TODAY) == DocumentNumber(
        CaseNumber(2020, "RS", 1035), 174
    )
    assert REGION.format_document(DocumentNumber(CaseNumber(2020, "RS", 6781), 2)) == "20RS6781-2"
    assert KS.format_document(DocumentNumber(CaseNumber(2018, "KS", 124), 3)) == "KS 2018/124-3"
    with pytest.raises(ValueError, match="handlingsnummer"):
        REGION.parse_document("20RS1035", today=TODAY)


@pytest.mark.parametrize(
    "pattern", ["{SERIES}", "{YY}{YYYY}{N}", "{YY}{N}{N}", "ABC{YY}{N}", "{YY}{SERIES}{SERIES}{N}"]
)
def test_bad_patterns_are_refused(pattern):
    with pytest.raises(ValueError, match="Mönstret"):
        CaseNumberFormat(pattern)


def test_two_digit_years():
    assert expand_two_digit_year(20, TODAY) == 2020
    assert expand_two_digit_year(27, TODAY) == 2027
    assert expand_two_digit_year(98, TODAY) == 1998


formats = st.sampled_from([REGION, KS, CaseNumberFormat("{SERIES}/{YYYY}:{N}")])
numbers = st.builds(
    CaseNumber,
    year=st.integers(min_value=2000, max_value=2026),
    series=st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ", min_size=1, max_size=6),
    number=st.integers(min_value=1, max_value=9_999_999),
)


@given(fmt=formats, number=numbers, doc=st.integers(min_value=1, max_value=99_999))
def test_format_then_parse_is_identity(fmt, number, doc):
    assert fmt.parse(fmt.format(number), today=TODAY) == number
    document = DocumentNumber(number, doc)
    assert fmt.parse_document(fmt.format_document(document), today=TODAY) == document
