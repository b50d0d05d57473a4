#!/usr/bin/env bash
# `make run`: migrate the SQLite demo database under var/, load the demo, start the task
# worker and the web server, print the URL and the logins.
set -euo pipefail
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-kansli.config.settings.local}"
unset KANSLI_DATABASE_URL  # the demo always runs on SQLite under var/
PY=.venv/bin/python
HOST="${KANSLI_HOST:-127.0.0.1}"
PORT="${KANSLI_PORT:-8000}"
mkdir -p var
"$PY" -m kansli migrate --noinput -v0
"$PY" -m kansli demo_load
"$PY" -m kansli db_worker --no-startup-delay --interval 1 >var/worker.log 2>&1 &
WORKER=$!
trap 'kill $WORKER 2>/dev/null || true' EXIT INT TERM
echo
echo "Kansli körs på http://$HOST:$PORT/  (administration: http://$HOST:$PORT/admin/)"
echo "Bakgrundsarbetaren skriver till var/worker.log. Avsluta med Ctrl+C."
echo
"$PY" -m kansli runserver "$HOST:$PORT" --noreload
