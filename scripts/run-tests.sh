#!/usr/bin/env bash
# Runs the whole pytest suite on one database: sqlite or postgresql.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p var/test-runs
DB="$1"
shift || true
export KANSLI_REQUIRE_BROWSER=1
case "$DB" in
    sqlite)
        export KANSLI_TEST_DATABASE_URL=""
        ;;
    postgresql)
        KANSLI_TEST_DATABASE_URL="$(scripts/ensure-postgres.sh)"
        export KANSLI_TEST_DATABASE_URL
        ;;
    *) echo "usage: $0 sqlite|postgresql" >&2; exit 2 ;;
esac
echo "== pytest på $DB =="
exec .venv/bin/pytest -n "${KANSLI_TEST_WORKERS:-2}" -q -p no:cacheprovider \
    --junitxml="var/test-runs/$DB.xml" "$@"
