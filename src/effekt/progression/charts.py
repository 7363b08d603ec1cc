"""Server-rendered SVG charts of a course's indicator scores. Pure: no Django import.

Charts use the 1–5 BIP scale, black-and-white-safe markers and dash patterns so that they
stay readable when printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

SCALE_MIN, SCALE_MAX = 1.0, 5.0
SERIES: tuple[tuple[str, str, str], ...] = (
    # key, Danish label, stroke-dasharray
    ("citizen", "Borger", "4 3"),
    ("caseworker", "Medarbejder", "1 3"),
    ("combined", "Samlet", ""),
)


@dataclass(frozen=True)
class ChartPoint:
    """One measurement on the x axis with its scores per perspective."""

    label: str
    citizen: float | None
    caseworker: float | None
    combined: float | None

    def get(self, key: str) -> float | None:
        value: float | None = getattr(self, key)
        return value


def _y(value: float, top: float, height: float) -> float:
    return top + height * (SCALE_MAX - value) / (SCALE_MAX - SCALE_MIN)


def _fmt(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def _grid(left: float, top: float, width: float, height: float) -> list[str]:
    parts: list[str] = []
    for step in range(int(SCALE_MIN), int(SCALE_MAX) + 1):
        y = _y(step, top, height)
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{left + width}" y2="{y:.1f}" '
            'stroke="#ccc" stroke-width="1"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11">{step}</text>'
        )
    return parts


def _title_lines(title: str, limit: int = 48) -> list[str]:
    """The title on one line, or two when it is long (split at a space)."""
    if len(title) <= limit:
        return [title]
    cut = title.rfind(" ", 0, limit)
    cut = cut if cut > 0 else limit
    return [title[:cut], title[cut:].strip()]


def indicator_chart(title: str, points: Sequence[ChartPoint]) -> str:
    """Scores of one indicator over the measurements: a line per perspective."""
    left, top, width, height = 30.0, 36.0, 260.0, 120.0
    lines = _title_lines(title)
    step = width / max(len(points) - 1, 1)
    xs = [left + (step * i if len(points) > 1 else width / 2) for i in range(len(points))]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 210" width="320" height="210"'
        f' role="img" aria-label="{escape(title)}" class="progression-chart">',
        f"<title>{escape(title)}</title>",
        *(
            f'<text x="4" y="{13 + 14 * i}" font-size="12" font-weight="bold">{escape(line)}</text>'
            for i, line in enumerate(lines)
        ),
        *_grid(left, top, width, height),
    ]
    for x, point in zip(xs, points, strict=True):
        parts.append(
            f'<text x="{x:.1f}" y="{top + height + 16}" text-anchor="middle" font-size="11">'
            f"{escape(point.label)}</text>"
        )
    for index, (key, label, dash) in enumerate(SERIES):
        coords = [
            (x, _y(value, top, height))
            for x, p in zip(xs, points, strict=True)
            if (value := p.get(key)) is not None
        ]
        width_px = 2.5 if key == "combined" else 1.5
        if len(coords) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
            parts.append(
                f'<polyline points="{path}" fill="none" stroke="#000" '
                f'stroke-width="{width_px}" stroke-dasharray="{dash}" data-series="{key}"/>'
            )
        parts.extend(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="#000" data-series="{key}"/>'
            for x, y in coords
        )
        legend_x = left + index * 90
        parts.append(
            f'<line x1="{legend_x}" y1="{top + height + 34}" x2="{legend_x + 20}" '
            f'y2="{top + height + 34}" stroke="#000" stroke-width="{width_px}" '
            f'stroke-dasharray="{dash}"/>'
            f'<text x="{legend_x + 24}" y="{top + height + 38}" font-size="11">{label}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


@dataclass(frozen=True)
class ComparisonRow:
    label: str
    baseline: float | None
    latest: float | None


def baseline_latest_chart(rows: Sequence[ComparisonRow], latest_label: str = "Seneste") -> str:
    """Combined score per indicator: a grey bar at baseline, a black bar at the latest."""
    left, top, bar, gap, width = 400.0, 24.0, 9.0, 10.0, 260.0
    height = top + len(rows) * (2 * bar + gap) + 24
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 700 {height:.0f}" width="700" '
        f'height="{height:.0f}" role="img" aria-label="Baseline og {escape(latest_label)}" '
        'class="progression-chart">',
        f"<title>Baseline og {escape(latest_label.lower())} pr. indikator</title>",
        f'<rect x="{left}" y="6" width="12" height="9" fill="#999"/>'
        f'<text x="{left + 16}" y="14" font-size="11">Baseline</text>'
        f'<rect x="{left + 90}" y="6" width="12" height="9" fill="#000"/>'
        f'<text x="{left + 106}" y="14" font-size="11">{escape(latest_label)}</text>',
    ]
    for index, row in enumerate(rows):
        y = top + index * (2 * bar + gap)
        parts.append(
            f'<text x="{left - 6}" y="{y + bar + 4:.1f}" text-anchor="end" font-size="11">'
            f"{escape(row.label)}</text>"
        )
        for offset, value, fill in ((0.0, row.baseline, "#999"), (bar, row.latest, "#000")):
            if value is None:
                continue
            length = width * value / SCALE_MAX
            parts.append(
                f'<rect x="{left}" y="{y + offset:.1f}" width="{length:.1f}" height="{bar}" '
                f'fill="{fill}"/><text x="{left + length + 4:.1f}" y="{y + offset + 8:.1f}" '
                f'font-size="10">{_fmt(value)}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)
