#!/usr/bin/env bash
# Install what the tests need from Debian's packages when it is missing:
# PostgreSQL (a throwaway server is started for the test run), Chromium (browser tests) and a
# Java 17+ runtime (PySpark, the monitoring engine's Spark conformance suite).
set -euo pipefail
need=()
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need+=(postgresql)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
java_major() { java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1; }
[ "$(java_major 2>/dev/null || echo 0)" -ge 17 ] 2>/dev/null || need+=(openjdk-17-jre-headless)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing from Debian's packages: ${need[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  # slim images lack the man directory the JRE's alternatives link into
  $SUDO mkdir -p /usr/share/man/man1
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
echo "System packages: PostgreSQL $(ls /usr/lib/postgresql | tail -n1), $(chromium --version 2>/dev/null | head -n1), Java $(java_major)"
