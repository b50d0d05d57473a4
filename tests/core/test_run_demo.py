"""`make run` serves as production does: the real scripts/run-demo.sh on a fresh var dir and a
free port (demo data skipped), gunicorn with DEBUG off, static files from whitenoise, a Swedish
404, SQLite in WAL mode, and a worker that comes back after `kill -9`."""

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("KANSLI_TEST_DATABASE_URL")),
    reason="the demo runs on SQLite only; run once, in the SQLite pass",
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(url: str) -> tuple[int, dict[str, str], str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def wait_until(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def alive_worker(pid_file: Path) -> int | None:
    """The pid in the supervisor's pid file, if that process is a running db_worker."""
    try:
        pid = int(pid_file.read_text())
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode()
        state = Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0]
    except (OSError, ValueError):
        return None
    return pid if "db_worker" in cmdline and state != "Z" else None


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def group_members(pgid: int) -> list[str]:
    """The processes still in the group, as "pid state command" (for a failure's message)."""
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(") ", 1)[1].split()
            if int(fields[2]) == pgid:
                command = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode()
                members.append(f"{stat.parent.name} {fields[0]} {command}")
        except (OSError, IndexError, ValueError):
            continue
    return members


@pytest.fixture
def demo(tmp_path):
    port = free_port()
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_SETTINGS_MODULE", "KANSLI_DATABASE_URL", "KANSLI_STATIC_ROOT"}
        and not k.startswith("KANSLI_TEST_")
    }
    env.update(KANSLI_VAR_DIR=str(tmp_path), KANSLI_PORT=str(port), KANSLI_DEMO_LOAD="0")
    log = (tmp_path / "run.log").open("w")
    process = subprocess.Popen(
        [str(ROOT / "scripts/run-demo.sh")],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group, as a terminal gives it
    )
    base = f"http://127.0.0.1:{port}"

    def up():
        if process.poll() is not None:
            raise AssertionError((tmp_path / "run.log").read_text())
        try:
            return get(base + "/")[0] == 200
        except OSError:
            return False

    try:
        wait_until(up, 180, "the demo to answer")
        yield base, tmp_path, process, env
    finally:
        worker = alive_worker(tmp_path / "worker.pid")
        if worker:
            os.kill(worker, signal.SIGKILL)
        if group_alive(process.pid):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
        log.close()


def test_make_run_serves_like_production(demo):
    base, var, process, env = demo

    status, headers, home = get(base + "/")
    assert status == 200
    assert headers["Server"] == "gunicorn"
    assert '<html lang="sv">' in home

    # Static files: collected under var/, hashed names, cached for a year by whitenoise.
    css = re.search(r'href="(/static/kansli/kansli\.[0-9a-f]{12}\.css)"', home)
    assert css, "the stylesheet is linked by its hashed name"
    status, headers, body = get(base + css.group(1))
    assert status == 200 and "body" in body
    assert "immutable" in headers["Cache-Control"]
    max_age = re.search(r"max-age=(\d+)", headers["Cache-Control"])
    assert max_age and int(max_age.group(1)) >= 365 * 86400
    assert (var / "static" / css.group(1).removeprefix("/static/")).is_file()

    # DEBUG off: the 404 is the site's own page in Swedish, with no list of URL patterns.
    status, _, page = get(base + "/finns-inte/")
    assert status == 404
    assert "Sidan finns inte" in page and 'class="site-header"' in page
    assert "URLconf" not in page and "arenden/" not in page and "DEBUG" not in page

    # The SQLite database under var/ is in WAL mode with a busy timeout (gunicorn has 2 workers).
    pragmas = subprocess.run(
        [
            sys.executable,
            "-m",
            "kansli",
            "shell",
            "--no-imports",
            "-c",
            "from django.db import connection as c\n"
            "from django.conf import settings as s\n"
            "k = c.cursor()\n"
            "print(c.settings_dict['NAME'], s.DEBUG,"
            " k.execute('PRAGMA journal_mode').fetchone()[0],"
            " k.execute('PRAGMA busy_timeout').fetchone()[0])",
        ],
        cwd=ROOT,
        env=dict(env, DJANGO_SETTINGS_MODULE="kansli.config.settings.demo"),
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert pragmas == [str(var / "kansli.sqlite3"), "False", "wal", "30000"]

    # kill -9 of the worker: the supervisor starts a new one.
    pid_file = var / "worker.pid"
    first = wait_until(lambda: alive_worker(pid_file), 30, "the worker")
    os.kill(first, signal.SIGKILL)
    second = wait_until(
        lambda: (pid := alive_worker(pid_file)) and pid != first and pid, 30, "a new worker"
    )
    assert second != first
    assert "avslutades med status 137; den startas om" in (var / "worker.log").read_text()
    assert get(base + "/")[0] == 200
    log = var / "worker.log"
    wait_until(lambda: log.read_text().count("Starting worker") == 2, 60, "the new worker to run")

    # Ctrl+C (SIGINT to the process group) stops the server, the supervisor and the worker
    # (which runs in a session of its own, stopped by the supervisor).
    os.killpg(process.pid, signal.SIGINT)
    process.wait(timeout=60)
    try:
        wait_until(lambda: not group_alive(process.pid), 30, "every process to stop")
    except AssertionError as error:
        raise AssertionError(f"still running: {group_members(process.pid)}") from error
    # The worker finishes the task it is in before it stops; on a loaded machine that can
    # outlast the group (a zombie left to the reaper counts as stopped).
    wait_until(lambda: not _running(second), 30, "the worker to stop")
    assert "shutting down gracefully" in log.read_text()  # one SIGTERM: a running task ends
    with pytest.raises(OSError):
        get(base + "/")
