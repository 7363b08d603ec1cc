"""Progression, regression and stagnation per indicator and on the mean, vectorised.

Stages: `prepare_scores` (long table of scores -> integer-coded numpy arrays, once per input),
`score_matrices` (baseline and latest score per course and indicator as two dense matrices),
`progression_figures` (matrices -> result objects). Pure: no Django import.

Rules (docs/statistics.md): the latest measurement of a course is its final (or early final)
measurement when present, otherwise its latest midway measurement by date, among the
measurements with at least one score in the chosen perspective. An indicator is compared when
it is scored both at baseline and in the latest measurement; the mean compares the means of
the indicators scored at both points. Courses that cannot be compared are "not measurable".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
import numpy.typing as npt
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
from effekt.statistics.analysis.records import INDICATORS, POINTS, PerspectiveChoice
from effekt.statistics.analysis.results import ProgressionFigure

SCORE_COLUMNS = ["course_id", "point", "date", "indicator", "citizen", "caseworker"]
POINT_CODES = {point: code for code, point in enumerate(POINTS)}  # baseline = 0
FINAL_CODE = POINT_CODES["final"]  # final and early_final have codes >= FINAL_CODE
MEAN_NAME = "Gennemsnit af alle indikatorer"
Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
Mask = npt.NDArray[np.bool_]


@cache
def indicator_name(number: int) -> str:
    """The Danish name of a BIP indicator."""
    return default_instrument().indicator(number).name


@dataclass(frozen=True)
class PreparedScores:
    """The long score table as integer-coded arrays; `course` is the row in the course table."""

    course: Ints
    point: Ints
    day: Ints
    indicator: Ints
    citizen: Floats
    caseworker: Floats
    combined: Floats

    def scores(self, perspective: PerspectiveChoice) -> Floats:
        """The scores of one perspective."""
        chosen: Floats = getattr(self, perspective)
        return chosen


def prepare_scores(scores: pd.DataFrame, course_ids: pd.Index) -> PreparedScores:
    """Code a frame with SCORE_COLUMNS against the course table's `course_ids`.

    Rows of unknown courses are dropped; combined = mean of the perspectives present.
    """
    course = course_ids.get_indexer(pd.Index(scores["course_id"]))
    known = course >= 0
    frame = scores[known]
    citizen = frame["citizen"].to_numpy(dtype="float64", na_value=np.nan)
    caseworker = frame["caseworker"].to_numpy(dtype="float64", na_value=np.nan)
    present = (~np.isnan(citizen)).astype(int) + (~np.isnan(caseworker)).astype(int)
    with np.errstate(invalid="ignore", divide="ignore"):
        combined = (np.nan_to_num(citizen) + np.nan_to_num(caseworker)) / present
    days = pd.to_datetime(frame["date"]).to_numpy(dtype="datetime64[D]").astype("int64")
    return PreparedScores(
        course=course[known].astype("int64"),
        point=np.asarray(frame["point"].map(POINT_CODES), dtype="int64"),
        day=days,
        indicator=frame["indicator"].to_numpy(dtype="int64"),
        citizen=citizen,
        caseworker=caseworker,
        combined=np.where(present > 0, combined, np.nan),
    )


def score_matrices(
    prepared: PreparedScores, population: Mask, perspective: PerspectiveChoice
) -> tuple[Floats, Floats]:
    """Baseline and latest scores, one row per course in `population`, one column per indicator."""
    n_courses = len(population)
    score = prepared.scores(perspective)
    keep = population[prepared.course] & ~np.isnan(score)
    course, point, indicator = prepared.course[keep], prepared.point[keep], prepared.indicator[keep]
    day, score = prepared.day[keep], score[keep]
    baseline = np.full((n_courses, len(INDICATORS)), np.nan)
    at_base = point == 0
    baseline[course[at_base], indicator[at_base] - 1] = score[at_base]
    later = ~at_base
    key = (point[later] >= FINAL_CODE) * 10_000_000 + day[later]
    newest = np.full(n_courses, -1, dtype="int64")
    np.maximum.at(newest, course[later], key)
    chosen = key == newest[course[later]]
    latest = np.full((n_courses, len(INDICATORS)), np.nan)
    latest[course[later][chosen], indicator[later][chosen] - 1] = score[later][chosen]
    return baseline[population], latest[population]


def _figure(
    key: IndicatorKey, baseline: Floats, latest: Floats, total: int, config: ClassificationConfig
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
    baseline: Floats, latest: Floats, config: ClassificationConfig
) -> tuple[ProgressionFigure, tuple[ProgressionFigure, ...]]:
    """The figure on the mean of the indicators (over all courses) and one per indicator."""
    both = ~(np.isnan(baseline) | np.isnan(latest))
    count = both.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_baseline = np.where(both, baseline, 0.0).sum(axis=1) / count
        mean_latest = np.where(both, latest, 0.0).sum(axis=1) / count
    mean_figure = _figure("mean", mean_baseline, mean_latest, len(baseline), config)
    by_indicator = []
    for column, number in enumerate(INDICATORS):
        present = ~(np.isnan(baseline[:, column]) & np.isnan(latest[:, column]))
        by_indicator.append(
            _figure(
                number,
                baseline[present, column],
                latest[present, column],
                int(present.sum()),
                config,
            )
        )
    return mean_figure, tuple(by_indicator)
