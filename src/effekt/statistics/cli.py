"""The `effekt stats` commands. Heavy libraries are imported inside the commands."""

from __future__ import annotations

import click


@click.group()
def stats() -> None:
    """Aggregated statistics for the steering group."""


@click.group()
def report() -> None:
    """Steering-group reports as PDF or Excel."""
