"""The `effekt evaluation` commands. Heavy libraries are imported inside the commands."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

FORMATS = click.Choice(["text", "json"])


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split(",") if part.strip())


def _run(work: Callable[[], str]) -> None:
    """Run `work` and print its output; bad input becomes a clear error naming file/line."""
    from effekt.evaluation.analysis.errors import InputError

    try:
        click.echo(work())
    except InputError as error:
        raise click.ClickException(str(error)) from error


def _did_spec(options: dict[str, Any]) -> Any:
    from effekt.evaluation.analysis.did import DidSpec, VcovType

    vcov: VcovType = options["vcov"] or ("cluster" if options["cluster"] else "iid")
    return DidSpec(
        outcome=options["outcome"],
        treated=options["treated"],
        post=options["post"],
        vcov=vcov,
        controls=_split(options["controls"]),
        unit=options["unit"],
        time=options["time"],
        cluster=options["cluster"],
    )


def _did_options(command: Callable[..., None]) -> Callable[..., None]:
    options = [
        click.argument("file", type=click.Path(path_type=Path)),
        click.option("--outcome", required=True, help="Outcome column."),
        click.option("--treated", required=True, help="0/1 column: unit is treated."),
        click.option("--post", required=True, help="0/1 column: period is after the start."),
        click.option("--controls", help="Comma-separated numeric control columns."),
        click.option("--unit", help="Unit column: adds unit fixed effects."),
        click.option("--time", help="Period column: adds period fixed effects."),
        click.option("--cluster", help="Cluster column for --vcov cluster."),
        click.option(
            "--vcov",
            type=click.Choice(["iid", "hc1", "cluster"]),
            help="Variance type (default: cluster when --cluster is given, else iid).",
        ),
        click.option("--format", "output", type=FORMATS, default="text", show_default=True),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@click.group()
def evaluation() -> None:
    """Effect evaluation statistics."""


@evaluation.command()
@_did_options
@click.option(
    "--permutation/--no-permutation",
    default=None,
    help="Permutation test (default: only with at most 5 treated units).",
)
@click.option("--max-assignments", type=int, default=1000, show_default=True)
def did(
    file: Path, output: str, permutation: bool | None, max_assignments: int, **options: Any
) -> None:
    """Difference-in-differences of treated × post in FILE (CSV or Parquet)."""

    def work() -> str:
        from effekt.evaluation.analysis.did import estimate_did
        from effekt.evaluation.analysis.render import did_text, to_json
        from effekt.evaluation.analysis.tables import read_table

        result = estimate_did(
            read_table(file),
            _did_spec(options),
            source=str(file),
            permutation=permutation,
            max_assignments=max_assignments,
        )
        return to_json(result) if output == "json" else did_text(result)

    _run(work)


@evaluation.command("event-study")
@_did_options
@click.option("--svg", "svg_path", type=click.Path(path_type=Path), help="Write the chart here.")
def event_study(file: Path, output: str, svg_path: Path | None, **options: Any) -> None:
    """Event study by period around the start (needs --unit and --time)."""

    def work() -> str:
        from effekt.evaluation.analysis.event_study import event_study as estimate
        from effekt.evaluation.analysis.render import event_study_text, to_json
        from effekt.evaluation.analysis.svg import event_study_svg
        from effekt.evaluation.analysis.tables import read_table

        result = estimate(read_table(file), _did_spec(options), source=str(file))
        if svg_path is not None:
            svg_path.write_text(event_study_svg(result.points), encoding="utf-8")
        return to_json(result) if output == "json" else event_study_text(result)

    _run(work)


@evaluation.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--outcome", required=True, help="Outcome column.")
@click.option("--unit", required=True, help="Unit column.")
@click.option("--time", required=True, help="Integer period column.")
@click.option("--group", required=True, help="First treated period; 0 = never treated.")
@click.option(
    "--control-group",
    type=click.Choice(["nevertreated", "notyettreated"]),
    default="nevertreated",
    show_default=True,
)
@click.option("--method", type=click.Choice(["dr", "ipw", "reg"]), default="dr", show_default=True)
@click.option("--svg", "svg_path", type=click.Path(path_type=Path), help="Write the chart here.")
@click.option("--format", "output", type=FORMATS, default="text", show_default=True)
def staggered(
    file: Path,
    outcome: str,
    unit: str,
    time: str,
    group: str,
    control_group: Any,
    method: Any,
    svg_path: Path | None,
    output: str,
) -> None:
    """Callaway–Sant'Anna group-time effects for staggered starts."""

    def work() -> str:
        from effekt.evaluation.analysis.render import staggered_text, to_json
        from effekt.evaluation.analysis.staggered import callaway_santanna
        from effekt.evaluation.analysis.tables import read_table

        result = callaway_santanna(
            read_table(file),
            outcome=outcome,
            unit=unit,
            time=time,
            group=group,
            control_group=control_group,
            method=method,
            source=str(file),
        )
        if svg_path is not None:
            from effekt.evaluation.analysis.svg import event_study_svg

            svg_path.write_text(event_study_svg(result.event_study), encoding="utf-8")
        return to_json(result) if output == "json" else staggered_text(result)

    _run(work)


@evaluation.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--duration", help="Duration column (then --event is needed).")
@click.option("--event", help="0/1 column: 1 = the event happened, 0 = censored.")
@click.option("--as-of", type=click.DateTime(["%Y-%m-%d"]), help="Firms: date of the count.")
@click.option("--at", "at_times", default="6,12,18,24", show_default=True, help="Report times.")
@click.option("--time-unit", default="måneder", show_default=True)
@click.option("--group", help="Group column: survival per group and a log-rank test.")
@click.option("--format", "output", type=FORMATS, default="text", show_default=True)
def survival(
    file: Path,
    duration: str | None,
    event: str | None,
    as_of: Any,
    at_times: str,
    time_unit: str,
    group: str | None,
    output: str,
) -> None:
    """Kaplan–Meier survival: of firms (registration_date, closure_date) or of durations."""

    def work() -> str:
        from effekt.evaluation.analysis.render import comparison_text, survival_text, to_json
        from effekt.evaluation.analysis.survival import (
            compare_groups,
            durations_from_columns,
            firm_durations,
            group_labels,
            kaplan_meier,
        )
        from effekt.evaluation.analysis.tables import read_table

        frame = read_table(file)
        if duration is not None:
            durations, events = durations_from_columns(frame, duration, event, source=str(file))
        elif as_of is not None:
            durations, events = firm_durations(frame, as_of.date(), source=str(file))
        else:
            raise click.UsageError("angiv enten --duration/--event eller --as-of")
        try:
            at = [float(value) for value in _split(at_times)]
        except ValueError:
            raise click.BadParameter(
                f"'{at_times}' er ikke tal adskilt af komma", param_hint="--at"
            ) from None
        if group is not None:
            labels = group_labels(frame, group, source=str(file))
            compared = compare_groups(durations, events, labels, at=at, time_unit=time_unit)
            return to_json(compared) if output == "json" else comparison_text(compared)
        result = kaplan_meier(durations, events, at=at, time_unit=time_unit)
        return to_json(result) if output == "json" else survival_text(result)

    _run(work)


@evaluation.command()
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@click.option("--as-of", required=True, type=click.DateTime(["%Y-%m-%d"]), help="Last data day.")
@click.option("--months", type=int, default=12, show_default=True, help="Months after start.")
@click.option("--format", "output", type=click.Choice(["text", "json", "csv"]), default="text")
def kpis(folder: Path, as_of: Any, months: int, output: str) -> None:
    """Register KPIs per cohort from the tables in FOLDER (cohort.csv and register tables)."""

    def work() -> str:
        from effekt.evaluation.analysis.kpis import compute_kpis
        from effekt.evaluation.analysis.render import kpis_csv, kpis_text, to_json
        from effekt.evaluation.analysis.tables import load_kpi_tables

        if months <= 0:
            raise click.BadParameter("skal være positiv", param_hint="--months")
        result = compute_kpis(load_kpi_tables(folder), months=months, as_of=as_of.date())
        if output == "json":
            return to_json(result)
        return kpis_csv(result) if output == "csv" else kpis_text(result)

    _run(work)
