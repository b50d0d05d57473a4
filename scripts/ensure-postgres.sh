#!/usr/bin/env bash
# Prints the URL of a PostgreSQL server the test suite may use.
#  1. KANSLI_TEST_DATABASE_URL, when set;
#  2. a server already listening on 127.0.0.1:5432 (user postgres);
#  3. otherwise a private server of the project's own under var/postgres on port 54329,
#     installing Debian's postgresql first when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=".venv/bin/python"

reachable() {
    "$PY" - "$1" <<'PYEOF' >/dev/null 2>&1
import sys, psycopg
psycopg.connect(sys.argv[1], connect_timeout=3).close()
PYEOF
}

if [ -n "${KANSLI_TEST_DATABASE_URL:-}" ]; then
    echo "$KANSLI_TEST_DATABASE_URL"
    exit 0
fi
SHARED="postgres://postgres@127.0.0.1:5432/postgres"
if [ -z "${KANSLI_OWN_POSTGRES:-}" ] && reachable "$SHARED"; then
    echo "$SHARED"
    exit 0
fi

PORT=54329
OWN="postgres://postgres@127.0.0.1:$PORT/postgres"
if reachable "$OWN"; then
    echo "$OWN"
    exit 0
fi

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "Installerar Debians postgresql för testerna …" >&2
    $SUDO apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
fi
PGBIN="$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")"
DATA="$PWD/var/postgres"
mkdir -p "$DATA"
RUN=()
if [ "$(id -u)" -eq 0 ]; then
    # initdb refuses to run as root: the cluster belongs to the postgres user.
    chown postgres:postgres "$DATA"
    RUN=(runuser -u postgres --)
fi
if [ ! -f "$DATA/PG_VERSION" ]; then
    "${RUN[@]}" "$PGBIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
"${RUN[@]}" "$PGBIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
    -o "-p $PORT -k $DATA -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
reachable "$OWN" || { echo "PostgreSQL startade inte; se $DATA/server.log" >&2; exit 1; }
echo "$OWN"
