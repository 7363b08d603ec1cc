#!/usr/bin/env bash
# Vendor Det Fælles Designsystem (npm package dkfds) and htmx into the static files.
# Runs at build time from the npm registry; the application never loads anything from a CDN.
set -euo pipefail
dest=${1:?usage: vendor-static.sh DEST}
npm ci --no-audit --no-fund --loglevel=error
rm -rf "$dest"
mkdir -p "$dest/dkfds" "$dest/htmx"
for part in css js fonts img; do
  cp -r node_modules/dkfds/dist/$part "$dest/dkfds/"
done
cp node_modules/dkfds/dist/LICENSE.md "$dest/dkfds/"
cp node_modules/htmx.org/dist/htmx.min.js "$dest/htmx/"
cp node_modules/htmx.org/LICENSE "$dest/htmx/" 2>/dev/null || true
echo "dkfds $(node -p "require('./node_modules/dkfds/package.json').version"), htmx $(node -p "require('./node_modules/htmx.org/package.json').version")" > "$dest/.built"
echo "Vendored static files: $(cat "$dest/.built")"
