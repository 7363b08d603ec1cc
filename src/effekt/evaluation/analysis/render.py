"""Renderers: the same result objects as JSON, CSV rows or plain text (Danish labels)."""

from __future__ import annotations

import dataclasses
import json
import math
from datetime import date
from typing import Any

from effekt.evaluation.analysis.did import DidResult
from effekt.evaluation.analysis.event_study import EventStudyResult
from effekt.evaluation.analysis.kpis import Kpi, KpiResult
from effekt.evaluation.analysis.staggered import StaggeredResult
from effekt.evaluation.analysis.survival import SurvivalComparison, SurvivalResult


def to_data(result: Any) -> Any:
    """A result dataclass as JSON-ready data (tuples → lists, NaN/inf → None)."""
    if dataclasses.is_dataclass(result) and not isinstance(result, type):
        return {f.name: to_data(getattr(result, f.name)) for f in dataclasses.fields(result)}
    if isinstance(result, dict):
        return {str(key): to_data(value) for key, value in result.items()}
    if isinstance(result, list | tuple):
        return [to_data(value) for value in result]
    if isinstance(result, float) and not math.isfinite(result):
        return None
    if isinstance(result, date):
        return result.isoformat()
    return result


def to_json(result: Any) -> str:
    """A result dataclass as an indented JSON document."""
    return json.dumps(to_data(result), ensure_ascii=False, indent=2)


def _number(value: float | None, digits: int = 4) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def did_text(result: DidResult) -> str:
    """A difference-in-differences result as text; always names the variance type."""
    lines = [
        "Difference-in-differences (behandlet × efter)",
        f"  Estimat:            {_number(result.estimate)}",
        f"  Standardfejl:       {_number(result.std_error)}",
        f"  Variansestimator:   {result.vcov} – {result.vcov_label}",
        f"  95 %-konf.interval: [{_number(result.ci_low)}; {_number(result.ci_high)}]",
        f"  p-værdi:            {_number(result.p_value)}",
        f"  n:                  {result.n}",
    ]
    if result.n_units is not None:
        lines.append(
            f"  Enheder:            {result.n_units} ({result.n_treated_units} behandlede)"
        )
    if result.n_clusters is not None:
        lines.append(f"  Klynger:            {result.n_clusters}")
    if result.fixed_effects:
        lines.append(f"  Faste effekter:     {', '.join(result.fixed_effects)}")
    if result.controls:
        lines.append(f"  Kontrolvariable:    {', '.join(result.controls)}")
    if result.permutation is not None:
        test = result.permutation
        count = test.n_assignments
        kind = f"alle {count}" if test.exhaustive else f"{count} tilfældige"
        lines.append(f"  Permutationstest:   p = {_number(test.p_value)} ({kind} tildelinger)")
    if result.caveat:
        lines.append(f"  OBS: {result.caveat}")
    return "\n".join(lines)


def event_study_text(result: EventStudyResult) -> str:
    """An event study as a table of periods."""
    lines = [f"Eventstudie (reference: periode {result.reference}, varians: {result.vcov})"]
    lines.append("  periode  relativ   estimat  std.fejl  [95 %-interval]")
    for p in result.points:
        lines.append(
            f"  {p.label:>7}  {p.relative:>7}  {p.estimate:>8.4f}  {p.std_error:>8.4f}"
            f"  [{p.ci_low:.4f}; {p.ci_high:.4f}]"
        )
    return "\n".join(lines)


def staggered_text(result: StaggeredResult) -> str:
    """Callaway–Sant'Anna group-time effects, overall effect and event study as text."""
    lines = [
        f"Callaway–Sant'Anna (kontrolgruppe: {result.control_group}, metode: {result.method})",
        f"  Varians: {result.vcov}; n = {result.n} ({result.n_units} enheder)",
        "  gruppe  periode   ATT(g,t)  std.fejl",
    ]
    for e in result.effects:
        lines.append(f"  {e.group:>6}  {e.time:>7}  {e.estimate:>9.4f}  {e.std_error:>8.4f}")
    lines.append(
        f"  Samlet ATT: {_number(result.overall_estimate)} (std.fejl "
        f"{_number(result.overall_std_error)}; [{_number(result.overall_ci_low)}; "
        f"{_number(result.overall_ci_high)}])"
    )
    lines.append("  Efter tid siden start:")
    for p in result.event_study:
        lines.append(f"  {p.relative:>6}  {p.estimate:>9.4f}  {p.std_error:>8.4f}")
    return "\n".join(lines)


def comparison_text(result: SurvivalComparison) -> str:
    """Survival per group, then the log-rank test."""
    parts = [f"Gruppe: {g.group}\n{survival_text(g.result)}" for g in result.groups]
    parts.append(
        f"Log-rank-test: χ² = {result.logrank_statistic:.2f} (df = {result.logrank_df}), "
        f"p = {_number(result.logrank_p_value)}"
    )
    return "\n".join(parts)


def survival_text(result: SurvivalResult) -> str:
    """Kaplan–Meier survival at the requested times, then the whole table."""
    lines = [
        f"Overlevelse (Kaplan–Meier), n = {result.n}, hændelser = {result.n_events}",
        f"  Standardfejl: {result.variance}; konfidensinterval: {result.ci_method}",
        f"  {'tid (' + result.time_unit + ')':>16}  i risiko  overlevelse  std.fejl  interval",
    ]
    for title, rows in (
        ("Ved de valgte tidspunkter:", result.at),
        ("Hele tabellen:", result.table),
    ):
        if not rows:
            continue
        lines.append(f"  {title}")
        for r in rows:
            lines.append(
                f"  {r.time:>16.2f}  {r.at_risk:>8}  {r.survival:>11.4f}  {r.std_error:>8.4f}"
                f"  [{r.ci_low:.4f}; {r.ci_high:.4f}]"
            )
    return "\n".join(lines)


KPI_CSV_HEADER = "cohort,kpi,label,count,total,share,ci_low,ci_high,mean,n,std_error,median"


def _kpi_cells(kpi: Kpi) -> list[str]:
    def cell(value: float | int | None) -> str:
        return "" if value is None else f"{value:.6g}" if isinstance(value, float) else str(value)

    share, mean = kpi.share, kpi.mean
    return [
        cell(share.count if share else None),
        cell(share.total if share else None),
        cell(share.share if share else None),
        cell(share.ci_low if share else None),
        cell(share.ci_high if share else None),
        cell(mean.value if mean else None),
        cell(mean.n if mean else None),
        cell(mean.std_error if mean else None),
        cell(mean.median if mean else None),
    ]


def kpis_csv(result: KpiResult) -> str:
    """One CSV row per cohort and KPI: shares with Wilson limits, means with n and SE."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(KPI_CSV_HEADER.split(","))
    for cohort in result.cohorts:
        for kpi in cohort.kpis:
            writer.writerow([cohort.cohort, kpi.name, kpi.label, *_kpi_cells(kpi)])
    return buffer.getvalue().rstrip("\n")


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f} %"


def kpis_text(result: KpiResult) -> str:
    """KPIs per cohort as text: shares in per cent with the Wilson interval, means with n."""
    lines = [f"Nøgletal {result.months} måneder efter start (data til {result.as_of})"]
    for cohort in result.cohorts:
        lines.append(f"Kohorte: {cohort.cohort} (n = {cohort.n})")
        for kpi in cohort.kpis:
            if kpi.share is not None:
                s = kpi.share
                lines.append(
                    f"  {kpi.label}: {_percent(s.share)} ({s.count}/{s.total}; "
                    f"95 % Wilson [{_percent(s.ci_low)}; {_percent(s.ci_high)}])"
                )
            elif kpi.mean is not None:
                m = kpi.mean
                lines.append(f"  {kpi.label}: {_number(m.value, 2)} (n = {m.n}, median "
                             f"{_number(m.median, 2)})")  # fmt: skip
    return "\n".join(lines)
