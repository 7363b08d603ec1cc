"""Run a benchmark: `python -m benchmarks NAME [ARGS]`; without a name, list them."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    names = sorted(
        m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)]) if m.name != "__main__"
    )
    if not argv or argv[0] not in names:
        print("Benchmarks: " + ", ".join(names))
        print("Run one with: .venv/bin/python -m benchmarks NAME [ARGS]")
        return 0 if not argv else 2
    module = importlib.import_module(f"benchmarks.{argv[0]}")
    result: int = module.main(argv[1:])
    return result


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
