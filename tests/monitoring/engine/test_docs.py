"""Every option of `effekt monitoring run` and `validate` is documented in docs/monitoring.md."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from effekt.monitoring.cli import monitoring

DOC = Path(__file__).resolve().parents[3] / "docs" / "monitoring.md"


@pytest.mark.parametrize("name", ["run", "validate"])
def test_every_option_of_the_engine_commands_is_documented(name: str) -> None:
    text = DOC.read_text(encoding="utf-8")
    command = monitoring.commands[name]
    assert f"effekt monitoring {name}" in text
    for parameter in command.params:
        if isinstance(parameter, click.Option):
            for option in parameter.opts:
                assert f"`{option}" in text or f"{option} " in text, f"{name} {option}"
