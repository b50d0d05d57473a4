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
# --dist loadfile: a file's tests run in one worker, so data a module builds once (the demo,
# the publishing world) is built once, not once per worker.
echo "== pytest på $DB =="
if [ "$DB" = sqlite ]; then
    # The database in a file on tmpfs (kansli/config/settings/test.py), so that the tests
    # whose worker processes share the test database (marked shared_database) run in the
    # same pass as the rest. The browser tests test the pages, not the database: they run
    # once, on PostgreSQL.
    exec env KANSLI_TEST_SQLITE_FILE=1 .venv/bin/pytest -n "${KANSLI_TEST_WORKERS:-2}" \
        --dist loadfile -q -p no:cacheprovider -m "not browser" \
        --junitxml="var/test-runs/$DB.xml" "$@"
fi
exec .venv/bin/pytest -n "${KANSLI_TEST_WORKERS:-2}" --dist loadfile -q -p no:cacheprovider \
    --junitxml="var/test-runs/$DB.xml" "$@"
