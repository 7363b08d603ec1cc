"""Hand-built SVG charts (no JavaScript, no chart library), used on screen and in the PDF."""

from __future__ import annotations

from html import escape

from effekt.statistics.render.text import number

COLOURS = {"progression": "#2e7d32", "stagnation": "#9e9e9e", "regression": "#c62828"}
LABEL_WIDTH, BAR_WIDTH, ROW_HEIGHT = 290, 360, 22


def _text(x: float, y: float, content: str, anchor: str = "start", size: int = 11) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
        f'font-family="DejaVu Sans, sans-serif">{escape(content)}</text>'
    )


def _svg(width: int, height: int, title: str, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">'
        f"<title>{escape(title)}</title>{''.join(body)}</svg>"
    )


def stacked_bars(title: str, rows: list[tuple[str, float, float, float]]) -> str:
    """100 % bars of progression, stagnation and regression (fractions) per labelled row."""
    body = []
    legend_y = 14
    for index, (name, colour) in enumerate(COLOURS.items()):
        left = LABEL_WIDTH + index * 120
        body.append(f'<rect x="{left}" y="4" width="12" height="12" fill="{colour}"/>')
        body.append(_text(left + 16, legend_y, name.capitalize()))
    for index, (label, *shares) in enumerate(rows):
        y = 26 + index * ROW_HEIGHT
        body.append(_text(LABEL_WIDTH - 6, y + 14, label[:44], anchor="end"))
        x = float(LABEL_WIDTH)
        for share, colour in zip(shares, COLOURS.values(), strict=True):
            width = BAR_WIDTH * share
            body.append(
                f'<rect x="{x:.1f}" y="{y + 2}" width="{width:.1f}" height="{ROW_HEIGHT - 6}" '
                f'fill="{colour}"/>'
            )
            if share >= 0.08:
                body.append(_text(x + width / 2, y + 14, f"{number(100 * share, 0)} %", "middle"))
            x += width
    height = 30 + len(rows) * ROW_HEIGHT
    return _svg(LABEL_WIDTH + BAR_WIDTH + 10, height, title, body)


def comparison_bars(title: str, rows: list[tuple[str, float | None, float | None]]) -> str:
    """Pairs of bars (this period dark, previous period light) for shares 0-1."""
    body = [
        f'<rect x="{LABEL_WIDTH}" y="4" width="12" height="12" fill="#1565c0"/>',
        _text(LABEL_WIDTH + 16, 14, "Denne periode"),
        f'<rect x="{LABEL_WIDTH + 130}" y="4" width="12" height="12" fill="#90caf9"/>',
        _text(LABEL_WIDTH + 146, 14, "Forrige periode"),
    ]
    for index, (label, current, previous) in enumerate(rows):
        y = 26 + index * (ROW_HEIGHT + 8)
        body.append(_text(LABEL_WIDTH - 6, y + 14, label[:44], anchor="end"))
        for offset, value, colour in ((0, current, "#1565c0"), (12, previous, "#90caf9")):
            if value is None:
                continue
            width = BAR_WIDTH * value
            body.append(
                f'<rect x="{LABEL_WIDTH}" y="{y + offset}" width="{width:.1f}" height="11" '
                f'fill="{colour}"/>'
            )
            body.append(
                _text(
                    LABEL_WIDTH + width + 4, y + offset + 10, f"{number(100 * value, 1)} %", size=9
                )
            )
    height = 30 + len(rows) * (ROW_HEIGHT + 8)
    return _svg(LABEL_WIDTH + BAR_WIDTH + 60, height, title, body)
