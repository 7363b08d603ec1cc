"""The early-warning rule: does a measurement show regression? Pure: no Django import."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from statistics import fmean

TOLERANCE = 1e-9


@dataclass(frozen=True)
class WarningSettings:
    """Warn when the mean across indicators falls, or an indicator falls by `indicator_drop`."""

    mean_falls: bool = True
    indicator_drop: float = 1.0


@dataclass(frozen=True)
class Regression:
    """Why a measurement was flagged; empty lists mean no regression."""

    mean_before: float | None
    mean_after: float | None
    mean_fell: bool
    fallen_indicators: tuple[int, ...]

    @property
    def flagged(self) -> bool:
        return self.mean_fell or bool(self.fallen_indicators)


def _mean(scores: Mapping[int, float | None], indicators: set[int]) -> float | None:
    values = [v for n, v in scores.items() if n in indicators and v is not None]
    return fmean(values) if values else None


def regression(
    previous: Mapping[int, float | None],
    current: Mapping[int, float | None],
    settings: WarningSettings = WarningSettings(),
) -> Regression:
    """Compare a measurement's combined indicator scores with the previous measurement's.

    Only indicators scored in both measurements are compared, so a missing answer never
    looks like a fall.
    """
    common = {n for n, v in current.items() if v is not None and previous.get(n) is not None}
    before, after = _mean(previous, common), _mean(current, common)
    mean_fell = (
        settings.mean_falls
        and before is not None
        and after is not None
        and after < before - TOLERANCE
    )
    fallen = tuple(
        sorted(
            n
            for n in common
            if (previous[n] or 0.0) - (current[n] or 0.0) >= settings.indicator_drop - TOLERANCE
        )
    )
    return Regression(before, after, mean_fell, fallen)
