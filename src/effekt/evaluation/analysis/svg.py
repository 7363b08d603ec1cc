"""A plain SVG chart of an event study (points with confidence bars), for web and PDF."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from effekt.evaluation.analysis.event_study import EventPoint

WIDTH = 640
HEIGHT = 360
MARGIN = 56


def event_study_svg(points: Sequence[EventPoint], title: str = "Eventstudie") -> str:
    """Render effects by period as an SVG string: one circle per point (with `data-label`,
    `data-estimate`), a vertical confidence bar, a dashed zero line and period labels."""
    if not points:
        raise ValueError("eventstudiet har ingen punkter")
    low = min(min(p.ci_low for p in points), 0.0)
    high = max(max(p.ci_high for p in points), 0.0)
    span = (high - low) or 1.0
    low, high = low - 0.05 * span, high + 0.05 * span
    step = (WIDTH - 2 * MARGIN) / max(len(points) - 1, 1)

    def x(index: int) -> float:
        return MARGIN + index * step

    def y(value: float) -> float:
        return MARGIN + (high - value) / (high - low) * (HEIGHT - 2 * MARGIN)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f'<line x1="{MARGIN}" x2="{WIDTH - MARGIN}" y1="{y(0.0):.1f}" y2="{y(0.0):.1f}" '
        'stroke="#888" stroke-dasharray="4 4"/>',
        f'<text x="{MARGIN - 8}" y="{y(high):.1f}" text-anchor="end" font-size="11">'
        f"{high:.3g}</text>",
        f'<text x="{MARGIN - 8}" y="{y(low):.1f}" text-anchor="end" font-size="11">'
        f"{low:.3g}</text>",
    ]
    for index, point in enumerate(points):
        cx = x(index)
        parts.append(
            f'<line x1="{cx:.1f}" x2="{cx:.1f}" y1="{y(point.ci_low):.1f}" '
            f'y2="{y(point.ci_high):.1f}" stroke="#1f4e79"/>'
        )
        parts.append(
            f'<circle cx="{cx:.1f}" cy="{y(point.estimate):.1f}" r="4" fill="#1f4e79" '
            f'data-label="{escape(point.label)}" data-relative="{point.relative}" '
            f'data-estimate="{point.estimate:.6g}"/>'
        )
        parts.append(
            f'<text x="{cx:.1f}" y="{HEIGHT - MARGIN + 18}" text-anchor="middle" '
            f'font-size="11">{escape(point.label)}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)
