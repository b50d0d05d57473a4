"""KL 5 kap. 35 §: a citizen proposal is decided within a year, so the setting of how many
months a body gives itself cannot go beyond twelve: Kansli refuses to start."""

import os
import subprocess
import sys

import pytest


def _start(months: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KANSLI_CITIZEN_PROPOSAL_MONTHS": months}
    return subprocess.run(
        [sys.executable, "-c", "import kansli.config.settings.test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("months", ["13", "0"])
def test_more_than_a_year_stops_the_start_with_a_swedish_message(months):
    started = _start(months)
    assert started.returncode != 0
    assert "KANSLI_CITIZEN_PROPOSAL_MONTHS ska vara 1–12" in started.stderr
    assert "5 kap. 35 §" in started.stderr


def test_a_shorter_limit_is_allowed():
    assert _start("6").returncode == 0
