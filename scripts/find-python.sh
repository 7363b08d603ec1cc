#!/usr/bin/env bash
# Print the path of a Python >= 3.12 interpreter (Django 6 needs it), or fail saying what to do.
set -euo pipefail
candidates=("${PYTHON:-}" python3.12 python3.13 python3)
for dir in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.12* "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.13*; do
  [ -x "$dir/bin/python3" ] && candidates+=("$dir/bin/python3")
done
for c in "${candidates[@]}"; do
  [ -n "$c" ] || continue
  if "$c" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; then
    "$c" -c 'import sys; print(sys.executable)'
    exit 0
  fi
done
echo "effekt needs Python 3.12 or newer (Django 6 requires it); none was found." >&2
echo "Install one (for example with pyenv) or set PYTHON=/path/to/python3.12." >&2
exit 1
