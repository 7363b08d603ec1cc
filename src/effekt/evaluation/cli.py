"""The `effekt evaluation` commands. Heavy libraries are imported inside the commands."""

from __future__ import annotations

import click


@click.group()
def evaluation() -> None:
    """Effect evaluation statistics."""
