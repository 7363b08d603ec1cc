"""OLS across municipalities per period, with leave-one-out predictions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
import statsmodels.api as sm

Key = tuple[str, str]  # (municipality_code, period)
Source = Literal["imported", "model"]
METHOD = (
    "OLS across municipalities, one regression per period: share on public support ~ 1 + "
    "framework conditions; each municipality's expected share is predicted leave-one-out "
    "(from the regression on the other municipalities)"
)
_ID_COLUMNS = ("municipality_code", "period")


@dataclass(frozen=True)
class PeriodFit:
    """The regression of one period on all municipalities, and its leave-one-out error."""

    period: str
    n: int
    r_squared: float
    adj_r_squared: float
    loo_rmse: float
    coefficients: dict[str, float]


@dataclass(frozen=True)
class Prediction:
    """A municipality's expected share in a period, and the actual share it is compared to."""

    municipality_code: str
    period: str
    expected_share: float
    actual_share: float


@dataclass(frozen=True)
class BenchmarkModel:
    """The method, the covariates, one fit per period and the predictions."""

    method: str
    covariates: tuple[str, ...]
    fits: list[PeriodFit]
    predictions: list[Prediction]


def _covariates(conditions: Sequence[Mapping[str, Any]]) -> tuple[str, ...]:
    names: dict[str, None] = {}
    for row in conditions:
        names.update((k, None) for k in row if k not in _ID_COLUMNS)
    return tuple(names)


def _lookup(conditions: Sequence[Mapping[str, Any]], names: tuple[str, ...]) -> dict[Key, Any]:
    return {
        (str(r["municipality_code"]), str(r["period"])): [float(r[n]) for n in names]
        for r in conditions
        if all(r.get(n) not in (None, "") for n in names)
    }


def _for_period(table: dict[Key, Any], code: str, period: str) -> Any:
    """Covariates of the period itself, else of its year (a half-year `YYYYH1` uses `YYYY`)."""
    return table.get((code, period), table.get((code, period[:4])))


def leave_one_out(y: npt.NDArray[np.float64], x: npt.NDArray[np.float64]) -> Any:
    """OLS of y on [1, x]; returns the fit and each row's prediction from the other rows.

    Uses the exact identity y_i - e_i / (1 - h_ii) (h the hat matrix diagonal).
    """
    fit = sm.OLS(y, sm.add_constant(x, has_constant="add")).fit()
    hat = fit.get_influence().hat_matrix_diag
    return fit, y - fit.resid / (1.0 - hat)


def _fit_period(
    period: str, codes: list[str], y: list[float], x: list[list[float]], names: tuple[str, ...]
) -> tuple[PeriodFit, list[Prediction]]:
    ys, xs = np.array(y), np.array(x)
    fit, loo = leave_one_out(ys, xs)
    rmse = float(np.sqrt(np.mean((ys - loo) ** 2)))
    coefficients = dict(zip(("const", *names), map(float, fit.params), strict=True))
    summary = PeriodFit(
        period, len(ys), float(fit.rsquared), float(fit.rsquared_adj), rmse, coefficients
    )
    predictions = [
        Prediction(code, period, float(np.clip(p, 0.0, 1.0)), actual)
        for code, p, actual in zip(codes, loo, y, strict=True)
    ]
    return summary, predictions


def estimate(
    actual: Mapping[Key, float], conditions: Sequence[Mapping[str, Any]]
) -> BenchmarkModel:
    """Fit one regression per period of `actual` shares on the framework `conditions`.

    `conditions` are rows with `municipality_code`, `period` and numeric covariates. A period
    gets no predictions when fewer municipalities than covariates + 3 have both.
    """
    names = _covariates(conditions)
    table = _lookup(conditions, names)
    fits, predictions = [], []
    for period in sorted({p for _, p in actual}):
        rows = [
            (code, share, _for_period(table, code, period))
            for (code, p), share in sorted(actual.items())
            if p == period
        ]
        rows = [r for r in rows if r[2] is not None]
        if not names or len(rows) < len(names) + 3:
            continue
        fit, found = _fit_period(
            period, [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows], names
        )
        fits.append(fit)
        predictions += found
    return BenchmarkModel(METHOD, names, fits, predictions)


def merge(imported: Mapping[Key, float], model: BenchmarkModel) -> dict[Key, tuple[float, Source]]:
    """Expected shares to use: the model's, except where an imported rate exists (it wins)."""
    rates: dict[Key, tuple[float, Source]] = {
        (p.municipality_code, p.period): (p.expected_share, "model") for p in model.predictions
    }
    rates.update((key, (share, "imported")) for key, share in imported.items())
    return rates


def describe(model: BenchmarkModel) -> str:
    """The method and the fit of each period as plain text."""
    lines = [f"Method: {model.method}.", f"Covariates: {', '.join(model.covariates) or 'none'}."]
    if not model.fits:
        lines.append("No period had enough municipalities with covariates to fit the model.")
    for f in model.fits:
        terms = ", ".join(f"{name} {value:+.4f}" for name, value in f.coefficients.items())
        lines.append(
            f"{f.period}: n={f.n}, R²={f.r_squared:.3f}, adjusted R²={f.adj_r_squared:.3f}, "
            f"leave-one-out RMSE={f.loo_rmse:.4f}; coefficients: {terms}"
        )
    return "\n".join(lines)
