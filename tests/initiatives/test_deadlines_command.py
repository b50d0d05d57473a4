"""python -m kansli deadlines."""

import json
import os
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command


def test_meeting_date(capsys):
    call_command("deadlines", "--meeting-date", "2020-08-26")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Justering senast: ")
    assert lines[0].endswith(" 2020-09-09 (onsdag)  KL 5 kap. 69 §")
    assert "Anslag senast:" in lines[1]
    assert "2020-09-11 (fredag)" in lines[1]
    assert lines[1].endswith("KL 8 kap. 12 §")
    assert lines[2].startswith("Sista dag för överklagande: 2020-10-02 (fredag)")
    assert lines[2].endswith("KL 13 kap. 5 §")
    # The dates line up in one column.
    assert len({line.index("2020-") for line in lines[:3]}) == 1
    assert "--posting-date" in lines[3]


def test_posting_date(capsys):
    call_command("deadlines", "--posting-date", "2020-12-03")
    out = capsys.readouterr().out
    assert "Sista dag för överklagande:" in out
    assert "Anslaget sitter uppe till och med: 2020-12-28 (måndag)  KL 8 kap. 12 §" in out
    assert "Justering" not in out


def test_motion_received(capsys):
    call_command("deadlines", "--motion-received", "2020-02-29")
    out = capsys.readouterr().out
    assert out.strip() == "Motionen ska vara beslutad senast: 2021-02-28 (söndag)  KL 5 kap. 35 §"


def test_json(capsys):
    call_command("deadlines", "--posting-date", "2020-09-01", "--json")
    assert json.loads(capsys.readouterr().out) == {
        "last_day_to_appeal": "2020-09-22",
        "listed_until": "2020-09-22",
        "input": {"kind": "posting_date", "date": "2020-09-01"},
    }
    call_command("deadlines", "--motion-received", "2023-03-15", "--json")
    assert json.loads(capsys.readouterr().out) == {
        "motion_deadline": "2024-03-15",
        "input": {"kind": "motion_received", "date": "2023-03-15"},
    }


@pytest.mark.parametrize(
    "text", ["2020-13-01", "26/8 2020", "igår", "2021-02-29", "", "20200826", "2020-W35-3"]
)
def test_malformed_date(text):
    with pytest.raises(CommandError, match=r"Ogiltigt datum: .* Ange datum som ÅÅÅÅ-MM-DD\."):
        call_command("deadlines", "--meeting-date", text)


@pytest.mark.parametrize(
    "args",
    [[], ["--meeting-date", "2020-08-26", "--posting-date", "2020-09-01"], ["--json"]],
)
def test_exactly_one_date(args):
    with pytest.raises(CommandError, match="Ange exakt ett av --meeting-date"):
        call_command("deadlines", *args)


def _run(*args):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "kansli.config.settings.test"}
    return subprocess.run(
        [sys.executable, "-m", "kansli", "deadlines", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_command_line_json():
    result = _run("--meeting-date", "2020-08-26", "--json")
    assert result.returncode == 0, result.stderr
    # 2020-08-26 + 14 = Wed 9 Sep; + 2 = Fri 11 Sep; + 21 = Fri 2 Oct, an ordinary weekday.
    assert json.loads(result.stdout) == {
        "adjustment_deadline": "2020-09-09",
        "latest_posting": "2020-09-11",
        "last_day_to_appeal": "2020-10-02",
        "input": {"kind": "meeting_date", "date": "2020-08-26"},
    }


def test_command_line_malformed_date():
    result = _run("--meeting-date", "2020-02-30")
    assert result.returncode != 0
    assert "Ogiltigt datum: ”2020-02-30”. Ange datum som ÅÅÅÅ-MM-DD." in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
