"""Where the active model lives. Pure: no Django import.

The active model is `active.json` in the model directory (`EFFEKT_MODEL_DIR`, default
`var/models` under the current directory); without it the shipped defaults are active.
Every activated model is also kept as `<version>.json` beside it.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from effekt.env import env_path
from effekt.probability.parameters import ModelParameters, default_parameters, parse_parameters

ACTIVE = "active.json"


def model_dir() -> Path:
    """The model directory from `EFFEKT_MODEL_DIR` (default `var/models`)."""
    return env_path("EFFEKT_MODEL_DIR", Path.cwd() / "var" / "models")


def active_parameters(directory: Path | None = None) -> ModelParameters:
    """The active model: `active.json` in the model directory, else the shipped defaults.

    A malformed `active.json` is an error (never silently replaced by the defaults).
    """
    path = (directory or model_dir()) / ACTIVE
    if not path.exists():
        return default_parameters()
    return parse_parameters(path.read_text(encoding="utf-8"), str(path))


def _write_atomically(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(temporary, path)


def activate(parameters: ModelParameters, directory: Path | None = None) -> Path:
    """Store `parameters` as `<version>.json` and make them the active model."""
    target = directory or model_dir()
    target.mkdir(parents=True, exist_ok=True)
    text = json.dumps(parameters.to_dict(), indent=1, ensure_ascii=False) + "\n"
    _write_atomically(target / f"{parameters.version}.json", text)
    _write_atomically(target / ACTIVE, text)
    return target / ACTIVE
