"""Line charts as SVG geometry: monthly shares and 12-month means against the target line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 12, 28


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True)
class Chart:
    """Everything the SVG template draws; coordinates in the viewBox 0 0 WIDTH HEIGHT."""

    title: str
    width: int
    height: int
    monthly: str  # polyline points
    running: str
    target_y: float
    target_label: str
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    plot_left: int
    plot_right: int
    plot_bottom: int


def percent(value: float | None, decimals: int = 1) -> str:
    """A share as a Danish percentage, e.g. 0.8 -> '80,0 %'; '–' when missing."""
    if value is None:
        return "–"
    return f"{value * 100:.{decimals}f} %".replace(".", ",")


def _x(i: int, n: int) -> float:
    span = WIDTH - LEFT - RIGHT
    return round(LEFT + (span * i / (n - 1) if n > 1 else span / 2), 1)


def _y(share: float) -> float:
    return round(TOP + (HEIGHT - TOP - BOTTOM) * (1 - share), 1)


def _points(values: Sequence[float | None]) -> str:
    n = len(values)
    return " ".join(f"{_x(i, n):.1f},{_y(v):.1f}" for i, v in enumerate(values) if v is not None)


def share_chart(
    title: str,
    months: Sequence[str],
    monthly: Sequence[float | None],
    running: Sequence[float | None],
    target: float,
) -> Chart:
    """A chart of `monthly` shares and their 12-month means over `months`, with the target."""
    n = len(months)
    january = [Tick(_x(i, n), m[:4]) for i, m in enumerate(months) if m.endswith("-01")]
    return Chart(
        title=title,
        width=WIDTH,
        height=HEIGHT,
        monthly=_points(monthly),
        running=_points(running),
        target_y=_y(target),
        target_label=percent(target, 0),
        x_ticks=january,
        y_ticks=[Tick(_y(s), percent(s, 0)) for s in (0.0, 0.25, 0.5, 0.75, 1.0)],
        plot_left=LEFT,
        plot_right=WIDTH - RIGHT,
        plot_bottom=HEIGHT - BOTTOM,
    )
