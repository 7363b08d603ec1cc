"""Checks of a contract configuration agreed at the kick-off meeting."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from effekt.progression.rules.schedule import POINT_ORDER, PointSpec

RECOMMENDED_INDICATORS = (4, 6)


@dataclass
class ConfigurationCheck:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def check_course_type(
    name: str,
    length_weeks: int,
    points: Sequence[PointSpec],
    indicators_by_distance: Mapping[str, Sequence[int]],
    known_indicators: set[int] | None = None,
) -> ConfigurationCheck:
    """Errors make the configuration invalid; warnings are shown but accepted."""
    check = ConfigurationCheck()
    known = known_indicators if known_indicators is not None else set(range(1, 12))
    if length_weeks < 1 or length_weeks > 104:
        check.errors.append(f"{name}: længden skal være mellem 1 og 104 uger.")
    kinds = [p.kind for p in points]
    for kind in ("baseline", "final"):
        if kind not in kinds:
            check.errors.append(f"{name}: der skal være en {kind}-måling.")
    if len(kinds) != len(set(kinds)):
        check.errors.append(f"{name}: hvert målepunkt må kun forekomme én gang.")
    for point in points:
        if point.week < 0 or point.week >= length_weeks:
            check.errors.append(
                f"{name}: målepunktet {point.kind} i uge {point.week} ligger uden for forløbet "
                f"(uge 0–{length_weeks - 1})."
            )
        if point.window_before < 0 or point.window_after < 0:
            check.errors.append(f"{name}: vinduet for {point.kind} kan ikke være negativt.")
    weeks = [p.week for p in sorted(points, key=lambda p: POINT_ORDER.index(p.kind))]
    if weeks != sorted(weeks) or len(set(weeks)) != len(weeks):
        check.errors.append(
            f"{name}: målepunkterne skal ligge i rækkefølgen baseline, midtvejs, slut."
        )
    if not indicators_by_distance:
        check.errors.append(f"{name}: vælg indikatorer for mindst én afstand til arbejdsmarkedet.")
    low, high = RECOMMENDED_INDICATORS
    for distance, indicators in indicators_by_distance.items():
        unknown = sorted(set(indicators) - known)
        if unknown:
            check.errors.append(f"{name} ({distance}): ukendte indikatorer {unknown}.")
        if len(set(indicators)) != len(indicators):
            check.errors.append(f"{name} ({distance}): en indikator er valgt to gange.")
        if not low <= len(set(indicators)) <= high:
            check.warnings.append(
                f"{name} ({distance}): {len(set(indicators))} indikatorer; "
                f"der anbefales {low}–{high}."
            )
    return check
