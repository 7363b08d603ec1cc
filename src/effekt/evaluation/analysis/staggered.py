"""Staggered starts: Callaway & Sant'Anna (2021) group-time effects, via `moderndid`.

Units start treatment in different periods (`group` = the first treated period, 0 = never
treated). ATT(g, t) compares the change in outcome of group g from the period before its start
to t with the same change among the never-treated (or not-yet-treated). Standard errors are the
analytical ones from the influence function (clustered on the unit), not bootstrapped.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from effekt.evaluation.analysis.errors import (
    InputError,
    line_of,
    numeric_column,
    require_columns,
    require_complete,
)
from effekt.evaluation.analysis.event_study import EventPoint

if TYPE_CHECKING:
    import pandas as pd

ControlGroup = Literal["nevertreated", "notyettreated"]
EstimationMethod = Literal["dr", "ipw", "reg"]
Z_95 = 1.959963984540054
VCOV_LABEL = "analytisk (influensfunktion, klynget på enhed)"


@dataclass(frozen=True)
class GroupTimeEffect:
    """ATT(g, t): the effect in period `time` for units first treated in period `group`."""

    group: int
    time: int
    estimate: float
    std_error: float
    ci_low: float
    ci_high: float


@dataclass(frozen=True)
class StaggeredResult:
    """Group-time effects, their simple average over treated periods and the event study."""

    effects: tuple[GroupTimeEffect, ...]
    overall_estimate: float
    overall_std_error: float
    overall_ci_low: float
    overall_ci_high: float
    event_study: tuple[EventPoint, ...]
    control_group: ControlGroup
    method: EstimationMethod
    vcov: str
    n_units: int
    n: int


def callaway_santanna(
    frame: pd.DataFrame,
    *,
    outcome: str,
    unit: str,
    time: str,
    group: str,
    control_group: ControlGroup = "nevertreated",
    method: EstimationMethod = "dr",
    source: str = "data",
) -> StaggeredResult:
    """Estimate Callaway–Sant'Anna group-time effects on a balanced panel (no covariates).

    `time` and `group` are integer periods; `group` is 0 for units never treated.
    """
    import moderndid  # type: ignore[import-untyped]
    import pandas as pd

    columns = [outcome, unit, time, group]
    require_columns(frame, columns, source)
    require_complete(frame, columns, source)
    data = pd.DataFrame(
        {
            "y": numeric_column(frame, outcome, source),
            "unit": pd.factorize(frame[unit])[0] + 1,
            "period": numeric_column(frame, time, source).astype(int),
            "first": numeric_column(frame, group, source).astype(int),
        }
    )
    check_panel(data, frame[unit], source, group)
    try:
        fit: Any = moderndid.att_gt(
            data,
            yname="y",
            tname="period",
            idname="unit",
            gname="first",
            control_group=control_group,
            est_method=method,
            boot=False,
            cband=False,
        )
    except ValueError as error:
        raise InputError(source, f"Callaway–Sant'Anna kan ikke estimeres: {error}") from error
    effects = tuple(
        GroupTimeEffect(
            int(g), int(t), float(a), float(s), float(a - Z_95 * s), float(a + Z_95 * s)
        )
        for g, t, a, s in zip(fit.groups, fit.times, fit.att_gt, fit.se_gt, strict=True)
    )
    simple: Any = moderndid.aggte(fit, type="simple", cband=False)
    dynamic: Any = moderndid.aggte(fit, type="dynamic", cband=False)
    points = tuple(
        EventPoint(
            str(int(e)), int(e), float(a), float(s), float(a - Z_95 * s), float(a + Z_95 * s)
        )
        for e, a, s in zip(
            dynamic.event_times, dynamic.att_by_event, dynamic.se_by_event, strict=True
        )
        if not math.isnan(a)
    )
    overall, overall_se = float(simple.overall_att), float(simple.overall_se)
    return StaggeredResult(
        effects=effects,
        overall_estimate=overall,
        overall_std_error=overall_se,
        overall_ci_low=overall - Z_95 * overall_se,
        overall_ci_high=overall + Z_95 * overall_se,
        event_study=points,
        control_group=control_group,
        method=method,
        vcov=VCOV_LABEL,
        n_units=int(data["unit"].nunique()),
        n=len(data),
    )


def check_panel(data: pd.DataFrame, units: pd.Series, source: str, group: str) -> None:
    """Refuse a unit whose first treated period changes, a repeated unit-period, or a unit
    missing from some period (the panel must be balanced)."""
    varying = data.groupby("unit")["first"].transform("nunique") > 1
    if varying.any():
        position = int(varying.to_numpy().nonzero()[0][0])
        raise InputError(
            source, "første behandlede periode skal være den samme for enheden",
            line=line_of(position), column=group,
        )  # fmt: skip
    repeated = data.duplicated(["unit", "period"])
    if repeated.any():
        position = int(repeated.to_numpy().nonzero()[0][0])
        raise InputError(source, "enhed og periode optræder to gange", line=line_of(position))
    periods = data["period"].nunique()
    counts = data.groupby("unit")["period"].nunique()
    if (counts < periods).any():
        short = units.iloc[int((data["unit"] == counts[counts < periods].index[0]).idxmax())]
        raise InputError(
            source, f"ubalanceret panel: enheden '{short}' mangler perioder ({periods} i alt)"
        )
