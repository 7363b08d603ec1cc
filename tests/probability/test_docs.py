"""Every `effekt model` command and option is documented in docs/probability.md."""

from __future__ import annotations

from pathlib import Path

import click

from effekt.probability.cli import model

DOC = Path(__file__).resolve().parents[2] / "docs" / "probability.md"


def test_every_model_command_and_option_is_in_the_doc() -> None:
    text = DOC.read_text(encoding="utf-8")
    for name, command in model.commands.items():
        assert f"effekt model {name}" in text, name
        for parameter in command.params:
            if isinstance(parameter, click.Option):
                for option in parameter.opts:
                    assert option in text, f"{name} {option}"
