"""The `effekt monitoring` commands. Heavy libraries are imported inside the commands."""

from __future__ import annotations

import click


@click.group()
def monitoring() -> None:
    """National monitoring (skærpet tilsyn) from register data."""
