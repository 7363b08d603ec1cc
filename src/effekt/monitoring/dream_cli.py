"""`effekt monitoring dream-import`: DREAM weekly file -> benefits.csv and offers.csv."""

from __future__ import annotations

import sys
from pathlib import Path

import click


def _count_rows(path: Path) -> int | None:
    """Data rows of a CSV file, for the progress bar (None for Parquet)."""
    if path.suffix.lower() == ".parquet":
        return None
    with path.open("rb") as handle:
        return max(sum(1 for _ in handle) - 1, 0)


@click.command("dream-import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write benefits.csv and offers.csv into.",
)
@click.option(
    "--codes",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="A code table CSV (code,benefit,offer,note) replacing the built-in one.",
)
def dream_import(file: Path, out: Path, codes: Path | None) -> None:
    """Import a DREAM weekly file (y_YYWW columns) as benefits and offers."""
    from rich.progress import Progress

    from effekt.monitoring.dream import BUILTIN_CODES, DreamImportError, import_dream

    quiet = not sys.stderr.isatty()
    try:
        with Progress(transient=True, disable=quiet) as bar:
            task = bar.add_task("Indlæser DREAM", total=_count_rows(file))
            tables = import_dream(
                file, out, codes or BUILTIN_CODES, on_row=lambda: bar.advance(task)
            )
    except DreamImportError as error:
        raise click.ClickException(str(error)) from None
    click.echo(
        f"{tables.persons} personer: {len(tables.benefits)} ydelsesperioder og "
        f"{len(tables.offers)} tilbud skrevet til {out}"
    )
