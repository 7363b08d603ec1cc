"""The statistics as typed tables: one model for the text table, Excel and HTML.

Cells hold numbers as numbers (shares as fractions 0-1); each renderer formats by the column
kind, so Excel gets real numbers and the screen gets "33,3 %".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from effekt.statistics.analysis.results import (
    PeriodStatistics,
    ProgressionFigure,
    Share,
    SteeringStatistics,
)
from effekt.statistics.render.text import (
    OUTCOME_LABELS,
    PERSPECTIVE_LABELS,
    filters_text,
    method_text,
    period_text,
)

ColumnKind = Literal["text", "count", "share", "points"]
Cell = str | int | float | None


@dataclass(frozen=True)
class Column:
    """A column header and how its cells are formatted."""

    header: str
    kind: ColumnKind


@dataclass(frozen=True)
class Table:
    """A titled table; `key` is a short name (Excel sheet name, at most 31 characters)."""

    key: str
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]


SHARE_COLUMNS = (
    Column("Andel", "share"),
    Column("Tæller", "count"),
    Column("Nævner", "count"),
    Column("Ikke målbar", "count"),
    Column("Forrige periode", "share"),
    Column("Ændring (procentpoint)", "points"),
)


def _share_row(label: str, current: Share, previous: Share) -> tuple[Cell, ...]:
    change = None
    if current.value is not None and previous.value is not None:
        change = 100 * (current.value - previous.value)
    return (
        label,
        current.value,
        current.numerator,
        current.denominator,
        current.not_measurable,
        previous.value,
        change,
    )


def _summary_shares(stats: PeriodStatistics) -> list[tuple[str, Share]]:
    mean = stats.progression_mean
    rows = [(f"{label} (alle indikatorer)", mean.share(o)) for o, label in OUTCOME_LABELS.items()]
    rows += [("Nåede resultatmålet", stats.goal_reached), ("Forlængede forløb", stats.extended)]
    rows += [(f"På offentlig forsørgelse {f.months} mdr. efter", f.share) for f in stats.follow_up]
    return rows


def summary_table(result: SteeringStatistics) -> Table:
    """The headline shares with their counts and the previous period."""
    current, previous = _summary_shares(result.current), _summary_shares(result.previous)
    return Table(
        key="Oversigt",
        title=f"Oversigt {result.current.period.label} (forrige: {result.previous.period.label})",
        columns=(Column("Nøgletal", "text"), *SHARE_COLUMNS),
        rows=tuple(
            _share_row(label, now, before)
            for (label, now), (_, before) in zip(current, previous, strict=True)
        ),
    )


def _progression_row(figure: ProgressionFigure, previous: ProgressionFigure) -> tuple[Cell, ...]:
    label = figure.name if figure.indicator is None else f"{figure.indicator}. {figure.name}"
    return (
        label,
        *(figure.share(o).value for o in OUTCOME_LABELS),
        *(getattr(figure, o) for o in OUTCOME_LABELS),
        figure.classified,
        figure.not_measurable,
        figure.not_classified,
        previous.share("progression").value,
        method_text(figure.method),
    )


def progression_table(result: SteeringStatistics) -> Table:
    """Progression, stagnation and regression on the mean and per indicator."""
    now, before = result.current, result.previous
    figures = [(now.progression_mean, before.progression_mean)]
    figures += list(zip(now.progression_by_indicator, before.progression_by_indicator, strict=True))
    return Table(
        key="Progression",
        title=f"Progression pr. indikator – {PERSPECTIVE_LABELS[result.perspective]}",
        columns=(
            Column("Indikator", "text"),
            *(Column(f"{label} (andel)", "share") for label in OUTCOME_LABELS.values()),
            *(Column(f"{label} (antal)", "count") for label in OUTCOME_LABELS.values()),
            Column("Klassificeret (nævner)", "count"),
            Column("Ikke målbar", "count"),
            Column("Ikke klassificeret", "count"),
            Column("Progression forrige periode", "share"),
            Column("Metode", "text"),
        ),
        rows=tuple(_progression_row(f, p) for f, p in figures),
    )


def effect_table(result: SteeringStatistics) -> Table:
    """Ended courses by ending category."""
    summary = result.current.effect_summary
    return Table(
        key="Effektopgørelse",
        title=f"Effektopgørelse: {summary.ended} afsluttede forløb, "
        f"heraf {summary.ended_early} afsluttet før tid",
        columns=(
            Column("Afslutningskategori", "text"),
            Column("Kode", "text"),
            Column("Antal", "count"),
            Column("Andel", "share"),
            Column("Heraf afsluttet før tid", "count"),
        ),
        rows=tuple(
            (r.label, r.code or "", r.count, Share(r.count, summary.ended).value, r.ended_early)
            for r in summary.rows
        ),
    )


def follow_up_table(result: SteeringStatistics) -> Table:
    """Back on public support 3 and 6 months after the end."""
    return Table(
        key="Opfølgning",
        title="Opfølgning: andel tilbage på offentlig forsørgelse",
        columns=(
            Column("Måneder efter afslutning", "count"),
            Column("Andel på forsørgelse", "share"),
            Column("På forsørgelse", "count"),
            Column("Opgjort (nævner)", "count"),
            Column("Ikke opgjort", "count"),
            Column("Endnu ikke forfaldne", "count"),
            Column("Fra jobcentrets registrering", "count"),
            Column("Fra registerdata", "count"),
        ),
        rows=tuple(
            (
                f.months,
                f.share.value,
                f.share.numerator,
                f.share.denominator,
                f.share.not_measurable,
                f.not_due,
                f.from_registration,
                f.from_register_data,
            )
            for f in result.current.follow_up
        ),
    )


def method_table(result: SteeringStatistics) -> Table:
    """Period, perspective, filters and method: the basis of every figure."""
    config = result.classification
    method = method_text(result.current.progression_mean.method)
    rows: list[tuple[Cell, ...]] = [
        ("Periode", period_text(result.current.period)),
        ("Forrige periode", period_text(result.previous.period)),
        ("Forløb i perioden", str(result.current.courses)),
        ("Perspektiv", PERSPECTIVE_LABELS[result.perspective]),
        ("Filtre", filters_text(result.filters)),
        ("Klassifikationsmetode", config.method),
        ("Metode (gennemsnit af indikatorer)", method),
        ("Opfølgningsdata pr.", result.as_of.strftime("%d-%m-%Y")),
    ]
    return Table(
        key="Metode",
        title="Metode og afgrænsning",
        columns=(Column("Emne", "text"), Column("Værdi", "text")),
        rows=tuple(rows),
    )


def all_tables(result: SteeringStatistics) -> list[Table]:
    """Every table of the steering-group report, in report order."""
    return [
        summary_table(result),
        progression_table(result),
        effect_table(result),
        follow_up_table(result),
        method_table(result),
    ]
