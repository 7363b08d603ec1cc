"""Danish number formats for templates: `{{ 0.104|percent }}` → "10,4 %"."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def percent(value: float | None, decimals: int = 1) -> str:
    if value is None:
        return "–"
    return f"{value * 100:.{decimals}f} %".replace(".", ",")


@register.filter
def points(value: float | None, decimals: int = 1) -> str:
    """A change of a share in percentage points, with its sign."""
    if value is None:
        return "–"
    return f"{value * 100:+.{decimals}f} procentpoint".replace(".", ",").replace("-", "−")
