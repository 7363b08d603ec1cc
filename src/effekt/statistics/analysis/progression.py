"""Progression, regression and stagnation per indicator and on the mean, vectorised.

Stages: `scores_frame` (records -> long table, one row per course, measurement and indicator),
`score_pairs` (baseline vs. latest score per course and indicator), `progression_figures`
(pairs -> result objects). Pure: no Django import.

Rules (docs/statistics.md): the latest measurement of a course is its final (or early final)
measurement when present, otherwise its latest midway measurement by date, among the
measurements with at least one score in the chosen perspective. An indicator is compared when
it is scored both at baseline and in the latest measurement; the mean compares the means of
the indicators scored at both points. Courses that cannot be compared are "not measurable".
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import numpy as np
import pandas as pd

from effekt.bip import default_instrument
from effekt.statistics.analysis.classification import (
    PROGRESSION,
    REGRESSION,
    STAGNATION,
    ClassificationConfig,
    IndicatorKey,
    classify,
    resolve_parameters,
)
from effekt.statistics.analysis.records import INDICATORS, CourseRecord, PerspectiveChoice
from effekt.statistics.analysis.results import ProgressionFigure

FINAL_POINTS = ("final", "early_final")
SCORE_COLUMNS = ["course_id", "point", "date", "indicator", "citizen", "caseworker"]
MEAN_NAME = "Gennemsnit af alle indikatorer"


@cache
def indicator_name(number: int) -> str:
    """The Danish name of a BIP indicator."""
    return default_instrument().indicator(number).name


def scores_frame(courses: Sequence[CourseRecord]) -> pd.DataFrame:
    """One row per course, measurement and indicator with the citizen and caseworker scores."""
    rows = [
        (c.course_id, m.point, m.date, s.indicator, s.citizen, s.caseworker)
        for c in courses
        for m in c.measurements
        for s in m.scores
    ]
    frame = pd.DataFrame(rows, columns=SCORE_COLUMNS)
    frame["date"] = pd.to_datetime(frame["date"])
    frame["indicator"] = frame["indicator"].astype("int64")
    for column in ("citizen", "caseworker"):
        frame[column] = frame[column].astype("float64")
    return frame


def perspective_scores(scores: pd.DataFrame, perspective: PerspectiveChoice) -> pd.Series:
    """The score in one perspective; combined = mean of the perspectives present."""
    if perspective != "combined":
        return scores[perspective]
    present = scores[["citizen", "caseworker"]]
    with np.errstate(invalid="ignore"):
        return present.sum(axis=1, min_count=1) / present.notna().sum(axis=1)


def score_pairs(
    scores: pd.DataFrame, course_ids: pd.Index, perspective: PerspectiveChoice
) -> pd.DataFrame:
    """Columns course_id, indicator, baseline, latest (NaN when missing at that point)."""
    frame = scores[scores["course_id"].isin(course_ids)]
    frame = frame.assign(score=perspective_scores(frame, perspective)).dropna(subset=["score"])
    base = frame.loc[frame["point"] == "baseline", ["course_id", "indicator", "score"]]
    later = frame[frame["point"] != "baseline"]
    measurements = later[["course_id", "point", "date"]].drop_duplicates()
    measurements = measurements.assign(final=measurements["point"].isin(FINAL_POINTS))
    latest = measurements.sort_values(["course_id", "final", "date"]).drop_duplicates(
        "course_id", keep="last"
    )
    later = later.merge(latest[["course_id", "point", "date"]], on=["course_id", "point", "date"])
    return base.rename(columns={"score": "baseline"}).merge(
        later[["course_id", "indicator", "score"]].rename(columns={"score": "latest"}),
        on=["course_id", "indicator"],
        how="outer",
    )


def _figure(
    key: IndicatorKey,
    baseline: np.ndarray,
    latest: np.ndarray,
    total: int,
    config: ClassificationConfig,
) -> ProgressionFigure:
    measurable = ~(np.isnan(baseline) | np.isnan(latest))
    params = resolve_parameters(config, key, baseline[measurable])
    outcome = classify(latest[measurable] - baseline[measurable], params)
    counts = {PROGRESSION: 0, STAGNATION: 0, REGRESSION: 0}
    if outcome is not None:
        values, numbers = np.unique(outcome, return_counts=True)
        counts.update(zip(values.tolist(), numbers.tolist(), strict=True))
    n_measurable = int(measurable.sum())
    return ProgressionFigure(
        indicator=None if key == "mean" else int(key),
        name=MEAN_NAME if key == "mean" else indicator_name(int(key)),
        total=total,
        progression=counts[PROGRESSION],
        stagnation=counts[STAGNATION],
        regression=counts[REGRESSION],
        not_measurable=total - n_measurable,
        not_classified=n_measurable if outcome is None else 0,
        method=params,
    )


def progression_figures(
    pairs: pd.DataFrame, n_courses: int, config: ClassificationConfig
) -> tuple[ProgressionFigure, tuple[ProgressionFigure, ...]]:
    """The figure on the mean of the indicators (over all `n_courses`) and one per indicator."""
    both = pairs.dropna(subset=["baseline", "latest"])
    means = both.groupby("course_id", sort=False)[["baseline", "latest"]].mean()
    missing = np.full(n_courses - len(means), np.nan)
    mean_figure = _figure(
        "mean",
        np.concatenate([means["baseline"].to_numpy(), missing]),
        np.concatenate([means["latest"].to_numpy(), missing]),
        n_courses,
        config,
    )
    by_indicator = []
    for number in INDICATORS:
        rows = pairs[pairs["indicator"] == number]
        by_indicator.append(
            _figure(
                number,
                rows["baseline"].to_numpy(dtype="float64"),
                rows["latest"].to_numpy(dtype="float64"),
                len(rows),
                config,
            )
        )
    return mean_figure, tuple(by_indicator)
