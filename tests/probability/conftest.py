"""Fixtures for the probability model: a synthetic outcomes file and a model directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from effekt.probability.synthetic import synthetic_outcomes


@pytest.fixture(scope="session")
def outcomes_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("outcomes") / "outcomes.csv"
    synthetic_outcomes(5000, seed=1).to_csv(path, index=False)
    return path


@pytest.fixture
def model_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "models"
    monkeypatch.setenv("EFFEKT_MODEL_DIR", str(directory))
    return directory
