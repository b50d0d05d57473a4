#!/usr/bin/env bash
# Installs the Pango libraries WeasyPrint needs (only the benchmark uses WeasyPrint).
set -euo pipefail
if /sbin/ldconfig -p 2>/dev/null | grep -q "libpangoft2-1.0.so.0"; then
    exit 0
fi
echo "Installerar Pango för WeasyPrint (jämförelsen i make bench) …"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "Pango saknas och sudo finns inte: installera libpango-1.0-0 och libpangoft2-1.0-0." >&2; exit 1; }
    SUDO="sudo"
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 >/dev/null
