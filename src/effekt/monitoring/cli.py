"""The `effekt monitoring` commands. Heavy libraries are imported inside the commands."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

import click

from effekt.monitoring.dream_cli import dream_import
from effekt.monitoring.synth_cli import expected_rates, synth

Format = Literal["csv", "json"]
Engine = Literal["duckdb", "pyspark"]


@click.group()
def monitoring() -> None:
    """National monitoring (skærpet tilsyn) from register data."""


@contextmanager
def _progress(show: bool, total: int) -> Iterator[Callable[[str], None] | None]:
    """A rich progress bar over the `total` stages, naming the current one; only on a terminal."""
    if not show:
        yield None
        return
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task("starting", total=total)

        def step(text: str) -> None:
            bar.update(task, description=text, advance=1)

        yield step


def _data_option(function: Callable[..., None]) -> Callable[..., None]:
    return click.option(
        "--data",
        "data_dir",
        required=True,
        type=click.Path(file_okay=False, path_type=Path),
        help="Folder with the input tables (CSV or Parquet).",
    )(function)


def _engine_option(function: Callable[..., None]) -> Callable[..., None]:
    return click.option(
        "--engine",
        type=click.Choice(["duckdb", "pyspark"]),
        default="duckdb",
        show_default=True,
        help="Where the measures run: embedded DuckDB, or PySpark local (effekt[spark]); "
        "inputs are always read and validated on DuckDB.",
    )(function)


@monitoring.command("run")
@_data_option
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the output CSV files.",
)
@click.option(
    "--from",
    "start",
    metavar="YYYY-MM",
    help="First month to report (default: first benefit month).",
)
@click.option(
    "--to",
    "end",
    metavar="YYYY-MM",
    help="Last month to report (default: last month with a dated event).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["csv", "json"]),
    default="csv",
    show_default=True,
    help="json also prints a summary to stdout.",
)
@click.option(
    "--parameters",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Parameter file (TOML) instead of the packaged one.",
)
@click.option(
    "--memory-limit", help="DuckDB memory limit, e.g. 4GB (env EFFEKT_DUCKDB_MEMORY_LIMIT)."
)
@click.option(
    "--threads", type=click.IntRange(min=1), help="DuckDB threads (env EFFEKT_DUCKDB_THREADS)."
)
@_engine_option
def run_command(
    data_dir: Path,
    out_dir: Path,
    start: str | None,
    end: str | None,
    output_format: Format,
    parameters: Path | None,
    memory_limit: str | None,
    threads: int | None,
    engine: Engine,
) -> None:
    """Compute focus targets, verdicts, the result target and work lists.

    Writes focus_targets.csv, verdicts.csv, result_target.csv and worklist.csv to --out.
    Nothing is written when an input file is invalid.
    """
    from effekt.monitoring.engine import EngineError, InputError, ParameterError, RunOptions, run
    from effekt.monitoring.engine.render import to_json, write_csv
    from effekt.monitoring.engine.run import STEPS

    options = RunOptions(data_dir, start, end, parameters, memory_limit, threads, engine)
    show = output_format == "csv" and sys.stdout.isatty()
    try:
        with _progress(show, STEPS) as on_step:
            result = run(options, on_step)
    except (InputError, ParameterError, EngineError) as error:
        raise click.ClickException(str(error)) from None
    paths = write_csv(result, out_dir)
    if output_format == "json":
        click.echo(to_json(result, out_dir))
        return
    counts = (len(result.focus_targets), len(result.verdicts), len(result.worklist))
    click.echo(
        f"{result.start} to {result.end}: {counts[0]} municipality-months, "
        f"{counts[1]} verdicts, {counts[2]} persons on work lists"
    )
    for path in paths:
        click.echo(f"wrote {path}")


@monitoring.command("validate")
@_data_option
def validate_command(data_dir: Path) -> None:
    """Check every input table in --data and report the first problem (file, line, column)."""
    from effekt.monitoring.engine import InputError, connect
    from effekt.monitoring.engine.staging import stage

    try:
        stage(connect(), data_dir)
    except InputError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"{data_dir}: all tables are valid")


monitoring.add_command(dream_import)
monitoring.add_command(synth)
monitoring.add_command(expected_rates)
