"""The `effekt model` commands. Heavy libraries are imported inside the commands."""

from __future__ import annotations

import click


@click.group()
def model() -> None:
    """Job/education probability model."""
