"""The evaluation analysis package is pure computation: importing it loads no Django."""

from __future__ import annotations

import subprocess
import sys


def test_the_analysis_package_imports_no_django() -> None:
    code = (
        "import sys, pkgutil, importlib, effekt.evaluation.analysis as a\n"
        "for m in pkgutil.iter_modules(a.__path__):\n"
        "    importlib.import_module(a.__name__ + '.' + m.name)\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] == 'django'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
