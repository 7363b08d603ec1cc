"""Every `effekt evaluation` command and option is documented in docs/evaluation.md."""

from __future__ import annotations

from pathlib import Path

import click

from effekt.evaluation.cli import evaluation

DOC = Path(__file__).resolve().parents[2] / "docs" / "evaluation.md"


def test_every_evaluation_command_and_option_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert isinstance(evaluation, click.Group)
    for name, command in evaluation.commands.items():
        assert f"effekt evaluation {name}" in text, name
        for parameter in command.params:
            if isinstance(parameter, click.Option):
                for option in parameter.opts + parameter.secondary_opts:
                    if option != "--help":
                        assert option in text, f"{name} {option}"
