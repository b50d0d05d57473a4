"""python -m kansli finsam federations | contributions | memo."""

import datetime
import json

import pytest
from django.core.management import CommandError, call_command

from kansli.finsam import services
from kansli.finsam.models import MemberKind
from kansli.memos.models import Memo
from kansli.people import services as people
from kansli.people.models import OrganizationKind
from kansli.registry.models import Case


@pytest.fixture
def federations(body, board, series):
    people.organization_create(
        actor=None,
        body=body,
        name="Regionstyrelsens arbetsutskott",
        kind=OrganizationKind.COMMITTEE,
        parent=board,
    )
    made = {}
    for name, short, towns in (
        ("Samordningsförbundet Sydnärke", "Sydnärke", [("Kumla kommun", 21_900)]),
        (
            "Finsam Degerfors/Karlskoga",
            "Degerfors/Karlskoga",
            [("Degerfors kommun", 9_500), ("Karlskoga kommun", 30_500)],
        ),
    ):
        federation = services.federation_create(
            actor=None, body=body, name=name, short_name=short, aliases=[short.upper()]
        )
        services.federation_member_add(
            actor=None, federation=federation, kind=MemberKind.REGION, name="Region Örebro län"
        )
        for town, inhabitants in towns:
            member = services.federation_member_add(
                actor=None, federation=federation, kind=MemberKind.MUNICIPALITY, name=town
            )
            services.population_record(
                actor=None, member=member, on=datetime.date(2023, 11, 1), inhabitants=inhabitants
            )
        made[short] = federation
    return made


def _csv(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_federations_as_json(federations, capsys):
    call_command("finsam", "federations", "--json")
    data = json.loads(capsys.readouterr().out)
    assert [f["short_name"] for f in data] == ["Degerfors/Karlskoga", "Sydnärke"]
    assert data[0]["municipalities"] == ["Degerfors kommun", "Karlskoga kommun"]


def test_contributions_with_last_year(federations, tmp_path, capsys):
    state = _csv(
        tmp_path,
        "s.csv",
        "federation,state_amount\nSYDNÄRKE,2650001\nDegerfors/Karlskoga,2800000\n",
    )
    previous = _csv(
        tmp_path,
        "p.csv",
        "federation,state_amount\nSydnärke,2600000\nDegerfors/Karlskoga,2800000\n",
    )
    call_command(
        "finsam",
        "contributions",
        "--year",
        "2024",
        "--state",
        state,
        "--previous",
        previous,
        "--json",
    )
    data = json.loads(capsys.readouterr().out)
    sydnarke = next(f for f in data["federations"] if f["federation"] == "Sydnärke")
    assert sydnarke["region_amount"] == 1_325_001 and sydnarke["municipalities_amount"] == 1_325_000
    assert sydnarke["previous_region_amount"] == 1_300_000 and sydnarke["change"] == 25_001
    degerfors = next(f for f in data["federations"] if f["federation"] == "Degerfors/Karlskoga")
    assert [m["amount"] for m in degerfors["municipalities"]] == [332_500, 1_067_500]
    assert data["totals"]["region_amount"] == 1_325_001 + 1_400_000
    assert data["totals"]["change"] == 25_001


def test_memo_dry_run_then_for_real(federations, tmp_path, capsys):
    state = _csv(
        tmp_path,
        "s.csv",
        "federation,state_amount\nSydnärke,2650000\nDegerfors/Karlskoga,2800000\n",
    )
    args = ["finsam", "memo", "--year", "2024", "--state", state, "--sammantrade", "2024-02-06"]
    call_command(*args, "--dry-run", "--json")
    data = json.loads(capsys.readouterr().out)
    assert data["case_number"] is None and Case.objects.count() == 0
    assert data["formula"].endswith(
        "under förutsättning att övriga medlemmar fattar motsvarande beslut"
    )
    assert data["clauses"] == [
        "att lämna bidrag till Finsam Degerfors/Karlskoga med 1 400 000 kronor för år 2024",
        "att lämna bidrag till Samordningsförbundet Sydnärke med 1 325 000 kronor för år 2024",
    ]
    assert data["table"][-1] == {
        "federation": "Summa",
        "previous_tkr": "–",
        "tkr": "2\xa0725,0",
        "change_tkr": "–",
    }
    call_command(*args)
    out = capsys.readouterr().out
    case = Case.objects.get()
    assert f"Skapade ärende {case.number}" in out
    memo = Memo.objects.get(case=case)
    assert [c.text for c in memo.proposal.clauses.order_by("position")] == data["clauses"]
    assert "| **Summa** |" in memo.sections.get(key="arendebeskrivning").text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Filen är tom"),
        ("federation,belopp\n", "Rubrikraden"),
        ("federation,state_amount\nSydnärke,1 000\n", "Rad 2"),
        ("federation,state_amount\nMånen,1000\n", "inget förbund"),
    ],
)
def test_bad_state_file_stops_with_its_line(federations, tmp_path, text, message):
    state = _csv(tmp_path, "s.csv", text)
    with pytest.raises(CommandError, match=message):
        call_command(
            "finsam", "memo", "--year", "2024", "--state", state, "--sammantrade", "2024-02-06"
        )
    assert Case.objects.count() == 0


def test_missing_file_and_bad_year(federations, tmp_path):
    with pytest.raises(CommandError, match="finns inte"):
        call_command(
            "finsam", "contributions", "--year", "2024", "--state", str(tmp_path / "x.csv")
        )
    with pytest.raises(CommandError, match="inte rimligt"):
        call_command(
            "finsam", "contributions", "--year", "1700", "--state", str(tmp_path / "x.csv")
        )


def test_the_memo_command_records_the_state_amounts(federations, tmp_path):
    from kansli.finsam.models import StateAllocation

    state = _csv(tmp_path, "s.csv", "federation,state_amount\nSydnärke,2650000\n")
    call_command(
        "finsam", "memo", "--year", "2024", "--state", state, "--sammantrade", "2024-02-06"
    )
    assert StateAllocation.objects.get(year=2024).amount == 2_650_000
    with pytest.raises(CommandError, match="finns redan"):
        call_command(
            "finsam", "memo", "--year", "2024", "--state", state, "--sammantrade", "2024-02-06"
        )


def test_a_field_too_long_for_csv_is_a_problem_not_a_crash(federations, tmp_path):
    state = _csv(tmp_path, "s.csv", 'federation,state_amount\n"' + "x" * 200_000 + '",1\n')
    with pytest.raises(CommandError, match="kan inte läsas som CSV"):
        call_command("finsam", "contributions", "--year", "2024", "--state", state)
