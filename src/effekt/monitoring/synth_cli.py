"""The `effekt monitoring synth` command: write a synthetic Denmark to a folder."""

from __future__ import annotations

import time
from pathlib import Path

import click


@click.command("synth")
@click.option(
    "--persons",
    type=click.IntRange(min=1),
    default=3_800_000,
    show_default=True,
    help="Number of persons (aged 16-66).",
)
@click.option(
    "--years", type=click.IntRange(min=1, max=30), default=5, show_default=True, help="Years."
)
@click.option(
    "--first-year",
    type=click.IntRange(1990, 2100),
    default=2019,
    show_default=True,
    help="First year.",
)
@click.option("--seed", type=int, default=2026, show_default=True, help="Random seed.")
@click.option(
    "--format",
    "file_format",
    type=click.Choice(["parquet", "csv"]),
    default="parquet",
    show_default=True,
    help="File format of the tables.",
)
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write the tables to (created if missing).",
)
def synth(
    persons: int, years: int, first_year: int, seed: int, file_format: str, out_dir: Path
) -> None:
    """Write every register table for a synthetic Denmark (98 municipalities), by seed."""
    from effekt.monitoring.synth import SynthOptions, generate, write

    began = time.perf_counter()
    tables = generate(SynthOptions(persons, years, first_year, seed))
    paths = write(tables, out_dir, "csv" if file_format == "csv" else "parquet")
    for path in paths:
        click.echo(f"wrote {path} ({tables[path.stem].num_rows:,} rows)")
    click.echo(f"{persons:,} persons, {years} years in {time.perf_counter() - began:.1f} s")
