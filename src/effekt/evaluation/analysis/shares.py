"""Shares with Wilson score confidence intervals."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Share:
    """A share `count / total` with a Wilson score confidence interval.

    `share`, `ci_low` and `ci_high` are `None` when `total` is zero (nothing to measure).
    """

    count: int
    total: int
    share: float | None
    ci_low: float | None
    ci_high: float | None
    alpha: float = 0.05


def wilson_share(count: int, total: int, alpha: float = 0.05) -> Share:
    """Return `count / total` with a Wilson score interval at confidence level `1 - alpha`.

    Uses statsmodels' `proportion_confint(method="wilson")`.
    """
    if count < 0 or total < 0 or count > total:
        raise ValueError(f"ugyldig andel: {count} ud af {total}")
    if total == 0:
        return Share(count=0, total=0, share=None, ci_low=None, ci_high=None, alpha=alpha)
    from statsmodels.stats.proportion import proportion_confint

    low, high = proportion_confint(count, total, alpha=alpha, method="wilson")
    share = count / total
    # The exact limits are 0 at count 0 and 1 at count == total; rounding can miss them.
    return Share(
        count=count,
        total=total,
        share=share,
        ci_low=max(0.0, min(float(low), share)),
        ci_high=min(1.0, max(float(high), share)),
        alpha=alpha,
    )
