"""Reading settings from the environment (KANSLI_*), with safe demo defaults."""

import os
from pathlib import Path
from typing import Any

import dj_database_url

# src/kansli/config/settings/env.py -> project root
PROJECT_DIR = Path(__file__).resolve().parents[4]


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def env_float(name: str, default: float) -> float:
    value = os.environ.get(name)
    return float(value) if value else default


def var_dir() -> Path:
    """Where the demo keeps its database, uploads and logs."""
    return Path(env("KANSLI_VAR_DIR", str(PROJECT_DIR / "var")))


def database_config(url: str) -> dict[str, Any]:
    """A Django DATABASES entry for a URL; SQLite gets WAL and immediate transactions."""
    config: dict[str, Any] = dict(dj_database_url.parse(url, conn_max_age=0))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {
            # BEGIN IMMEDIATE: a writer takes the lock at the start of the transaction,
            # so two allocations of a case number cannot interleave.
            "transaction_mode": "IMMEDIATE",
            "timeout": 30,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
        # A worker keeps its connection for a minute instead of opening one per request:
        # opening (with the pragmas and Django's functions) costs more than a cached page.
        config["CONN_MAX_AGE"] = 60
        config["CONN_HEALTH_CHECKS"] = True
    return config
