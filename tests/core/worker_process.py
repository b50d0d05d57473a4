"""A real background worker (`python -m kansli db_worker`) as a process of its own, working in
the test's database and media directory; it can be killed (SIGKILL) like a crashed one."""

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db import connection

LEASE_SECONDS = 2


def database_url() -> str:
    """The URL of the database this test runs in (the test database, not the configured one)."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    user = quote(db["USER"] or "", safe="")
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    host = f"{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}"
    return f"postgres://{user}{password}@{host}/{db['NAME']}"


def kansli_env(*, pause: float = 0, retries: int | None = None) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("KANSLI_TEST_DATABASE") and not key.startswith("KANSLI_TASK_")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="kansli.config.settings.test",
        KANSLI_TEST_DATABASE_URL=database_url(),
        KANSLI_TEST_MEDIA_ROOT=str(settings.MEDIA_ROOT),
        KANSLI_TASK_LEASE_SECONDS=str(LEASE_SECONDS),
        KANSLI_TASK_PAUSE_SECONDS=str(pause),
        KANSLI_LOG_LEVEL="INFO",
    )
    if retries is not None:
        env["KANSLI_TASK_RETRIES"] = str(retries)
    return env


class WorkerProcess:
    def __init__(self, log_dir: Path, name: str, *, pause: float = 0, retries: int | None = None):
        self.log = log_dir / f"worker-{name}.log"
        self.env = kansli_env(pause=pause, retries=retries)
        self.name = name
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> "WorkerProcess":
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "kansli",
                    "db_worker",
                    "--no-startup-delay",
                    "--no-reload",
                    "--interval",
                    "0.1",
                    "--worker-id",
                    self.name,
                ],
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        return self

    def kill(self) -> None:
        """As a crash: no chance to clean up."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        """As systemd stops it: SIGTERM, and the worker signs off."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.kill()

    def output(self) -> str:
        return self.log.read_text(errors="replace")


def wait_until(
    condition: Callable[[], bool], what: str, workers: list[WorkerProcess], timeout: float = 60
):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    logs = "\n".join(f"--- {w.name}\n{w.output()[-3000:]}" for w in workers)
    raise AssertionError(f"not within {timeout} s: {what}\n{logs}")


def health(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kansli", "worker_health"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
