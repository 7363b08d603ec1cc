"""The probability package is pure (no Django) and its CLI module loads no heavy library."""

from __future__ import annotations

import subprocess
import sys

MODULES = (
    "features",
    "logit",
    "metrics",
    "model",
    "outcomes",
    "parameters",
    "predict",
    "reestimate",
    "render",
    "store",
    "synthetic",
)


def _loaded_after(imports: str) -> set[str]:
    code = f"import sys; {imports}; print(' '.join(sorted(sys.modules)))"
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    return {name.split(".")[0] for name in output.split()}


def test_no_module_of_the_package_imports_django() -> None:
    imports = "; ".join(f"import effekt.probability.{m}" for m in MODULES)
    assert "django" not in _loaded_after(imports)


def test_the_cli_module_does_not_import_pandas_or_statsmodels() -> None:
    loaded = _loaded_after("import effekt.probability.cli")
    assert not loaded & {"pandas", "statsmodels", "sklearn", "numpy"}
