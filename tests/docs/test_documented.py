"""Everything a user can set or run is documented (after datasette's documentation tests)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from effekt.cli import main

ROOT = Path(__file__).resolve().parents[2]
DOCS = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").glob("*.md")))


def _commands(group: click.Group, prefix: str) -> Iterator[str]:
    context = click.Context(group)
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        assert command is not None
        path = f"{prefix} {name}"
        yield path
        if isinstance(command, click.Group):
            yield from _commands(command, path)


def _settings() -> set[str]:
    names: set[str] = set()
    for path in (ROOT / "src").rglob("*.py"):
        names |= set(re.findall(r"\"(EFFEKT_[A-Z0-9_]+)\"", path.read_text(encoding="utf-8")))
    return names


@pytest.mark.parametrize("command", sorted(_commands(main, "effekt")))
def test_every_command_is_documented(command: str) -> None:
    assert f"`{command}" in DOCS or f"{command} " in DOCS, f"{command} is not in docs/"


@pytest.mark.parametrize("setting", sorted(_settings()))
def test_every_setting_is_documented(setting: str) -> None:
    settings_doc = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    assert f"`{setting}`" in settings_doc, f"{setting} is not in docs/settings.md"
