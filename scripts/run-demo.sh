#!/usr/bin/env bash
# `make run`: the demo served as production serves it, on SQLite under var/.
# Migrates the database, loads the demo, collects the static files, starts the task worker
# under a supervising loop (a dead worker is started again within a second) and gunicorn
# (DEBUG off, static files through whitenoise). Ctrl+C stops everything.
#
# Environment: KANSLI_HOST / KANSLI_PORT (127.0.0.1:8000), KANSLI_VAR_DIR (var/),
# KANSLI_WEB_WORKERS (2), KANSLI_DEMO_LOAD=0 to skip loading the demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
# The task worker; the supervisor below restarts it whenever it exits.
WORKER_CMD=("$PY" -m kansli db_worker --no-startup-delay --interval 1)
RESTART_DELAY=1

export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-kansli.config.settings.demo}"
unset KANSLI_DATABASE_URL  # the demo always runs on SQLite under var/
HOST="${KANSLI_HOST:-127.0.0.1}"
PORT="${KANSLI_PORT:-8000}"
mkdir -p "${KANSLI_VAR_DIR:-var}"
KANSLI_VAR_DIR="$(cd "${KANSLI_VAR_DIR:-var}" && pwd)"
export KANSLI_VAR_DIR KANSLI_HOST="$HOST"
VAR="$KANSLI_VAR_DIR"
STATIC="${KANSLI_STATIC_ROOT:-$VAR/static}"

"$PY" -m kansli migrate --noinput -v0
if [ "${KANSLI_DEMO_LOAD:-1}" != 0 ]; then
    "$PY" -m kansli demo_load
fi

# collectstatic only when the static files may have changed (the packages or our own).
static_key=$( { cat requirements.lock pyproject.toml
                find src/kansli -path '*/static/*' -type f -printf '%P %s %T@\n' | sort
              } | cksum | cut -d' ' -f1)
if [ ! -e "$STATIC/.collected-$static_key" ]; then
    "$PY" -m kansli collectstatic --noinput --clear -v0
    touch "$STATIC/.collected-$static_key"
fi

# The worker runs in a session of its own (setsid): Ctrl+C in the terminal does not reach it.
# The supervisor stops it with one SIGTERM, so that it finishes a running task first.
supervise_worker() {
    local worker="" status
    trap 'trap "" INT TERM; [ -z "$worker" ] || kill -TERM "$worker" 2>/dev/null; wait; exit 0' \
        INT TERM
    while true; do
        setsid "${WORKER_CMD[@]}" >>"$VAR/worker.log" 2>&1 </dev/null &
        worker=$!
        echo "$worker" >"$VAR/worker.pid"
        status=0
        wait "$worker" || status=$?
        echo "$(date '+%F %T') Bakgrundsarbetaren (process $worker) avslutades med status" \
            "$status; den startas om." | tee -a "$VAR/worker.log" >&2
        sleep "$RESTART_DELAY"
    done
}

SUPERVISOR=""
SERVER=""
stop() {
    set +e
    trap - TERM EXIT
    # A second Ctrl+C: the worker stops at once, without finishing its task.
    trap 'pid=$(cat "$VAR/worker.pid" 2>/dev/null) && kill -TERM "$pid" 2>/dev/null' INT
    echo
    echo "Avslutar … (bakgrundsarbetaren gör klart en pågående uppgift; Ctrl+C igen avbryter den)"
    for pid in $SERVER $SUPERVISOR; do kill -TERM "$pid" 2>/dev/null; done
    while ! wait; do :; done  # wait again after a trapped signal interrupted it
    rm -f "$VAR/worker.pid"
    exit "$1"
}
trap 'stop 130' INT
trap 'stop 143' TERM
trap 'stop $?' EXIT

supervise_worker &
SUPERVISOR=$!
"$PY" -m gunicorn kansli.config.wsgi \
    --bind "$HOST:$PORT" --workers "${KANSLI_WEB_WORKERS:-2}" --timeout 120 \
    --log-level warning --access-logfile "$VAR/access.log" &
SERVER=$!
echo
echo "Kansli körs på http://$HOST:$PORT/  (administration: http://$HOST:$PORT/admin/)"
echo "Webbservern är gunicorn; bakgrundsarbetaren skriver till $VAR/worker.log och startas om"
echo "om den dör. Avsluta med Ctrl+C."
echo
status=0
wait "$SERVER" || status=$?
SERVER=""
echo "Webbservern avslutades (status $status)." >&2
stop "$status"
