"""Re-estimation on the municipality's own outcomes, as a result object. Pure: no Django.

`reestimate(table)` fits the full model (which the caller may activate) and the analyses the
report shows: coefficients with confidence intervals, AUC with its standard error, pseudo-R²,
calibration, the explanatory-power steps of source 003 (objective characteristics alone,
plus BIP indicators, plus the caseworker) and the effects of one step of the caseworker's
belief (S12) and of a change of caseworker.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from effekt.probability.features import OUTCOME, FeatureSpec, S12Encoding, build_design
from effekt.probability.logit import FitError, LogitFit
from effekt.probability.metrics import Auc, Calibration, auc_with_se, calibration
from effekt.probability.model import JobProbabilityModel, full_spec
from effekt.probability.parameters import ModelParameters, logistic


@dataclass(frozen=True)
class FitOptions:
    """The guard-rail settings every model of one re-estimation shares."""

    events_per_parameter: float = 10.0
    max_iter: int = 100

    def model(self, spec: FeatureSpec) -> JobProbabilityModel:
        return JobProbabilityModel(
            spec, events_per_parameter=self.events_per_parameter, max_iter=self.max_iter
        )


@dataclass(frozen=True)
class Coefficient:
    name: str
    estimate: float
    se: float
    low: float
    high: float
    p_value: float


@dataclass(frozen=True)
class Step:
    """One model of the explanatory-power comparison; `error` when it could not be fitted."""

    name: str
    inputs: tuple[str, ...]
    pseudo_r2: float | None
    auc: Auc | None
    error: str | None = None


@dataclass(frozen=True)
class Effect:
    """A regressor's effect: odds ratio (with interval) and the average change in the
    predicted probability, absolute (fraction) and relative to the level before."""

    name: str
    odds_ratio: float
    odds_ratio_low: float
    odds_ratio_high: float
    absolute: float
    relative: float


@dataclass(frozen=True)
class Reestimation:
    parameters: ModelParameters
    n_obs: int
    n_events: int
    log_likelihood: float
    pseudo_r2: float
    coefficients: tuple[Coefficient, ...]
    auc: Auc
    calibration: Calibration
    steps: tuple[Step, ...]
    belief_step: Effect | None
    caseworker_change: Effect | None
    notes: tuple[str, ...]


def _coefficients(result: LogitFit) -> tuple[Coefficient, ...]:
    return tuple(
        Coefficient(name, *(float(v[i]) for v in values))
        for i, name in enumerate(result.columns)
        for values in [
            (result.params, result.bse, result.conf_low, result.conf_high, result.pvalues)
        ]
    )


def _effect(name: str, result: LogitFit, before: pd.DataFrame, after: pd.DataFrame) -> Effect:
    index = result.columns.index(name)
    p0 = logistic(before.to_numpy(dtype=float) @ result.params)
    p1 = logistic(after.to_numpy(dtype=float) @ result.params)
    return Effect(
        name=name,
        odds_ratio=float(np.exp(result.params[index])),
        odds_ratio_low=float(np.exp(result.conf_low[index])),
        odds_ratio_high=float(np.exp(result.conf_high[index])),
        absolute=float(np.mean(p1 - p0)),
        relative=float(np.mean(p1) / np.mean(p0) - 1.0),
    )


def _belief_step(table: pd.DataFrame, spec: FeatureSpec, options: FitOptions) -> Effect:
    """One step up on S12 (1–4 → 2–5) in the model with S12 as a linear score."""
    linear = replace(spec, s12="linear")
    model = options.model(linear).fit(table, table[OUTCOME])
    design = build_design(table, linear, model.encoding_)
    answered = design[(design["s12[ved_ikke]"] == 0) & (design["s12"] < 5)]
    if answered.empty:
        raise FitError("too_few_outcomes", "Ingen S12-svar under «Ja» at flytte et trin op.")
    return _effect("s12", model.result_, answered, answered.assign(s12=answered["s12"] + 1))


def _change_effect(model: JobProbabilityModel, table: pd.DataFrame) -> Effect:
    design = build_design(table, model.spec_, model.encoding_)
    return _effect(
        "caseworker_change",
        model.result_,
        design.assign(caseworker_change=0.0),
        design.assign(caseworker_change=1.0),
    )


def _steps(
    table: pd.DataFrame, spec: FeatureSpec, full: JobProbabilityModel, options: FitOptions
) -> tuple[Step, ...]:
    y = table[OUTCOME].to_numpy(dtype=float)
    indicators = tuple(c for c in spec.numeric if c.startswith(("citizen_", "caseworker_")))
    objective = FeatureSpec(
        numeric=tuple(c for c in spec.numeric if c not in indicators),
        categorical=spec.categorical,
    )
    specs = {
        "objective": objective,
        "bip": replace(objective, numeric=objective.numeric + indicators),
    }
    steps: list[Step] = []
    for name, step_spec in specs.items():
        try:
            model = options.model(step_spec).fit(table, y)
        except FitError as problem:
            steps.append(Step(name, step_spec.inputs(), None, None, str(problem)))
            continue
        score = model.decision_function(table)
        steps.append(Step(name, step_spec.inputs(), model.pseudo_r2_, auc_with_se(y, score)))
    score = full.decision_function(table)
    steps.append(Step("caseworker", spec.inputs(), full.pseudo_r2_, auc_with_se(y, score)))
    return tuple(steps)


def _varying_columns(table: pd.DataFrame) -> tuple[list[str], list[str]]:
    """The input columns with at least two distinct values, and a note for each one left out."""
    columns: list[str] = []
    notes: list[str] = []
    for column in table.columns:
        if column == OUTCOME:
            continue
        if table[column].nunique(dropna=True) >= 2 or column == "s12":
            columns.append(column)
        else:
            notes.append(f"Kolonnen {column} er udeladt: den har ingen variation i data.")
    return columns, notes


def reestimate(
    table: pd.DataFrame,
    *,
    version: str,
    s12: S12Encoding = "categorical",
    events_per_parameter: float = 10.0,
    max_iter: int = 100,
) -> Reestimation:
    """Fit the full model on `table` (input columns plus `job_or_education`) and analyse it.

    Raises `FitError` when the full model cannot be estimated; the comparison steps and the
    effects that cannot be estimated are reported as notes instead.
    """
    options = FitOptions(events_per_parameter, max_iter)
    columns, notes = _varying_columns(table)
    spec = full_spec(columns, s12)
    model = options.model(spec).fit(table, table[OUTCOME])
    result = model.result_
    y = table[OUTCOME].to_numpy(dtype=float)
    belief: Effect | None = None
    change: Effect | None = None
    if spec.s12 != "none":
        try:
            belief = _belief_step(table, spec, options)
        except FitError as problem:
            notes.append(f"Effekt pr. trin på S12 kunne ikke estimeres: {problem}")
    if "caseworker_change" in spec.flags:
        change = _change_effect(model, table)
    return Reestimation(
        parameters=model.to_parameters(version, "Re-estimated on the municipality's outcomes."),
        n_obs=result.n_obs,
        n_events=result.n_events,
        log_likelihood=result.llf,
        pseudo_r2=result.pseudo_r2,
        coefficients=_coefficients(result),
        auc=auc_with_se(y, result.fitted),
        calibration=calibration(y, result.fitted),
        steps=_steps(table, spec, model, options),
        belief_step=belief,
        caseworker_change=change,
        notes=tuple(notes),
    )
