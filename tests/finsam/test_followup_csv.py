"""Follow-up figures from CSV: every bad file is refused whole, with its line and a Swedish
message, and writes nothing; a good file writes every row, and again replaces them."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from kansli.core.models import AuditEntry
from kansli.finsam import services
from kansli.finsam.follow_up.csv_import import MAX_BYTES, follow_up_import, follow_up_parse
from kansli.finsam.models import ExtraFunds, FollowUp

HEADER = "federation,year,member_contributions,cost_administration,participants,equity\n"
ONE_ROW = (HEADER + "SOFINT,2019,1,2,3,4\n").encode()


@pytest.fixture
def federations(body):
    sofint = services.federation_create(
        actor=None,
        body=body,
        name="Samordningsförbundet Norra Örebro län – SOFINT",
        short_name="SOFINT",
        aliases=["Sofint"],
    )
    sydnarke = services.federation_create(
        actor=None, body=body, name="Samordningsförbundet Sydnärke", short_name="Sydnärke"
    )
    return sofint, sydnarke


def _counts():
    return (FollowUp.objects.count(), ExtraFunds.objects.count(), AuditEntry.objects.count())


def _refused(body, user, data: bytes):
    """Import `data`, check that nothing was written, and return its problems as
    (line, message) pairs."""
    before = _counts()
    result = follow_up_import(actor=user, body=body, data=data)
    assert not result.ok
    assert result.written == []
    assert _counts() == before
    return [(p.line, p.message) for p in result.problems]


def _one(problems):
    assert len(problems) == 1, problems
    return problems[0]


# Good files


def test_a_good_file_imports_every_row(body, official_user, federations):
    sofint, sydnarke = federations
    data = (
        HEADER + "SOFINT,2019,4000000,1373000,73,\nSamordningsförbundet Sydnärke,2019,5300000,"
        "1342000,131,-250000\n"
    ).encode()
    before = AuditEntry.objects.count()
    result = follow_up_import(actor=official_user, body=body, data=data)
    assert result.ok and result.problems == []
    assert [(r.federation, r.year, r.line) for r in result.written] == [
        (sofint, 2019, 2),
        (sydnarke, 2019, 3),
    ]
    assert result.replaced == 0
    row = FollowUp.objects.get(federation=sofint, year=2019)
    assert (row.member_contributions, row.cost_administration, row.participants) == (
        4_000_000,
        1_373_000,
        73,
    )
    assert row.equity is None  # an empty cell is unknown, never zero
    assert FollowUp.objects.get(federation=sydnarke).equity == -250_000  # equity may be negative
    assert AuditEntry.objects.count() == before + 2
    # The figures the file lacks are reported as warnings after writing.
    assert any("Nya deltagare saknas" in str(w) for w in result.warnings)


def test_semicolons_swedish_labels_bom_and_decimal_comma(body, official_user, federations):
    sofint, _ = federations
    data = (
        "\ufeffFörbund;År;Medlemsbidrag (kr);Mottagningsteam, årsarbetare;"
        "coachingteam, ÅRSARBETARE;Befolkning 16-64 år\r\n"
        "Sofint;2019;4000000;1,2;2.75;25940\r\n"
    ).encode()
    result = follow_up_import(actor=official_user, body=body, data=data)
    assert result.ok, result.problems
    row = FollowUp.objects.get(federation=sofint, year=2019)
    assert row.reception_team_staff == Decimal("1.20")
    assert row.coaching_team_staff == Decimal("2.75")
    assert row.population_16_64 == 25_940
    assert row.member_contributions == 4_000_000


def test_excels_sep_line_is_understood(body, official_user, federations):
    data = b"sep=;\nfederation;year;participants\nSOFINT;2019;x\n"
    assert _one(_refused(body, official_user, data))[0] == 3


def test_importing_again_replaces_the_figures(body, official_user, federations):
    sofint, _ = federations
    follow_up_import(actor=official_user, body=body, data=ONE_ROW)
    data = (HEADER + "SOFINT,2019,4000000,1373000,73,\n").encode()
    result = follow_up_import(actor=official_user, body=body, data=data)
    assert result.ok and result.replaced == 1
    row = FollowUp.objects.get(federation=sofint, year=2019)
    assert (row.member_contributions, row.participants, row.equity) == (4_000_000, 73, None)


def test_a_column_left_out_keeps_what_was_entered(body, official_user, federations):
    sofint, _ = federations
    follow_up_import(actor=official_user, body=body, data=ONE_ROW)
    follow_up_import(
        actor=official_user, body=body, data=b"federation,year,participants\nSOFINT,2019,9\n"
    )
    row = FollowUp.objects.get(federation=sofint, year=2019)
    assert (row.member_contributions, row.participants) == (1, 9)


def test_the_data_checks_come_back_as_warnings(body, official_user, federations):
    data = (
        b"federation,year,participants,participants_new,participants_ended\n"
        b"SOFINT,2018,210,105,92\nSOFINT,2019,243,110,107\n"
    )
    result = follow_up_import(actor=official_user, body=body, data=data)
    assert result.ok
    assert any("(+15)" in w.message and w.year == 2019 for w in result.warnings)


def test_parsing_writes_nothing(body, federations):
    before = _counts()
    parsed = follow_up_parse(viewer=None, body=body, data=ONE_ROW)
    assert len(parsed.rows) == 1 and parsed.problems == []
    assert _counts() == before


# Bad files: one test per fault, each with its line, its Swedish message and nothing written


def test_unknown_column(body, official_user, federations):
    data = b"federation,year,participants,deltagare totalt,bonus\nSOFINT,2019,73,1,2\n"
    line, message = _one(_refused(body, official_user, data))
    assert line == 1
    assert message.startswith("Okända kolumner: ”deltagare totalt”, ”bonus”.")


def test_missing_header_row(body, official_user, federations):
    line, message = _one(_refused(body, official_user, b"SOFINT,2019,4000000\n"))
    assert line == 1
    assert message.startswith("Första raden ska vara en rubrikrad med kolumnernas namn")


def test_missing_year_column(body, official_user, federations):
    data = b"federation,participants\nSOFINT,73\n"
    assert _one(_refused(body, official_user, data)) == (
        1,
        "Kolumnen ”year” (år) saknas i rubrikraden.",
    )


def test_a_column_twice(body, official_user, federations):
    data = b"federation,year,participants,deltagare under \xc3\xa5ret\nSOFINT,2019,73,73\n"
    assert _one(_refused(body, official_user, data)) == (
        1,
        "Kolumnen ”deltagare under året” finns två gånger.",
    )


@pytest.mark.parametrize("amount", ["1 250 000", "1\u00a0250\u00a0000", '"1,250,000"'])
def test_thousands_separator_is_refused(body, official_user, federations, amount):
    data = f"{HEADER}SOFINT,2019,4000000,1373000,73,\nSydnärke,2019,{amount},1,2,3\n".encode()
    line, message = _one(_refused(body, official_user, data))
    assert line == 3
    assert message.startswith("Medlemsbidrag (kr): ”1")
    assert "tusentalsavgränsare. Skriv bara siffror, till exempel 1250000." in message


def test_thousands_comma_in_a_semicolon_file(body, official_user, federations):
    data = b"federation;year;equity\nSOFINT;2019;-1,250,000\n"
    line, message = _one(_refused(body, official_user, data))
    assert line == 2 and message.startswith("Eget kapital vid årets slut (kr): ”-1,250,000” har")


def test_text_in_a_number_column(body, official_user, federations):
    data = (HEADER + "SOFINT,2019,4000000,1373000,många,\n").encode()
    assert _one(_refused(body, official_user, data)) == (
        2,
        "Deltagare under året: ”många” är inget tal.",
    )


def test_a_fraction_where_a_whole_number_belongs(body, official_user, federations):
    data = (HEADER + 'SOFINT,2019,4000000,1373000,"7,5",\n').encode()
    assert _one(_refused(body, official_user, data)) == (
        2,
        "Deltagare under året: ”7,5” ska vara ett heltal (ett antal personer).",
    )


def test_a_negative_amount(body, official_user, federations):
    data = (HEADER + "SOFINT,2019,4000000,−1373000,73,-5\n").encode()
    assert _one(_refused(body, official_user, data)) == (
        2,
        "Kostnad administration (kr): Värdet −1373000 är negativt; bara eget kapital får vara "
        "negativt.",
    )


def test_staff_with_three_decimals(body, official_user, federations):
    data = b"federation;year;coachingteam, \xc3\xa5rsarbetare\nSOFINT;2019;2,755\n"
    assert _one(_refused(body, official_user, data)) == (
        2,
        "Coachingteam, årsarbetare: ”2,755” har fler än två decimaler.",
    )


def test_unknown_federation(body, official_user, federations):
    data = (HEADER + "SOFINT,2019,1,2,3,4\nNordväst,2019,1,2,3,4\n").encode()
    assert _one(_refused(body, official_user, data)) == (
        3,
        "Det finns inget förbund som heter ”Nordväst” (kända: SOFINT, Sydnärke).",
    )


def test_the_same_federation_and_year_twice(body, official_user, federations):
    data = (HEADER + "SOFINT,2019,1,2,3,4\nSydnärke,2019,1,2,3,4\nsofint,2019,5,6,7,8\n").encode()
    assert _one(_refused(body, official_user, data)) == (4, "SOFINT 2019 finns redan på rad 2.")


@pytest.mark.parametrize("year", ["1999", "2999"])
def test_a_year_out_of_range(body, official_user, federations, year):
    data = (HEADER + f"SOFINT,{year},1,2,3,4\n").encode()
    line, message = _one(_refused(body, official_user, data))
    assert line == 2
    assert message.startswith(f"Året {year} ligger utanför 2004–")


def test_a_year_that_is_no_year(body, official_user, federations):
    data = (HEADER + "SOFINT,tjugonitton,1,2,3,4\n").encode()
    assert _one(_refused(body, official_user, data)) == (
        2,
        "Året ”tjugonitton” är inget årtal; skriv till exempel 2019.",
    )


def test_a_row_with_too_many_fields(body, official_user, federations):
    data = b"federation,year,participants\nSOFINT,2019,1,250\n"
    line, message = _one(_refused(body, official_user, data))
    assert line == 2 and message.startswith("Raden har 4 fält men rubrikraden 3.")


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b" \r\n\r\n"])
def test_an_empty_file(body, official_user, federations, data):
    assert _one(_refused(body, official_user, data)) == (
        1,
        "Filen är tom. Första raden ska vara en rubrikrad.",
    )


def test_a_file_with_only_the_header(body, official_user, federations):
    assert _one(_refused(body, official_user, HEADER.encode() + b"\n,,,,,\n")) == (
        2,
        "Filen har bara en rubrikrad och inga uppgifter.",
    )


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-16"])
def test_a_file_in_windows_1252_or_utf16_is_read(body, official_user, federations, encoding):
    """Once refused unless UTF-8; the import kit's decoding policy reads Excel's "CSV"
    (Windows-1252, and so Latin-1) and its "Unicode text" (UTF-16 with its mark)."""
    data = (HEADER + "SOFINT,2019,1,2,3,4\nSydnärke,2019,1,2,3,4\n").encode(encoding)
    result = follow_up_import(actor=official_user, body=body, data=data)
    assert result.ok, result.problems
    assert [row.federation.short_name for row in result.written] == ["SOFINT", "Sydnärke"]


def test_a_file_in_no_encoding_read_is_refused_with_its_line(body, official_user, federations):
    data = (HEADER + "SOFINT,2019,1,2,3,4\n").encode() + b"Sydn\x81rke,2019,1,2,3,4\n"
    line, message = _one(_refused(body, official_user, data))
    assert line == 3
    assert message.startswith("Filen är varken UTF-8 eller Windows-1252")
    assert "CSV UTF-8" in message


def test_a_file_over_5_mb(body, official_user, federations):
    data = (HEADER + "SOFINT,2019,1,2,3,4\n").encode() + b"\n" * MAX_BYTES
    line, message = _one(_refused(body, official_user, data))
    assert line is None
    assert message.startswith("Filen är för stor") and message.endswith("högst 5 MB.")


def test_more_than_10000_rows(body, official_user, federations):
    data = HEADER.encode() + b"SOFINT,2019,1,2,3,4\n" * 10_001
    assert _one(_refused(body, official_user, data)) == (
        10_002,
        "Filen har fler än 10\u00a0000 rader med uppgifter (10\u00a0001); dela upp den i flera "
        "filer.",
    )


def test_every_problem_is_reported_and_none_of_the_good_rows_written(
    body, official_user, federations
):
    data = (HEADER + "SOFINT,2019,1,2,3,4\nSydnärke,2019,x,2,3,4\nSOFINT,2020,1,2,-3,4\n").encode()
    problems = _refused(body, official_user, data)
    assert [line for line, _ in problems] == [3, 4]


def test_an_elected_member_may_not_import(body, elected, federations):
    before = _counts()
    with pytest.raises(PermissionDenied):
        follow_up_import(actor=elected, body=body, data=ONE_ROW)
    assert _counts() == before


# Extra funds: a file of their own, one row per giver

EXTRA = "förbund;år;givare;beviljat;förbrukat\n"


def _funds(federation, year):
    return list(
        ExtraFunds.objects.filter(follow_up__federation=federation, follow_up__year=year)
        .order_by("source")
        .values_list("source", "granted", "used")
    )


def test_extra_funds_file(body, official_user, federations):
    sofint, sydnarke = federations
    follow_up_import(actor=official_user, body=body, data=ONE_ROW)
    follow_up_import(actor=official_user, body=body, data=(HEADER + "Sydnärke,2020,,,,\n").encode())
    data = (
        EXTRA
        + "SOFINT;2019;Tillväxtverket;1100000;783000\n"
        + "SOFINT;2019;MUCF;400000;0\n"
        + "Sydnärke;2020;ESF;250000;250000\n"
    ).encode()
    result = follow_up_import(actor=official_user, body=body, data=data)
    assert result.ok, result.problems
    assert [(r.federation.short_name, r.year, r.line) for r in result.written] == [
        ("SOFINT", 2019, 2),
        ("Sydnärke", 2020, 4),
    ]
    assert _funds(sofint, 2019) == [("MUCF", 400_000, 0), ("Tillväxtverket", 1_100_000, 783_000)]
    assert _funds(sydnarke, 2020) == [("ESF", 250_000, 250_000)]
    # the figures imported before are kept
    assert FollowUp.objects.get(federation=sofint, year=2019).member_contributions == 1
    # importing again gives the year exactly the funds listed
    again = (EXTRA + "SOFINT;2019;ESF;5;5\n").encode()
    assert follow_up_import(actor=official_user, body=body, data=again).ok
    assert _funds(sofint, 2019) == [("ESF", 5, 5)]


@pytest.mark.parametrize(
    ("rows", "line", "message"),
    [
        ("SOFINT;2019;ESF;1 100 000;0\n", 2, "Beviljat"),
        ("SOFINT;2019;ESF;100;-1\n", 2, "Förbrukat"),
        ("SOFINT;2019;ESF;;0\n", 2, "beloppet saknas"),
        ("SOFINT;2019;;1;1\n", 2, "Givaren saknas"),
        ("Okänt;2019;ESF;1;1\n", 2, "inget förbund"),
        ("SOFINT;1999;ESF;1;1\n", 2, "2004"),
        ("SOFINT;2019;ESF;1;1\nSofint;2019;esf;2;2\n", 3, "finns redan på rad 2"),
        ("SOFINT;2019;ESF;1\n", 2, "5 fält"),
        ("", 2, "bara en rubrikrad"),
        ("Sydnärke;2019;ESF;1;1\n", 2, "ingen uppföljning för Sydnärke 2019"),
    ],
)
def test_extra_funds_bad_rows(body, official_user, federations, rows, line, message):
    follow_up_import(actor=official_user, body=body, data=ONE_ROW)  # SOFINT 2019 exists
    problems = _refused(body, official_user, (EXTRA + rows).encode())
    assert any(n == line and message in m for n, m in problems), problems


def test_extra_funds_with_excels_empty_last_column(body, official_user, federations):
    follow_up_import(actor=official_user, body=body, data=ONE_ROW)
    data = b"federation,year,source,granted,used,\nSOFINT,2019,ESF,1,1,\n"
    assert follow_up_import(actor=official_user, body=body, data=data).ok


def test_extra_funds_header_with_a_figure_column(body, official_user, federations):
    data = b"federation,year,source,granted,used,participants\nSOFINT,2019,ESF,1,1,3\n"
    line, message = _one(_refused(body, official_user, data))
    assert line == 1 and "varken fler eller färre" in message
