"""A KPI's trajectory against its target as a small hand-built SVG (server side, no JS)."""

from __future__ import annotations

from datetime import date
from html import escape

from effekt.evaluation.services.kpi_status import KpiStatus

WIDTH, HEIGHT = 520, 220
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 40


def _number(value: float) -> str:
    return (
        f"{value:,.0f}".replace(",", ".") if abs(value) >= 10 else f"{value:.1f}".replace(".", ",")
    )


def kpi_chart(status: KpiStatus, start: date, end: date) -> str:
    """The measured values (line with dots), the expected path to the target (dashed) and
    the target (thin line), with the period on the x axis."""
    values = [p.value for p in status.points if p.value is not None]
    top = max([status.target, *values, 0.0]) * 1.15 or 1.0
    bottom = min([0.0, *values]) * 1.15
    span = (end - start).days or 1

    def x(day: date) -> float:
        return LEFT + (WIDTH - LEFT - RIGHT) * (day - start).days / span

    def y(value: float) -> float:
        return TOP + (HEIGHT - TOP - BOTTOM) * (top - value) / (top - bottom)

    expected_end = status.target
    expected_start = status.target if status.kind == "share" else 0.0
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" class="kpi-chart">',
        f"<title>{escape(status.name)}: udvikling mod målet {_number(status.target)}</title>",
        f'<line x1="{LEFT}" y1="{y(0):.1f}" x2="{WIDTH - RIGHT}" y2="{y(0):.1f}" stroke="#888"/>',
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{HEIGHT - BOTTOM}" stroke="#888"/>',
        f'<line x1="{LEFT}" y1="{y(status.target):.1f}" x2="{WIDTH - RIGHT}" '
        f'y2="{y(status.target):.1f}" stroke="#008139" stroke-width="1" />',
        f'<text x="{LEFT - 4}" y="{y(status.target) + 4:.1f}" font-size="11" '
        f'text-anchor="end">{_number(status.target)}</text>',
        f'<line x1="{x(start):.1f}" y1="{y(expected_start):.1f}" x2="{x(end):.1f}" '
        f'y2="{y(expected_end):.1f}" stroke="#008139" stroke-dasharray="5 4" '
        'class="expected"/>',
        f'<text x="{LEFT}" y="{HEIGHT - 22}" font-size="11">{start:%d.%m.%Y}</text>',
        f'<text x="{WIDTH - RIGHT}" y="{HEIGHT - 22}" font-size="11" '
        f'text-anchor="end">{end:%d.%m.%Y}</text>',
        f'<text x="{LEFT - 4}" y="{y(0) + 4:.1f}" font-size="11" text-anchor="end">0</text>',
    ]
    measured = [(x(p.day), y(p.value)) for p in status.points if p.value is not None]
    if measured:
        path = " ".join(f"{px:.1f},{py:.1f}" for px, py in measured)
        parts.append(
            f'<polyline points="{path}" fill="none" stroke="#0059b3" stroke-width="2" '
            'class="measured"/>'
        )
        parts.extend(
            f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3.5" fill="#0059b3"/>' for px, py in measured
        )
    parts.append(
        f'<text x="{WIDTH / 2:.0f}" y="{HEIGHT - 6}" font-size="11" text-anchor="middle">'
        "Blå: målt · stiplet: forventet forløb · grøn: mål</text>"
    )
    parts.append("</svg>")
    return "".join(parts)
