#!/usr/bin/env bash
# Installs wrk (the HTTP load generator the portal benchmark drives) from Debian when missing.
set -euo pipefail
if command -v wrk >/dev/null 2>&1; then exit 0; fi
echo "Installerar wrk (Debian-paket) för belastningsmätningen …" >&2
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y -q wrk >/dev/null 2>&1 || {
    $SUDO apt-get update -q >/dev/null 2>&1
    $SUDO apt-get install -y -q wrk >/dev/null
}
command -v wrk >/dev/null
