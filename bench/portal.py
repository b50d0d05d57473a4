"""Benchmark: the public portal under load.

gunicorn with 2 workers serves the demo (production settings, SQLite under a temporary
directory); wrk drives 64 concurrent connections for DURATION seconds at each of: the
public meeting page, an API list, search for one word, and a static file from the same server
(the ceiling). Then, with the public page cache off (KANSLI_PUBLIC_CACHE=0), for half
that: the public meeting page, the meeting page as a logged-in member (ledamot) and search.
Prints requests per second, p50/p95/p99 latency and errors, and each page's server time
measured in-process (bench.page_times, without the page cache); the last line is JSON.

    python -m bench.portal [--duration 30] [--connections 64]
"""

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
SEARCH_WORD = "regionstyrelsen"
# A session of the demo's member (ledamot), as a login would leave it.
SESSION = (
    "from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY; "
    "from django.contrib.sessions.backends.db import SessionStore; "
    "from kansli.core.models import User; "
    "u = User.objects.get(username='ledamot'); s = SessionStore(); "
    "s[SESSION_KEY] = str(u.pk); "
    "s[BACKEND_SESSION_KEY] = 'django.contrib.auth.backends.ModelBackend'; "
    "s[HASH_SESSION_KEY] = u.get_session_auth_hash(); s.create(); print(s.session_key)"
)
ROWS = (
    ("meeting_page", "Publik sammanträdessida"),
    ("api_list", "API-lista (50 möten)"),
    ("search", "Sökning, ett ord"),
    ("static_file", "Statisk fil (tak)"),
    ("meeting_page_uncached", "Sammanträdessidan utan sidcache"),
    ("member_meeting_page", "Ledamotens sammanträdessida"),
    ("search_uncached", "Sökning utan sidcache"),
)
LUA = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT {\\"requests\\": %d, \\"duration_us\\": %d, \\"p50_us\\": %d, \\"p95_us\\": %d, "
    .. "\\"p99_us\\": %d, \\"socket_errors\\": %d, \\"non_2xx\\": %d}\\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), e.connect + e.read + e.write + e.timeout, e.status))
end
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def environment(directory: Path) -> dict[str, str]:
    return dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="kansli.config.settings.production",
        KANSLI_SECRET_KEY="bench-only-secret-key-not-for-production-use-0123456789",  # noqa: S106
        KANSLI_DATABASE_URL=f"sqlite:///{directory / 'bench.sqlite3'}",
        KANSLI_VAR_DIR=str(directory),
        KANSLI_STATIC_ROOT=str(directory / "static"),
        KANSLI_ALLOWED_HOSTS="127.0.0.1,localhost",
        KANSLI_SSL_REDIRECT="0",
        KANSLI_SECURE_COOKIES="0",
    )


def kansli(env: dict[str, str], *args: str) -> str:
    return subprocess.run(
        [PYTHON, "-m", "kansli", *args],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"servern svarar inte på {url}")


def drive(
    url: str, duration: int, connections: int, script: Path, cookie: str = ""
) -> dict[str, float]:
    headers = ["-H", f"Cookie: {cookie}"] if cookie else []
    output = subprocess.run(
        [
            "wrk",  # installed by scripts/ensure-wrk.sh
            "-t2",
            f"-c{connections}",
            f"-d{duration}s",
            "--timeout",
            "10s",
            "-s",
            str(script),
            *headers,
            url,
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("RESULT "))
    raw = json.loads(line.removeprefix("RESULT "))
    seconds = raw["duration_us"] / 1e6
    return {
        "requests": raw["requests"],
        "rps": raw["requests"] / seconds,
        "p50_ms": raw["p50_us"] / 1000,
        "p95_ms": raw["p95_us"] / 1000,
        "p99_ms": raw["p99_us"] / 1000,
        "errors": raw["socket_errors"] + raw["non_2xx"],
    }


def serve_and_drive(
    env: dict[str, str],
    paths: dict[str, str],
    duration: int,
    connections: int,
    script: Path,
    cookie: str = "",
) -> dict[str, dict[str, float]]:
    """Start gunicorn with 2 workers, drive each path in turn (a name starting with member_
    with the member's session cookie), stop it."""
    port = free_port()
    server = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "kansli.config.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for path in paths.values():
            wait_for(base + path)  # a member's page: the login page it leads to, unwarmed
        return {
            name: drive(
                base + path,
                duration,
                connections,
                script,
                cookie if name.startswith("member_") else "",
            )
            for name, path in paths.items()
        }
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=int, default=30)
    parser.add_argument("--connections", type=int, default=64)
    args = parser.parse_args()
    subprocess.run([str(ROOT / "scripts/ensure-wrk.sh")], check=True)
    with tempfile.TemporaryDirectory(prefix="kansli-bench-portal-") as tmp:
        directory = Path(tmp)
        env = environment(directory)
        kansli(env, "migrate", "--noinput", "-v0")
        kansli(env, "demo_load")
        kansli(env, "db_worker", "--batch", "--no-startup-delay")  # privacy step, pages
        kansli(env, "collectstatic", "--noinput", "-v0")
        ids = kansli(
            env,
            "shell",
            "--no-imports",
            "-c",
            "from kansli.meetings.models import Meeting; "
            "m = Meeting.objects.select_related('organization').order_by('pk').first(); "
            "print(m.pk, m.organization.body_id)",
        ).split()
        meeting, body = ids[0], ids[1]
        session = kansli(env, "shell", "--no-imports", "-c", SESSION).split()[-1]
        script = directory / "report.lua"
        script.write_text(LUA)
        paths = {
            "meeting_page": f"/insyn/sammantraden/{meeting}/",
            "api_list": f"/api/v1/bodies/{body}/meetings?limit=50",
            "search": f"/sok/?q={SEARCH_WORD}",
            "static_file": "/static/kansli/kansli.css",
        }
        results = serve_and_drive(env, paths, args.duration, args.connections, script)
        # Without the public page cache: what the page cache buys, and what a member (never
        # served from it) gets.
        uncached_paths = {
            "meeting_page_uncached": paths["meeting_page"],
            "member_meeting_page": f"/sammantraden/{meeting}/",
            "search_uncached": paths["search"],
        }
        short = max(args.duration // 2, 10)
        bare = dict(env, KANSLI_PUBLIC_CACHE="0")
        cookie = f"sessionid={session}"
        results.update(
            serve_and_drive(bare, uncached_paths, short, args.connections, script, cookie)
        )
        server = json.loads(
            subprocess.run(
                [
                    PYTHON,
                    "-m",
                    "bench.page_times",
                    f"meeting_page_uncached={paths['meeting_page']}",
                    f"member_meeting_page={uncached_paths['member_meeting_page']}",
                    f"search_uncached={paths['search']}",
                ],
                env=bare,
                cwd=ROOT,
                check=True,
                capture_output=True,
                text=True,
            ).stdout.splitlines()[-1]
        )
    report(results, server, args.duration, short, args.connections)


def report(
    results: dict[str, dict[str, float]],
    server: dict[str, dict[str, float]],
    duration: int,
    short: int,
    connections: int,
) -> None:
    print(
        f"Portalen under last: gunicorn 2 arbetare, {connections} samtidiga anslutningar, "
        f"{duration} s per adress, utan sidcache {short} s (wrk, loopback); "
        "servertid i processen utan sidcache (median / snabbast, frågor):"
    )
    ceiling = results["static_file"]["rps"]
    for name, label in ROWS:
        r = results[name]
        line = (
            f"  {label:<34} {r['rps']:7.0f} req/s  p50 {r['p50_ms']:6.1f} ms  "
            f"p95 {r['p95_ms']:6.1f} ms  p99 {r['p99_ms']:6.1f} ms  fel {r['errors']}  "
            f"kvot mot statisk fil {r['rps'] / ceiling:.2f}"
        )
        if name in server:
            t = server[name]
            line += f"  server {t['median_ms']:.1f} / {t['min_ms']:.1f} ms, {t['queries']} frågor"
        print(line)
    cached, bare = results["meeting_page"], results["meeting_page_uncached"]
    print(f"  kvot med/utan sidcache (req/s): {cached['rps'] / bare['rps']:.0f}")
    print(json.dumps({**results, "server": server}))


if __name__ == "__main__":
    main()
