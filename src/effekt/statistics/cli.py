"""The `effekt stats` and `effekt report` commands. Heavy libraries are imported inside the
commands so that `effekt --help` stays fast. Documented in docs/statistics.md."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from effekt.statistics.analysis import CourseRecord, SteeringStatistics
    from effekt.statistics.analysis.periods import Period
    from effekt.statistics.analysis.source import CourseSource
    from effekt.statistics.analysis.steering import StatisticsInput

KEY_VARIABLE = "EFFEKT_PSEUDONYM_KEY"


@click.group()
def stats() -> None:
    """Aggregated statistics for the steering group."""


@click.group()
def report() -> None:
    """Steering-group reports as PDF or Excel."""


def _period(ctx: click.Context, param: click.Parameter, value: str) -> Period:
    from effekt.statistics.analysis import PeriodError, parse_period

    try:
        return parse_period(value)
    except PeriodError as error:
        raise click.BadParameter(str(error)) from None


def data_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--data, --period and the filters shared by every command."""
    options = [
        click.option(
            "--data",
            type=click.Path(exists=True, file_okay=False, path_type=Path),
            help="Folder with courses.csv, measurements.csv and optional follow_ups.csv, "
            "benefits.csv, config.json (docs/statistics.md); without it, the courses in the "
            "application's database.",
        ),
        click.option(
            "--period",
            required=True,
            callback=_period,
            help="2024Q1, 2024H1, 2024 or 2024-01-01..2024-03-31.",
        ),
        click.option("--municipality", multiple=True, help="Municipality code (repeatable)."),
        click.option("--supplier", multiple=True, help="Supplier (repeatable)."),
        click.option("--course-type", multiple=True, help="Course type (repeatable)."),
        click.option("--target-group", multiple=True, help="Target group (repeatable)."),
        click.option("--distance", multiple=True, help="Distance to the labour market."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def statistics_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Perspective, classification method and follow-up date."""
    options = [
        click.option(
            "--perspective",
            type=click.Choice(["citizen", "caseworker", "combined"]),
            default="combined",
            show_default=True,
            help="Whose scores are compared.",
        ),
        click.option(
            "--method",
            type=click.Choice(["threshold", "rci"]),
            help="Classification method (default: config.json, else threshold).",
        ),
        click.option("--threshold", type=float, help="Threshold in scale points (default 0.5)."),
        click.option(
            "--reliability", type=float, help="RCI reliability r for indicators without one."
        ),
        click.option(
            "--as-of",
            type=click.DateTime(formats=["%Y-%m-%d"]),
            help="Date the follow-up data describe (default: today).",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _source(data: Path) -> CourseSource:
    from effekt.statistics.analysis.source import FolderSource

    return FolderSource(data)


def _database_input(filters: Any, period: Period) -> tuple[StatisticsInput, Any]:
    """The courses in the application's database (all organisations: a server-side command)."""
    from effekt.cli import setup_django

    setup_django()
    from effekt.statistics.db_source import DatabaseSource, classification_for

    source = DatabaseSource()
    return source.load(filters, period), classification_for(source.courses(filters, period))


def _filters(options: dict[str, Any]) -> Any:
    from effekt.statistics.analysis import Filters

    names = ("municipality", "supplier", "course_type", "target_group", "distance")
    return Filters(**{name: tuple(options[name]) for name in names})


def compute(options: dict[str, Any]) -> SteeringStatistics:
    """Load the data and compute the statistics for the command's options."""
    from dataclasses import replace

    from effekt.statistics.analysis import (
        ClassificationConfig,
        ClassificationError,
        make_input,
        steering_statistics,
    )
    from effekt.statistics.analysis.source import DataError

    filters = _filters(options)
    try:
        if options["data"] is None:
            data, configured = _database_input(filters, options["period"])
        else:
            loaded = _source(options["data"]).load(filters)
            data = make_input(loaded.courses, loaded.follow_ups, loaded.benefits)
            configured = loaded.classification
        config = configured or ClassificationConfig()
        overrides = {
            "method": options["method"],
            "threshold": options["threshold"],
            "default_reliability": options["reliability"],
        }
        config = replace(config, **{k: v for k, v in overrides.items() if v is not None})
        as_of: dt.datetime | None = options["as_of"]
        return steering_statistics(
            data,
            options["period"],
            filters=filters,
            perspective=options["perspective"],
            classification=config,
            as_of=as_of.date() if as_of else None,
        )
    except (DataError, ClassificationError) as error:
        raise click.ClickException(str(error)) from None


@stats.command("progression")
@data_options
@statistics_options
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["json", "table"]),
    default="table",
    show_default=True,
)
def progression(output_format: str, **options: Any) -> None:
    """Progression, goal, extensions, effect summary and follow-up for a period."""
    from effekt.statistics.render import to_json, to_text

    result = compute(options)
    click.echo(to_json(result) if output_format == "json" else to_text(result), nl=False)
    if output_format == "json":
        click.echo()


@report.command("steering")
@data_options
@statistics_options
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="FILE.pdf or FILE.xlsx.",
)
@click.option("--title", default="Styregrupperapport", show_default=True)
def steering(out: Path, title: str, **options: Any) -> None:
    """The steering-group report as PDF or Excel."""
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise click.BadParameter("filen skal ende på .pdf eller .xlsx", param_hint="--out")
    result = compute(options)
    if suffix == ".pdf":
        from effekt.statistics.render import to_pdf

        out.write_bytes(to_pdf(result, title))
    else:
        from effekt.statistics.render import to_xlsx

        out.write_bytes(to_xlsx(result))
    click.echo(f"Skrev {out}")


def _ended_in(courses: list[CourseRecord], period: Period) -> list[CourseRecord]:
    return [c for c in courses if c.actual_end_date and period.contains(c.actual_end_date)]


@stats.command("wide")
@data_options
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path))
def wide(out: Path, **options: Any) -> None:
    """One row per course ended in the period, with every score and pseudonymised ids.

    The secret pseudonymisation key is read from the EFFEKT_PSEUDONYM_KEY variable.
    """
    from effekt.statistics.analysis.source import DataError
    from effekt.statistics.render import to_wide_csv

    key = os.environ.get(KEY_VARIABLE, "")
    if options["data"] is None:
        raise click.UsageError("the wide export reads a data folder: give --data DIR")
    if not key:
        raise click.UsageError(f"sæt {KEY_VARIABLE} til en hemmelig nøgle til pseudonymisering")
    try:
        loaded = _source(options["data"]).load(_filters(options))
    except DataError as error:
        raise click.ClickException(str(error)) from None
    courses = _ended_in(loaded.courses, options["period"])
    out.write_text(to_wide_csv(courses, key.encode("utf-8")), encoding="utf-8")
    click.echo(f"Skrev {len(courses)} forløb til {out}")
