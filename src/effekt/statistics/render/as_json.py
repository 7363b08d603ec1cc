"""The statistics as JSON-ready data (`effekt stats progression --format json`)."""

from __future__ import annotations

import json
from typing import Any

from effekt.statistics.analysis.classification import ClassificationConfig, MethodParameters
from effekt.statistics.analysis.periods import Period
from effekt.statistics.analysis.results import (
    EffectSummary,
    PeriodStatistics,
    ProgressionFigure,
    Share,
    SteeringStatistics,
)
from effekt.statistics.render.text import method_text


def share_data(share: Share) -> dict[str, Any]:
    """numerator, denominator, not_measurable and the share (None when undefined)."""
    return {
        "numerator": share.numerator,
        "denominator": share.denominator,
        "not_measurable": share.not_measurable,
        "share": share.value,
    }


def method_data(params: MethodParameters) -> dict[str, Any]:
    """The method and its parameters, with a Danish description."""
    return {
        "method": params.method,
        "threshold": params.threshold,
        "criterion": params.criterion,
        "standard_deviation": params.standard_deviation,
        "sd_source": params.sd_source,
        "reliability": params.reliability,
        "standard_error": params.standard_error,
        "standard_error_of_difference": params.standard_error_of_difference,
        "critical_change": params.critical_change,
        "description": method_text(params),
    }


def figure_data(figure: ProgressionFigure) -> dict[str, Any]:
    """One progression figure with its counts, shares and method."""
    return {
        "indicator": figure.indicator,
        "name": figure.name,
        "total": figure.total,
        "classified": figure.classified,
        "not_measurable": figure.not_measurable,
        "not_classified": figure.not_classified,
        **{outcome: share_data(figure.share(outcome)) for outcome in OUTCOMES},
        "method": method_data(figure.method),
    }


OUTCOMES = ("progression", "stagnation", "regression")


def period_data(period: Period) -> dict[str, str]:
    """Label, kind and the inclusive dates of a period."""
    return {
        "label": period.label,
        "kind": period.kind,
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
    }


def effect_data(summary: EffectSummary) -> dict[str, Any]:
    """Ended courses by ending category."""
    return {
        "ended": summary.ended,
        "ended_early": summary.ended_early,
        "categories": [
            {"code": r.code, "label": r.label, "count": r.count, "ended_early": r.ended_early}
            for r in summary.rows
        ],
    }


def statistics_data(stats: PeriodStatistics) -> dict[str, Any]:
    """All figures of one period."""
    return {
        "period": period_data(stats.period),
        "courses": stats.courses,
        "progression": {
            "mean": figure_data(stats.progression_mean),
            "by_indicator": [figure_data(f) for f in stats.progression_by_indicator],
        },
        "goal_reached": share_data(stats.goal_reached),
        "extended": share_data(stats.extended),
        "effect_summary": effect_data(stats.effect_summary),
        "follow_up": [
            {
                "months": f.months,
                **share_data(f.share),
                "not_due": f.not_due,
                "from_registration": f.from_registration,
                "from_register_data": f.from_register_data,
            }
            for f in stats.follow_up
        ],
    }


def config_data(config: ClassificationConfig) -> dict[str, Any]:
    """The configured classification (keys as strings)."""
    return {
        "method": config.method,
        "threshold": config.threshold,
        "criterion": config.criterion,
        "reliability": {str(k): v for k, v in config.reliability.items()},
        "default_reliability": config.default_reliability,
        "standard_deviation": {str(k): v for k, v in config.standard_deviation.items()},
        "standard_error": {str(k): v for k, v in config.standard_error.items()},
    }


def to_data(result: SteeringStatistics) -> dict[str, Any]:
    """The whole result as plain JSON-ready data."""
    return {
        "perspective": result.perspective,
        "as_of": result.as_of.isoformat(),
        "filters": {
            name: list(values) for name, values in result.filters.__dict__.items() if values
        },
        "classification": config_data(result.classification),
        "current": statistics_data(result.current),
        "previous": statistics_data(result.previous),
    }


def to_json(result: SteeringStatistics) -> str:
    """The result as indented UTF-8 JSON (æøå kept as letters)."""
    return json.dumps(to_data(result), ensure_ascii=False, indent=2)
