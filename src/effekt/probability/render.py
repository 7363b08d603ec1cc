"""Renderers of a re-estimation: JSON, Markdown (Danish) and an SVG calibration chart.

Pure: no Django import. All render the same `Reestimation` object; `write_report` is the
only place that writes files.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from effekt.probability.features import S12_ANSWERS
from effekt.probability.metrics import Auc, Calibration
from effekt.probability.reestimate import Effect, Reestimation

STEP_LABELS = {
    "objective": "Objektive karakteristika",
    "bip": "+ BIP-indikatorer",
    "caseworker": "+ Sagsbehandler (S12-vurdering og sagsbehandlerskift)",
}
S12_LABELS = dict(
    zip(
        S12_ANSWERS,
        ("Nej", "Tvivler", "Det svinger", "Gode chancer", "Ja", "Ved ikke"),
        strict=True,
    )
)


def _auc(auc: Auc | None) -> dict[str, Any] | None:
    if auc is None:
        return None
    low, high = auc.interval()
    return {"value": auc.value, "se": auc.se, "low": low, "high": high}


def report_dict(report: Reestimation) -> dict[str, Any]:
    """The report as a JSON-ready dictionary."""
    return {
        "model_version": report.parameters.version,
        "n_obs": report.n_obs,
        "n_events": report.n_events,
        "log_likelihood": report.log_likelihood,
        "pseudo_r2": report.pseudo_r2,
        "auc": _auc(report.auc),
        "brier": report.calibration.brier,
        "calibration": [asdict(b) for b in report.calibration.bins],
        "coefficients": [asdict(c) for c in report.coefficients],
        "explanatory_power": [
            {
                "step": step.name,
                "inputs": list(step.inputs),
                "pseudo_r2": step.pseudo_r2,
                "auc": _auc(step.auc),
                "error": step.error,
            }
            for step in report.steps
        ],
        "belief_step": asdict(report.belief_step) if report.belief_step else None,
        "caseworker_change": asdict(report.caseworker_change) if report.caseworker_change else None,
        "s12_rates": report.parameters.s12_rates(),
        "notes": list(report.notes),
    }


def _pct(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{100 * value:.{digits}f} %".replace(".", ",")


def _num(value: float, digits: int = 3) -> str:
    return f"{value:.{digits}f}".replace(".", ",")


def _effect_line(label: str, effect: Effect | None) -> str:
    if effect is None:
        return f"- {label}: kunne ikke estimeres."
    return (
        f"- {label}: oddsratio {_num(effect.odds_ratio, 2)} "
        f"(95 %-KI {_num(effect.odds_ratio_low, 2)}–{_num(effect.odds_ratio_high, 2)}); "
        f"ændrer chancen med {_pct(effect.relative, 0)} relativt "
        f"({_num(100 * effect.absolute, 1)} procentpoint)."
    )


def report_markdown(report: Reestimation) -> str:
    """The report in Danish Markdown."""
    low, high = report.auc.interval()
    lines = [
        f"# Jobsandsynlighedsmodel {report.parameters.version}",
        "",
        f"Estimeret på {report.n_obs} borgere, heraf {report.n_events} i job eller uddannelse "
        "inden for 12 måneder.",
        "",
        f"- Log-likelihood: {_num(report.log_likelihood, 2)}",
        f"- Pseudo-R² (McFadden): {_num(report.pseudo_r2)}",
        f"- AUC: {_num(report.auc.value)} (standardfejl {_num(report.auc.se)}, "
        f"95 %-KI {_num(low)}–{_num(high)})",
        f"- Brier-score: {_num(report.calibration.brier, 4)}",
        "",
        "## Forklaringskraft",
        "",
        "| Model | Pseudo-R² | AUC |",
        "|---|---|---|",
    ]
    for step in report.steps:
        r2 = "–" if step.pseudo_r2 is None else _num(step.pseudo_r2)
        auc = "–" if step.auc is None else _num(step.auc.value)
        lines.append(f"| {STEP_LABELS[step.name]} | {r2} | {auc} |")
    lines += [f"\n{step.name}: {step.error}" for step in report.steps if step.error]
    lines += ["", "## Sagsbehandlerens betydning", ""]
    lines.append(_effect_line("Et trin op i sagsbehandlerens tro på job (S12)", report.belief_step))
    lines.append(_effect_line("Sagsbehandlerskift", report.caseworker_change))
    lines += ["", "## Forudsagt jobchance efter S12-svar (referenceborger)", ""]
    lines += ["| S12 | Jobchance |", "|---|---|"]
    for answer, rate in report.parameters.s12_rates().items():
        lines.append(f"| {S12_LABELS[answer]} | {_pct(rate)} |")
    lines += ["", "## Koefficienter", "", "| Variabel | Estimat | Std.fejl | 95 %-KI | p |"]
    lines.append("|---|---|---|---|---|")
    for c in report.coefficients:
        lines.append(
            f"| {c.name} | {_num(c.estimate)} | {_num(c.se)} | "
            f"{_num(c.low)} til {_num(c.high)} | {_num(c.p_value, 4)} |"
        )
    lines += ["", "## Kalibrering", "", "![Kalibrering](calibration.svg)", ""]
    lines += [f"- {note}" for note in report.notes]
    return "\n".join(lines).rstrip() + "\n"


def calibration_svg(calibration: Calibration, size: int = 320) -> str:
    """A calibration chart: observed share (y) against mean predicted probability (x)."""
    margin = 48
    top = max([0.05, *(max(b.predicted, b.observed) for b in calibration.bins)])
    top = min(1.0, top * 1.1)
    inner = size - 2 * margin

    def x(value: float) -> float:
        return margin + inner * value / top

    def y(value: float) -> float:
        return size - margin - inner * value / top

    points = "".join(
        f'<circle cx="{x(b.predicted):.1f}" cy="{y(b.observed):.1f}" r="4" fill="#1f5fa8"/>'
        for b in calibration.bins
    )
    label = escape(f"Kalibrering (Brier {_num(calibration.brier, 4)})")
    ticks = "".join(
        f'<text x="{x(v):.1f}" y="{y(0) + 14:.1f}" font-size="10" text-anchor="middle">'
        f"{_pct(v, 0)}</text>"
        f'<text x="{margin - 4}" y="{y(v) + 3:.1f}" font-size="10" text-anchor="end">'
        f"{_pct(v, 0)}</text>"
        for v in (0.0, top / 2, top)
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
        f'viewBox="0 0 {size} {size}" role="img" aria-label="{label}">'
        f'<rect width="{size}" height="{size}" fill="white"/>'
        f'<line x1="{x(0):.1f}" y1="{y(0):.1f}" x2="{x(top):.1f}" y2="{y(top):.1f}" '
        'stroke="#999" stroke-dasharray="4 4"/>'
        f'<line x1="{margin}" y1="{y(0):.1f}" x2="{x(top):.1f}" y2="{y(0):.1f}" stroke="#333"/>'
        f'<line x1="{margin}" y1="{y(0):.1f}" x2="{margin}" y2="{y(top):.1f}" stroke="#333"/>'
        f'<text x="{size / 2}" y="{size - 8}" text-anchor="middle" font-size="12">'
        "Forudsagt sandsynlighed</text>"
        f'<text x="12" y="{size / 2}" font-size="12" text-anchor="middle" '
        f'transform="rotate(-90 12 {size / 2})">Observeret andel</text>'
        f'<text x="{size / 2}" y="20" text-anchor="middle" font-size="13">{label}</text>'
        f"{ticks}{points}</svg>\n"
    )


def write_report(report: Reestimation, directory: Path) -> list[Path]:
    """Write report.json, report.md and calibration.svg into `directory`."""
    directory.mkdir(parents=True, exist_ok=True)
    files = {
        "report.json": json.dumps(report_dict(report), indent=1, ensure_ascii=False) + "\n",
        "report.md": report_markdown(report),
        "calibration.svg": calibration_svg(report.calibration),
    }
    for name, text in files.items():
        (directory / name).write_text(text, encoding="utf-8")
    return [directory / name for name in files]
