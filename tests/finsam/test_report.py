"""The Finsam comparison report: its tables, charts and checks, the page, the PDF and the
CSV, who may read them, and what bad parameters and hostile names do.

Figures after the county's 2020 review of its four federations: the administration costs
and allocations of 2019 are the review's, the rest is made up around them."""

import csv
import io
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from pypdf import PdfReader

from kansli.finsam import services
from kansli.finsam.follow_up.indicators import BY_KEY, INDICATORS
from kansli.finsam.follow_up.report import build_report, parse_query
from kansli.finsam.follow_up.report_csv import report_csv
from kansli.finsam.services import ExtraFundsInput

from ..factories import UserFactory

HOSTILE = "<script>alert(1)</script>"
URL = "/finsam/jamforelse/"

FEDERATIONS = (
    ("Finsam Lekeberg och Örebro", "Lekeberg/Örebro"),
    ("Samordningsförbundet Sydnärke", "Sydnärke"),
    ("Finsam Degerfors/Karlskoga", "Degerfors/Karlskoga"),
    ("Samordningsförbundet Norra Örebro län – SOFINT", "SOFINT"),
)

FIGURES = {
    ("Lekeberg/Örebro", 2019): {
        "member_contributions": 8_000_000,
        "cost_individual": 5_768_493,
        "cost_administration": 1_552_000,
        "participants": 160,
        "participants_new": 95,
        "participants_ended": 40,
        "ended_to_work_or_studies": 6,
        "ended_ready_for_regular": 7,
        "population_16_64": 101_560,
        "reception_team_staff": Decimal("2.75"),
    },
    ("Sydnärke", 2019): {
        "member_contributions": 5_300_000,
        "cost_individual": 3_813_057,
        "cost_administration": 1_342_000,
        "participants": 131,
        "participants_new": 80,
        "participants_ended": 81,
        "ended_to_work_or_studies": 15,
        "ended_ready_for_regular": 32,
        "population_16_64": 31_520,
    },
    ("Degerfors/Karlskoga", 2018): {
        "member_contributions": 5_600_000,
        "cost_individual": 5_100_000,
        "cost_administration": 1_200_000,
        "participants": 230,
        "participants_new": 110,
        "participants_ended": 100,
        "ended_to_work_or_studies": 20,
        "ended_ready_for_regular": 10,
        "population_16_64": 23_000,
    },
    ("Degerfors/Karlskoga", 2019): {
        # Began 2019 with 145, though 2018 ended with 130: the fault the review found.
        "member_contributions": 5_600_000,
        "cost_individual": 5_238_570,
        "cost_administration": 1_238_000,
        "participants": 243,
        "participants_new": 98,
        "participants_ended": 107,
        "ended_to_work_or_studies": 22,
        "ended_ready_for_regular": 15,
        "population_16_64": 23_140,
    },
    ("SOFINT", 2019): {
        "member_contributions": 4_000_000,
        "cost_individual": 1_719_246,
        "cost_administration": 1_373_000,
        "participants": 73,
        "participants_new": 40,
        "participants_ended": 34,
        "ended_to_work_or_studies": None,  # not reported
        "ended_ready_for_regular": 20,
        "population_16_64": 25_940,
    },
}


def record(body, figures=FIGURES, names=FEDERATIONS):
    federations = {}
    for name, short in names:
        federations[short] = services.federation_create(
            actor=None, body=body, name=name, short_name=short
        )
        services.federation_member_add(
            actor=None,
            federation=federations[short],
            kind="försäkringskassan",
            name="Försäkringskassan",
        )
    for (short, year), values in figures.items():
        services.follow_up_record(
            actor=None, federation=federations[short], year=year, figures=values
        )
    return federations


@pytest.fixture
def recorded(body):
    return record(body)


@pytest.fixture
def staff_client(client, official_user):
    client.force_login(official_user)
    return client


def parse_svg(svg):
    return ET.fromstring(svg)  # noqa: S314 - our own output


def by_class(root, css):
    return [e for e in root.iter() if css in (e.get("class") or "").split()]


def section(report, key):
    return next(s for s in report.sections if s.key == key)


def values(report, key):
    return {row.federation.short_name: row.values for row in section(report, key).rows}


# The report


def test_per_indicator_a_table_of_every_federation_and_year(body, recorded):
    report = build_report(viewer=None, body=body)
    assert report.years == (2018, 2019) and report.chart_year == 2019
    assert [f.short_name for f in report.federations] == [
        "Degerfors/Karlskoga",
        "Lekeberg/Örebro",
        "SOFINT",
        "Sydnärke",
    ]
    assert [s.key for s in report.sections] == [i.key for i in INDICATORS]
    share = values(report, "administration_share")
    assert share["Lekeberg/Örebro"] == (None, Decimal("19.4"))
    assert share["SOFINT"][1].quantize(Decimal("0.1")) == Decimal("34.3")
    assert share["Sydnärke"][1].quantize(Decimal("0.1")) == Decimal("25.3")
    texts = {row.federation.short_name: row.texts for row in section(report, "target_group").rows}
    assert texts["Lekeberg/Örebro"] == ("uppgift saknas", "5\xa0078\xa0personer")


def test_a_missing_figure_gives_a_missing_value_not_a_zero(body, recorded):
    report = build_report(viewer=None, body=body)
    assert values(report, "share_to_work_or_studies")["SOFINT"] == (None, None)
    assert values(report, "share_ready_for_regular")["SOFINT"][1] is not None
    assert len(report.figure_rows) == 5  # rows only where figures were entered


def test_the_report_holds_its_charts_with_a_bar_per_known_value(body, recorded):
    report = build_report(viewer=None, body=body)
    s = section(report, "share_to_work_or_studies")
    bars = parse_svg(s.bar_chart)
    assert s.bar_title == "Andel avslutade till arbete eller studier per förbund 2019"
    labels = ["".join(e.itertext()) for e in by_class(bars, "category-label")]
    assert labels == ["Degerfors/Karlskoga", "Lekeberg/Örebro", "SOFINT", "Sydnärke"]
    assert len(by_class(bars, "bar")) == 3  # SOFINT did not report it: a gap
    assert ["".join(e.itertext()) for e in by_class(bars, "missing")] == ["uppgift saknas"]
    assert "20,6\xa0%" in ["".join(e.itertext()) for e in by_class(bars, "value")]
    line = parse_svg(s.line_chart)
    assert len(by_class(line, "point")) == 4  # D/K 2018 and 2019, L/Ö and Sydnärke 2019
    assert len(by_class(line, "line")) == 1  # only D/K has two years in a row
    assert ["".join(e.itertext()) for e in by_class(line, "year")] == ["2018", "2019"]


def test_the_chosen_year_draws_the_bars(body, recorded):
    report = build_report(viewer=None, body=body, year=2018)
    assert report.errors == () and report.chart_year == 2018
    bars = parse_svg(section(report, "cost_per_participant").bar_chart)
    assert len(by_class(bars, "bar")) == 1 and len(by_class(bars, "missing")) == 3


def test_the_checks_find_the_year_that_began_with_more_than_the_last_ended(body, recorded):
    report = build_report(viewer=None, body=body)
    messages = [str(p) for p in report.problems]
    assert any(
        m.startswith(
            "Degerfors/Karlskoga 2019: Året började med 145 deltagare, men 2018 slutade med 130"
        )
        for m in messages
    )
    assert "Lekeberg/Örebro 2019" not in " ".join(messages)


def test_one_federation_by_any_of_its_names(body, recorded):
    report = build_report(viewer=None, body=body, federation="  finsam lekeberg OCH örebro ")
    assert report.errors == ()
    assert [f.short_name for f in report.federations] == ["Lekeberg/Örebro"]
    assert report.years == (2019,)
    assert len(report.choices) == 4


def test_an_unknown_year_or_federation_is_named_and_not_followed(body, recorded):
    report = build_report(viewer=None, body=body, year=2030, federation="Okänt förbund")
    assert report.errors == (
        "Det finns inga uppföljningar för något förbund som heter ”Okänt förbund”. "
        "Rapporten visar alla förbund.",
        "Det finns inga uppföljningar för år 2030. Diagrammen per förbund visar 2019 i stället.",
    )
    assert report.chart_year == 2019 and len(report.federations) == 4


@pytest.mark.parametrize(
    ("params", "year", "federation", "errors"),
    [
        ({}, None, None, 0),
        ({"ar": "2019", "forbund": " Sydnärke "}, 2019, "Sydnärke", 0),
        ({"ar": "19"}, None, None, 1),
        ({"ar": "2019'; DROP TABLE"}, None, None, 1),
        ({"ar": "２０１９"}, None, None, 1),  # full-width digits are not an årtal here
        ({"forbund": "a\x00b" + "x" * 500}, None, "ab" + "x" * 198, 0),
    ],
)
def test_parse_query(params, year, federation, errors):
    query = parse_query(params)
    assert (query.year, query.federation, len(query.errors)) == (year, federation, errors)


# The CSV


def rows_of(text):
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def test_csv_has_a_row_per_federation_and_year_with_decimal_comma(body, recorded):
    rows = rows_of(report_csv(build_report(viewer=None, body=body)))
    header, data = rows[0], rows[1:]
    assert header[:4] == ["Förbund", "Kortnamn", "År", "Medlemsbidrag (kr)"]
    assert "Administrationens andel av medelstilldelningen (%)" in header
    assert len(data) == 5 and len(header) == len(data[0])
    row = {(r[1], r[2]): dict(zip(header, r, strict=True)) for r in data}
    lo = row[("Lekeberg/Örebro", "2019")]
    assert lo["Förbund"] == "Finsam Lekeberg och Örebro"
    assert lo["Kostnad administration (kr)"] == "1552000"
    assert lo["Administrationens andel av medelstilldelningen (%)"] == "19,40"
    assert lo["Mottagningsteam, årsarbetare"] == "2,75"
    assert lo["Målgrupp (personer)"] == "5078,00"
    assert lo["Eget kapital vid årets slut (kr)"] == ""  # missing, not zero
    assert row[("SOFINT", "2019")]["Andel avslutade till arbete eller studier (%)"] == ""


def test_csv_cells_that_look_like_formulas_are_defused(body):
    names = (('=HYPERLINK("http://x")', "+SUM(A1)"), ("@cmd", "-2+3"))
    record(body, {("+SUM(A1)", 2019): {"equity": -5000}, ("-2+3", 2019): {}}, names)
    rows = rows_of(report_csv(build_report(viewer=None, body=body)))
    header = rows[0]
    cells = {r[1]: dict(zip(header, r, strict=True)) for r in rows[1:]}
    assert cells["'+SUM(A1)"]["Förbund"] == '\'=HYPERLINK("http://x")'
    assert cells["'-2+3"]["Förbund"] == "'@cmd"
    assert cells["'+SUM(A1)"]["Eget kapital vid årets slut (kr)"] == "-5000"  # a number


# The pages


def test_anonymous_is_sent_to_log_in(client, body, recorded):
    for url in (URL, "/finsam/jamforelse.pdf", "/finsam/jamforelse.csv"):
        response = client.get(url)
        assert response.status_code == 302 and "next=" in response["Location"]


def test_a_user_without_a_role_is_refused(client, body, recorded):
    client.force_login(UserFactory(username="utan-roll"))
    for url in (URL, "/finsam/jamforelse.pdf", "/finsam/jamforelse.csv"):
        assert client.get(url).status_code == 403


def test_an_elected_member_may_read_it(client, elected, body, recorded):
    client.force_login(elected)
    assert client.get(URL).status_code == 200


def test_the_page_shows_each_indicator_with_definition_charts_and_table(staff_client, recorded):
    response = staff_client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    for indicator in INDICATORS:
        assert f'<h2 id="{indicator.key}">{indicator.label}</h2>' in page
        assert indicator.definition in page
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg" role="img"') == 2 * len(INDICATORS)
    assert "<caption>Administrationens andel av medelstilldelningen per förbund och år (%)" in page
    assert '<td class="num">19,4\xa0%</td>' in page
    assert "<caption>Uppgifter 2019</caption>" in page
    assert '<h2 id="kontroll">Kontroll av uppgifterna</h2>' in page
    assert "Året började med 145 deltagare" in page
    assert 'href="/finsam/jamforelse.pdf"' in page and 'href="/finsam/jamforelse.csv"' in page
    assert '<option value="2019" selected>2019</option>' in page


def test_the_page_for_one_federation_and_year_links_files_for_the_same(staff_client, recorded):
    page = staff_client.get(URL, {"ar": "2018", "forbund": "Degerfors/Karlskoga"}).content.decode()
    assert "Administrationens andel av medelstilldelningen per förbund 2018" in page
    assert "/finsam/jamforelse.pdf?forbund=Degerfors%2FKarlskoga&amp;ar=2018" in page
    assert '/finsam/jamforelse.csv?forbund=Degerfors%2FKarlskoga"' in page
    assert "<td>Sydnärke</td>" not in page


def test_no_figures_yet_is_said(staff_client, body):
    response = staff_client.get(URL)
    assert response.status_code == 200
    assert "Inga uppföljningar är införda ännu" in response.content.decode()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"ar": "tjugo"}, "”tjugo” är inget årtal. Ange året med fyra siffror"),
        ({"ar": "2030"}, "Det finns inga uppföljningar för år 2030."),
        ({"forbund": "Okänt"}, "Det finns inga uppföljningar för något förbund som heter"),
        ({"ar": HOSTILE}, "är inget årtal"),
    ],
)
def test_bad_parameters_give_a_swedish_message_not_an_error(
    staff_client, recorded, params, message
):
    response = staff_client.get(URL, params)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page and '<h2 id="kontroll">' in page
    assert HOSTILE not in page
    for url in ("/finsam/jamforelse.pdf", "/finsam/jamforelse.csv"):
        response = staff_client.get(url, params)
        assert response.status_code == 400 and message in response.content.decode()


def test_csv_download(staff_client, recorded):
    response = staff_client.get("/finsam/jamforelse.csv", {"forbund": "SOFINT"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = rows_of(response.content.decode("utf-8"))
    assert [r[1] for r in rows[1:]] == ["SOFINT"]


def test_pdf_is_a_real_pdf_with_the_names_and_the_indicators(staff_client, recorded):
    response = staff_client.get("/finsam/jamforelse.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    for _, short in FEDERATIONS:
        assert short in text
    assert "Samordningsförbundet Norra Örebro län – SOFINT" in text
    assert BY_KEY["administration_share"].label in text
    assert "Kontroll av uppgifterna" in text and "19,4" in text
    assert len(reader.pages) >= len(INDICATORS)


# Hostile names


def test_a_hostile_federation_name_stays_text_in_page_charts_and_pdf(staff_client, body):
    record(body, {(HOSTILE, 2019): FIGURES[("Sydnärke", 2019)]}, ((HOSTILE + " förbund", HOSTILE),))
    page = staff_client.get(URL).content.decode()
    assert HOSTILE not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    report = build_report(viewer=None, body=body)
    for s in report.sections:
        for svg in (s.bar_chart, s.line_chart):
            root = parse_svg(svg)
            assert not [e for e in root.iter() if e.tag.endswith("script")]
            assert HOSTILE in "".join(root.itertext())
    response = staff_client.get("/finsam/jamforelse.pdf")
    assert response.status_code == 200
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "alert(1)" in text
    rows = rows_of(staff_client.get("/finsam/jamforelse.csv").content.decode("utf-8"))
    assert rows[1][1] == HOSTILE


def test_typst_markup_in_a_name_is_not_run(staff_client, body):
    name = '#panic("x") #read("/etc/passwd") $x$ ]'
    record(body, {(name, 2019): FIGURES[("SOFINT", 2019)]}, ((name + " förbund", name),))
    response = staff_client.get("/finsam/jamforelse.pdf")
    assert response.status_code == 200
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "#panic" in text and "root:" not in text


def test_extra_funds_are_summed_per_federation_and_year(staff_client, body, recorded):
    sofint = recorded["SOFINT"]
    services.follow_up_record(
        actor=None,
        federation=sofint,
        year=2019,
        figures={},
        extra_funds=[
            ExtraFundsInput(source="Tillväxtverket", granted=1_100_000, used=783_000),
            ExtraFundsInput(source="MUCF", granted=400_000, used=17),
        ],
    )
    rows = rows_of(report_csv(build_report(viewer=None, body=body)))
    header, data = rows[0], rows[1:]
    row = {(r[1], r[2]): dict(zip(header, r, strict=True)) for r in data}
    assert row[("SOFINT", "2019")]["Extra medel, beviljat (kr)"] == "1500000"
    assert row[("SOFINT", "2019")]["Extra medel, förbrukat (kr)"] == "783017"
    assert row[("Lekeberg/Örebro", "2019")]["Extra medel, beviljat (kr)"] == ""  # none entered
    page = staff_client.get("/finsam/jamforelse/?ar=2019").content.decode()
    assert "Extra medel, beviljat (kr)" in page and "1\xa0500\xa0000" in page
