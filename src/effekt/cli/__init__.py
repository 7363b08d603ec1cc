"""The `effekt` command line.

Each module owns its command group in `<module>/cli.py`; this file only lists them, and loads
a group when it is used so that `effekt --help` stays fast (heavy libraries such as Ibis or
pyfixest are imported inside the commands).
"""

from __future__ import annotations

import importlib
import os
from typing import Any

import click

# name -> "module:attribute" of a click command or group; documented in docs/cli.md.
COMMANDS: dict[str, tuple[str, str]] = {
    "manage": ("effekt.cli.core:manage", "Run a Django management command (migrate, …)."),
    "serve": ("effekt.cli.core:serve", "Serve the web application."),
    "setup": ("effekt.cli.core:setup", "Migrate the database and load demo data (idempotent)."),
    "demo": ("effekt.cli.demo:demo", "Create reproducible demo data."),
    "monitoring": ("effekt.monitoring.cli:monitoring", "National monitoring from register data."),
    "evaluation": ("effekt.evaluation.cli:evaluation", "Effect evaluation statistics."),
    "model": ("effekt.probability.cli:model", "Job/education probability model."),
    "stats": ("effekt.statistics.cli:stats", "Aggregated statistics for the steering group."),
    "report": ("effekt.statistics.cli:report", "Steering-group reports as PDF or Excel."),
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attribute = target[0].split(":")
        command = getattr(importlib.import_module(module_name), attribute)
        if not isinstance(command, click.Command):
            raise TypeError(f"{target[0]} is not a click command")
        return command

    def format_commands(self, ctx: click.Context, formatter: Any) -> None:
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup)
@click.version_option(package_name="effekt")
def main() -> None:
    """effekt: measure whether employment efforts work."""


def setup_django() -> None:
    """Configure Django for commands that use the database."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "effekt.settings")
    import django

    django.setup()
