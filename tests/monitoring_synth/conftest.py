from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest

from effekt.monitoring.synth import SynthOptions, generate, write

SMALL = SynthOptions(persons=20_000, years=3, first_year=2019, seed=7)


@pytest.fixture(scope="package")
def tables() -> dict[str, pa.Table]:
    return generate(SMALL)


@pytest.fixture(scope="package")
def folder(tables: dict[str, pa.Table], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth")
    write(tables, out)
    return out
