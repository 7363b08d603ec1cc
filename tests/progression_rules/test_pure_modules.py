"""Pure modules import no Django, so the CLI and analytics can reuse them."""

import subprocess
import sys

import pytest

PURE = [
    "effekt.bip",
    "effekt.core.cpr",
    "effekt.core.registers",
    "effekt.core.tokens",
    "effekt.progression.rules.schedule",
    "effekt.progression.rules.configuration",
    "effekt.progression.rules.endings",
    "effekt.demo.people",
]


@pytest.mark.parametrize("module", PURE)
def test_a_pure_module_imports_no_django(module: str) -> None:
    code = f"import sys, {module}; sys.exit(1 if 'django' in sys.modules else 0)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
