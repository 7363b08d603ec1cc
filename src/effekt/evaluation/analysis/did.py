"""Difference-in-differences against comparison municipalities (pyfixest).

The estimate is the coefficient on `treated × post` in

    outcome ~ treated × post + controls            (no fixed effects), or
    outcome ~ treated × post + controls | unit + time   (two-way fixed effects),

where a main effect is left out when a fixed effect absorbs it. The variance type is always
explicit. With few treated units the result carries a permutation (placebo) test and a caveat.
"""

from __future__ import annotations

import itertools
import math
import random
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from effekt.evaluation.analysis.errors import (
    InputError,
    binary_column,
    numeric_column,
    require_columns,
    require_complete,
)

if TYPE_CHECKING:
    import pandas as pd

VcovType = Literal["iid", "hc1", "cluster"]

FEW_TREATED_UNITS = 5
"""At or below this many treated units the result gets a permutation test and a caveat."""

CELLS = (
    (1, 0, "behandlede før"),
    (1, 1, "behandlede efter"),
    (0, 0, "sammenligning før"),
    (0, 1, "sammenligning efter"),
)
"""The four cells of (treated, post) that must all hold observations."""

VCOV_LABELS: dict[str, str] = {
    "iid": "iid (homoskedastiske fejl)",
    "hc1": "HC1 (heteroskedasticitetsrobust)",
    "cluster": "CRV1 (klyngerobust)",
}


@dataclass(frozen=True)
class DidSpec:
    """Which columns play which part. `unit`/`time` add fixed effects; `cluster` is needed
    for `vcov="cluster"`. The permutation test reassigns treatment among `unit` (or `cluster`)
    values and assumes `post` marks the same periods for every unit."""

    outcome: str
    treated: str
    post: str
    vcov: VcovType
    controls: tuple[str, ...] = ()
    unit: str | None = None
    time: str | None = None
    cluster: str | None = None


@dataclass(frozen=True)
class PermutationTest:
    """Placebo inference: the estimate recomputed with treatment given to other units."""

    p_value: float
    n_assignments: int
    exhaustive: bool
    placebo_estimates: tuple[float, ...]


@dataclass(frozen=True)
class DidResult:
    """A difference-in-differences estimate with its inference."""

    estimate: float
    std_error: float
    vcov: VcovType
    vcov_label: str
    ci_low: float
    ci_high: float
    p_value: float
    n: int
    alpha: float
    n_units: int | None
    n_treated_units: int | None
    n_clusters: int | None
    fixed_effects: tuple[str, ...]
    controls: tuple[str, ...]
    permutation: PermutationTest | None
    caveat: str | None


def few_treated_caveat(n_treated: int) -> str:
    """The caveat printed when only `n_treated` units are treated."""
    return (
        f"Kun {n_treated} behandlet enhed{'er' if n_treated != 1 else ''}: standardfejlen og "
        "konfidensintervallet bygger på antagelser, der er svage med så få behandlede enheder "
        "(især klyngerobuste fejl). Læg vægt på permutationstestens p-værdi, hvor behandlingen "
        "tildeles andre enheder, og på parallelle tendenser før starten."
    )


def model_frame(frame: pd.DataFrame, spec: DidSpec, source: str) -> pd.DataFrame:
    """Stage the input into safe column names: y, treated, post, did, x0…, fe_unit, fe_time, cl.

    Raises `InputError` naming the file, line and column of the first bad value.
    """
    import pandas as pd

    columns = [spec.outcome, spec.treated, spec.post, *spec.controls]
    columns += [c for c in (spec.unit, spec.time, spec.cluster) if c is not None]
    require_columns(frame, columns, source)
    require_complete(frame, columns, source)
    if spec.vcov == "cluster" and spec.cluster is None:
        raise InputError(source, "variansen 'cluster' kræver en klyngekolonne (--cluster)")
    data = pd.DataFrame(index=frame.index)
    data["y"] = numeric_column(frame, spec.outcome, source)
    data["treated"] = binary_column(frame, spec.treated, source)
    data["post"] = binary_column(frame, spec.post, source)
    data["did"] = data["treated"] * data["post"]
    for number, control in enumerate(spec.controls):
        data[f"x{number}"] = numeric_column(frame, control, source)
    for name, column in (("fe_unit", spec.unit), ("fe_time", spec.time), ("cl", spec.cluster)):
        if column is not None:
            data[name] = frame[column].astype(str)
    for treated, post, name in CELLS:
        if not ((data["treated"] == treated) & (data["post"] == post)).any():
            raise InputError(source, f"ingen observationer for {name} starten", column=spec.treated)
    unit = spec.unit or spec.cluster
    if unit is not None:
        data["unit_id"] = frame[unit].astype(str)
    return data.reset_index(drop=True)


def did_formula(spec: DidSpec) -> str:
    """The pyfixest formula for the staged frame of `model_frame`."""
    terms = ["did"]
    if spec.unit is None:
        terms.append("treated")
    if spec.time is None:
        terms.append("post")
    terms += [f"x{number}" for number in range(len(spec.controls))]
    fixed = [name for name, column in (("fe_unit", spec.unit), ("fe_time", spec.time)) if column]
    formula = "y ~ " + " + ".join(terms)
    return formula + (" | " + " + ".join(fixed) if fixed else "")


def pyfixest_vcov(vcov: VcovType) -> str | dict[str, str]:
    """The pyfixest `vcov` argument for a variance type."""
    if vcov == "iid":
        return "iid"
    if vcov == "hc1":
        return "hetero"
    return {"CRV1": "cl"}


def fit_model(data: pd.DataFrame, formula: str, vcov: VcovType) -> Any:
    """Fit `formula` on the staged frame with pyfixest's `feols`."""
    import pyfixest as pf

    try:
        return pf.feols(formula, data=data, vcov=pyfixest_vcov(vcov))
    except ValueError as error:
        raise InputError("model", f"modellen kan ikke estimeres: {error}") from error


def coefficient(fit: Any, name: str) -> tuple[float, float, float, float, float, int]:
    """(estimate, se, p, ci_low, ci_high, n) of coefficient `name` of a pyfixest fit."""
    if name not in fit.coef().index:
        raise InputError("model", f"koefficienten '{name}' kan ikke estimeres (kollinearitet)")
    interval = fit.confint().loc[name]
    return (
        float(fit.coef()[name]),
        float(fit.se()[name]),
        float(fit.pvalue()[name]),
        float(interval.iloc[0]),
        float(interval.iloc[1]),
        int(fit._N),
    )


def estimate_did(
    frame: pd.DataFrame,
    spec: DidSpec,
    *,
    source: str = "data",
    permutation: bool | None = None,
    max_assignments: int = 1000,
    seed: int = 20240101,
) -> DidResult:
    """Estimate the difference-in-differences effect of `treated × post` on `outcome`.

    `permutation=None` runs the permutation test when there are at most `FEW_TREATED_UNITS`
    treated units; `True` always runs it, `False` never. Confidence level is 95 %.
    """
    data = model_frame(frame, spec, source)
    formula = did_formula(spec)
    estimate, se, p_value, low, high, n = coefficient(fit_model(data, formula, spec.vcov), "did")
    n_units = n_treated = None
    if "unit_id" in data:
        n_units = int(data["unit_id"].nunique())
        n_treated = int(data.loc[data["treated"] == 1, "unit_id"].nunique())
    few = n_treated is not None and n_treated <= FEW_TREATED_UNITS
    run_permutation = few if permutation is None else permutation
    test = None
    if run_permutation:
        if "unit_id" not in data:
            raise InputError(source, "permutationstesten kræver en enhedskolonne (--unit)")
        if (data.groupby("unit_id")["treated"].nunique() > 1).any():
            raise InputError(
                source,
                "behandlingen skal være den samme i alle perioder for en enhed "
                "(permutationstesten flytter hele enheder; slå den fra med --no-permutation)",
                column=spec.treated,
            )
        test = permutation_test(data, formula, spec.vcov, estimate, max_assignments, seed)
    return DidResult(
        estimate=estimate,
        std_error=se,
        vcov=spec.vcov,
        vcov_label=VCOV_LABELS[spec.vcov]
        + (f" efter {spec.cluster}" if spec.vcov == "cluster" else ""),
        ci_low=low,
        ci_high=high,
        p_value=p_value,
        n=n,
        alpha=0.05,
        n_units=n_units,
        n_treated_units=n_treated,
        n_clusters=int(data["cl"].nunique()) if "cl" in data else None,
        fixed_effects=tuple(c for c in (spec.unit, spec.time) if c is not None),
        controls=spec.controls,
        permutation=test,
        caveat=few_treated_caveat(n_treated) if few and n_treated is not None else None,
    )


def treatment_assignments(
    units: list[str], n_treated: int, max_assignments: int, seed: int
) -> tuple[list[tuple[str, ...]], bool]:
    """All ways to pick `n_treated` of `units`, or a random sample when there are too many."""
    total = math.comb(len(units), n_treated)
    if total <= max_assignments:
        return list(itertools.combinations(units, n_treated)), True
    generator = random.Random(seed)
    return [tuple(generator.sample(units, n_treated)) for _ in range(max_assignments)], False


def permutation_test(
    data: pd.DataFrame,
    formula: str,
    vcov: VcovType,
    estimate: float,
    max_assignments: int,
    seed: int,
) -> PermutationTest:
    """Reassign treatment among units, re-estimate, and compare |placebo| with |estimate|.

    Exhaustive enumeration gives p = share of assignments (the actual one included) at least
    as extreme; a random sample gives p = (1 + extreme) / (1 + draws).
    """
    units = sorted(data["unit_id"].unique())
    treated_units = set(data.loc[data["treated"] == 1, "unit_id"])
    assignments, exhaustive = treatment_assignments(
        units, len(treated_units), max_assignments, seed
    )
    placebo = data.copy()
    estimates: list[float] = []
    for chosen in assignments:
        placebo["treated"] = placebo["unit_id"].isin(chosen).astype(int)
        placebo["did"] = placebo["treated"] * placebo["post"]
        estimates.append(coefficient(fit_model(placebo, formula, vcov), "did")[0])
    tolerance = 1e-12 * max(1.0, abs(estimate))
    extreme = sum(1 for value in estimates if abs(value) >= abs(estimate) - tolerance)
    p_value = extreme / len(estimates) if exhaustive else (1 + extreme) / (1 + len(estimates))
    return PermutationTest(
        p_value=p_value,
        n_assignments=len(estimates),
        exhaustive=exhaustive,
        placebo_estimates=tuple(estimates),
    )
