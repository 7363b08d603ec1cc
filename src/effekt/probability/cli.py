"""The `effekt model` commands. Heavy libraries are imported inside the commands."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, datetime
from pathlib import Path

import click

MODEL_DIR_HELP = "Model directory (default: $EFFEKT_MODEL_DIR or var/models)."
VERSION_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


@click.group()
def model() -> None:
    """Job/education probability model."""


def _directory(model_dir: Path | None) -> Path:
    from effekt.probability.store import model_dir as default_dir

    return model_dir or default_dir()


def _active_version(directory: Path) -> str:
    from effekt.probability.parameters import ParameterError
    from effekt.probability.store import active_parameters

    try:
        return active_parameters(directory).version
    except ParameterError as problem:
        raise click.ClickException(str(problem)) from None


@model.command()
@click.option(
    "--format", "output", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option("--model-dir", type=click.Path(path_type=Path), help=MODEL_DIR_HELP)
def show(output: str, model_dir: Path | None) -> None:
    """Print the active model's version and its one-year job rate for each S12 answer."""
    from effekt.probability.parameters import ParameterError
    from effekt.probability.render import S12_LABELS
    from effekt.probability.store import active_parameters

    try:
        parameters = active_parameters(_directory(model_dir))
    except ParameterError as problem:
        raise click.ClickException(str(problem)) from None
    rates = parameters.s12_rates()
    if output == "json":
        click.echo(json.dumps({"model_version": parameters.version, "s12_rates": rates}))
        return
    click.echo(f"Aktiv model: {parameters.version}")
    click.echo("Forudsagt andel i job eller uddannelse inden for et år, efter S12-svar:")
    for answer, rate in rates.items():
        shown = "–" if rate is None else f"{100 * rate:5.1f} %".replace(".", ",")
        click.echo(f"  {S12_LABELS[answer]:<13} {shown}")


def _new_version(path: Path) -> str:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:8]
    return f"local-{datetime.now(UTC):%Y%m%dT%H%M%SZ}-{digest}"


@model.command()
@click.option(
    "--outcomes",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="CSV or Parquet file: one row per measurement with job_or_education and features.",
)
@click.option(
    "--report",
    "report_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Report directory (default: <model dir>/reports/<version>).",
)
@click.option(
    "--s12-encoding",
    type=click.Choice(["categorical", "linear"]),
    default="categorical",
    show_default=True,
    help="S12 as one dummy per answer, or as a 1-5 score plus a ved_ikke dummy.",
)
@click.option(
    "--events-per-parameter",
    type=click.FloatRange(min=0),
    default=10.0,
    show_default=True,
    help="Guard rail: at least this many of the rarer outcome per parameter.",
)
@click.option("--max-iter", type=click.IntRange(min=1), default=100, show_default=True)
@click.option("--model-version", help="Version string of the new model (default: generated).")
@click.option("--no-activate", is_flag=True, help="Write the report but keep the active model.")
@click.option("--model-dir", type=click.Path(path_type=Path), help=MODEL_DIR_HELP)
def fit(
    outcomes: Path,
    report_dir: Path | None,
    s12_encoding: str,
    events_per_parameter: float,
    max_iter: int,
    model_version: str | None,
    no_activate: bool,
    model_dir: Path | None,
) -> None:
    """Re-estimate the model on the municipality's own outcomes and write a report.

    The new model becomes active only when the estimation succeeds.
    """
    from effekt.probability.logit import FitError
    from effekt.probability.outcomes import OutcomeFileError, read_outcomes
    from effekt.probability.reestimate import reestimate
    from effekt.probability.render import write_report
    from effekt.probability.store import activate

    if model_version is not None and not VERSION_PATTERN.fullmatch(model_version):
        raise click.BadParameter(
            "brug kun bogstaver a-z, tal, punktum, bindestreg og understreg",
            param_hint="--model-version",
        )
    directory = _directory(model_dir)
    active = _active_version(directory)
    try:
        table = read_outcomes(outcomes)
        version = model_version or _new_version(outcomes)
        result = reestimate(
            table,
            version=version,
            s12="linear" if s12_encoding == "linear" else "categorical",
            events_per_parameter=events_per_parameter,
            max_iter=max_iter,
        )
    except (OutcomeFileError, FitError) as problem:
        raise click.ClickException(f"{problem} Den aktive model ({active}) er uændret.") from None
    target = report_dir or directory / "reports" / version
    for path in write_report(result, target):
        click.echo(f"Skrev {path}")
    if no_activate:
        click.echo(f"Modellen {version} er ikke taget i brug; aktiv model: {active}.")
        return
    activate(result.parameters, directory)
    click.echo(f"Modellen {version} er nu aktiv (før: {active}).")


@model.command()
@click.option("--model-dir", type=click.Path(path_type=Path), help=MODEL_DIR_HELP)
def reset(model_dir: Path | None) -> None:
    """Make the shipped defaults the active model again (stored versions are kept)."""
    from effekt.probability.store import ACTIVE

    path = _directory(model_dir) / ACTIVE
    if path.exists():
        path.unlink()
    click.echo(f"Aktiv model: {_active_version(_directory(model_dir))}.")
