"""Danish text for numbers, and rows ready for templates (web pages and reports alike)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from effekt.evaluation.analysis.shares import Share
from effekt.evaluation.report.svg import kpi_chart
from effekt.evaluation.services.kpi_status import KpiStatus
from effekt.evaluation.surveys.results import Change, WaveResult

KIND_TARGET = {"count": "{} personer/enheder", "share": "{} %", "change": "{} % ændring"}


def number(value: float, decimals: int = 1) -> str:
    """Danish decimal comma and thousands point: 1.234,5."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "X").replace(".", ",").replace("X", ".")


def signed(value: float, decimals: int = 1) -> str:
    return ("+" if value > 0 else "") + number(value, decimals)


def percent(value: float | None, decimals: int = 1) -> str:
    """A share 0..1 as "61,2 %" ("–" when there is nothing to measure)."""
    return "–" if value is None else f"{number(100 * value, decimals)} %"


def share_text(share: Share) -> str:
    """ "61,2 % (95 % KI 52,0–69,5 %; 49 af 80)"."""
    if share.share is None or share.ci_low is None or share.ci_high is None:
        return "ingen svar"
    return (
        f"{percent(share.share)} (95 % KI {number(100 * share.ci_low)}–"
        f"{number(100 * share.ci_high)} %; {share.count} af {share.total})"
    )


def change_text(change: Change) -> str:
    if change.difference is None or change.ci_low is None or change.ci_high is None:
        return "–"
    return (
        f"{signed(100 * change.difference)} procentpoint "
        f"(95 % KI {signed(100 * change.ci_low)} til {signed(100 * change.ci_high)})"
    )


@dataclass(frozen=True)
class KpiRow:
    name: str
    target: str
    latest: str
    latest_label: str
    expected: str
    status: str
    status_label: str
    chart: str
    points: tuple[tuple[str, str, str], ...]


def _value_text(status: KpiStatus, value: float | None, share: Share | None) -> str:
    if value is None:
        return "–"
    if status.kind == "count":
        return number(value, 0)
    if status.kind == "share" and share is not None:
        return share_text(share)
    return f"{signed(value)} %"


def kpi_row(status: KpiStatus, start: date, end: date) -> KpiRow:
    """A KPI for display: target, latest value, expected level, status and chart."""
    decimals = 0 if status.kind == "count" else 1
    latest = status.latest
    return KpiRow(
        name=status.name,
        target=KIND_TARGET[status.kind].format(
            number(status.target, 0 if status.target.is_integer() else 1)
        ),
        latest="–" if latest is None else _value_text(status, latest.value, latest.share),
        latest_label="" if latest is None else f"{latest.label} ({latest.day:%d.%m.%Y})",
        expected="–" if latest is None else number(latest.expected, decimals),
        status=status.status,
        status_label=status.status_label,
        chart=kpi_chart(status, start, end),
        points=tuple(
            (p.label, f"{p.day:%d.%m.%Y}", _value_text(status, p.value, p.share))
            for p in status.points
        ),
    )


@dataclass(frozen=True)
class ItemRow:
    question: str
    text: str
    distribution: str
    dont_know: int
    positive: str


def item_rows(wave: WaveResult) -> list[ItemRow]:
    """Scale items and choice questions of a wave, one row each."""
    rows = []
    for item in wave.items:
        distribution = ", ".join(
            f"{o.label}: {o.share.count}" for o in item.options if o.share.count
        )
        rows.append(
            ItemRow(
                question=item.question,
                text="" if item.text == item.question else item.text,
                distribution=distribution or "ingen svar",
                dont_know=item.dont_know,
                positive="" if item.positive is None else share_text(item.positive),
            )
        )
    return rows


@dataclass(frozen=True)
class EffectRow:
    label: str
    estimate: str
    interval: str
    p_value: str
    variance: str
    n: str
    permutation: str
    caveat: str


def _num(value: object, decimals: int) -> str:
    return "–" if not isinstance(value, int | float) else number(float(value), decimals)


def effect_row(label: str, result: dict[str, object]) -> EffectRow:
    """A stored `DidResult` (as JSON) for display, in Danish number format."""
    units = result.get("n_units")
    treated = result.get("n_treated_units")
    n = f"{result.get('n')} observationer" + (
        f", {units} enheder ({treated} behandlede)" if units is not None else ""
    )
    permutation = result.get("permutation")
    perm_text = ""
    if isinstance(permutation, dict):
        perm_text = (
            f"p = {_num(permutation.get('p_value'), 3)} "
            f"({permutation.get('n_assignments')} tildelinger)"
        )
    return EffectRow(
        label=label,
        estimate=_num(result.get("estimate"), 2),
        interval=f"{_num(result.get('ci_low'), 2)} til {_num(result.get('ci_high'), 2)}",
        p_value=_num(result.get("p_value"), 3),
        variance=str(result.get("vcov_label") or result.get("vcov") or ""),
        n=n,
        permutation=perm_text,
        caveat=str(result.get("caveat") or ""),
    )


def _register_value(kpi: dict[str, object]) -> str:
    share = kpi.get("share")
    if isinstance(share, dict):
        return share_text(
            Share(
                count=int(str(share["count"])),
                total=int(str(share["total"])),
                share=_float(share.get("share")),
                ci_low=_float(share.get("ci_low")),
                ci_high=_float(share.get("ci_high")),
            )
        )
    mean = kpi.get("mean")
    if isinstance(mean, dict) and isinstance(mean.get("value"), int | float):
        spread = mean.get("std_error")
        extra = f", SE {_num(spread, 2)}" if isinstance(spread, int | float) else ""
        return f"{_num(mean['value'], 2)} (n = {mean.get('n')}{extra})"
    return "–"


def _float(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def register_rows(result: dict[str, object]) -> list[tuple[str, int, list[tuple[str, str]]]]:
    """A stored `KpiResult` (as JSON): per cohort its size and each KPI as Danish text."""
    rows = []
    cohorts = result.get("cohorts")
    for cohort in cohorts if isinstance(cohorts, list) else []:
        kpis = [(str(k.get("label")), _register_value(k)) for k in cohort.get("kpis", [])]
        rows.append((str(cohort.get("cohort")), int(cohort.get("n", 0)), kpis))
    return rows
