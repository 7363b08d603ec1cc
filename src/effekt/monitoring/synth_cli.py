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


@click.command("expected-rates")
@click.option(
    "--data",
    "data_dir",
    required=True,
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="Folder with the input tables, including framework_conditions.",
)
@click.option("--from", "start", metavar="YYYY-MM", help="First month (default: from the data).")
@click.option("--to", "end", metavar="YYYY-MM", help="Last month (default: from the data).")
@click.option(
    "--out",
    "out_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the expected shares as CSV (municipality_code,period,expected_share,source).",
)
def expected_rates(
    data_dir: Path, start: str | None, end: str | None, out_file: Path | None
) -> None:
    """Estimate expected shares from framework conditions (leave-one-out OLS); print the fit.

    Imported expected_rates win over the model's.
    """
    from effekt.monitoring.engine import InputError, ParameterError, RunOptions, run
    from effekt.monitoring.result_model import describe, estimate, merge
    from effekt.monitoring.result_model.apply import actual_shares, imported_rates
    from effekt.monitoring.result_model.conditions import read_conditions

    try:
        result = run(RunOptions(data_dir, start, end))
        conditions = read_conditions(data_dir)
    except (InputError, ParameterError) as error:
        raise click.ClickException(str(error)) from None
    if not conditions:
        raise click.ClickException(f"{data_dir}: framework_conditions is missing or empty")
    model = estimate(actual_shares(result), conditions)
    click.echo(describe(model))
    if out_file is not None:
        rates = merge(imported_rates(result), model)
        lines = ["municipality_code,period,expected_share,source"]
        lines += [f"{c},{p},{share:.6f},{src}" for (c, p), (share, src) in sorted(rates.items())]
        out_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
        click.echo(f"wrote {out_file} ({len(rates)} rows)")
