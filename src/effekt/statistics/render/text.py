"""Danish wording shared by every renderer: labels, numbers and the method description."""

from __future__ import annotations

from effekt.statistics.analysis.classification import MethodParameters
from effekt.statistics.analysis.periods import Period
from effekt.statistics.analysis.records import Filters
from effekt.statistics.analysis.results import Share

PERSPECTIVE_LABELS = {
    "citizen": "Borgerens besvarelse",
    "caseworker": "Medarbejderens besvarelse",
    "combined": "Kombineret (gennemsnit af borger og medarbejder)",
}
OUTCOME_LABELS = {
    "progression": "Progression",
    "stagnation": "Stagnation",
    "regression": "Regression",
}
FILTER_LABELS = {
    "municipality": "Kommune",
    "supplier": "Leverandør",
    "course_type": "Forløbstype",
    "target_group": "Målgruppe",
    "distance": "Afstand til arbejdsmarkedet",
}
SD_SOURCES = {
    "configured": "konfigureret",
    "reference_population": "forløbene i opgørelsen",
    "standard_error_configured": "konfigureret SE",
}


def number(value: float, decimals: int = 2) -> str:
    """A number with a Danish decimal comma."""
    return f"{value:.{decimals}f}".replace(".", ",").replace("-", "−")


def percent(share: Share) -> str:
    """A share as "33,3 %" or "–" when nothing was measured."""
    value = share.value
    return "–" if value is None else f"{number(100 * value, 1)} %"


def difference(current: Share, previous: Share) -> str:
    """The change in percentage points from the previous period, or "–"."""
    if current.value is None or previous.value is None:
        return "–"
    change = 100 * (current.value - previous.value)
    return f"{'+' if change >= 0 else ''}{number(change, 1)} pp"


def period_text(period: Period) -> str:
    """A period as "2024Q1 (01-01-2024 – 31-03-2024)"."""
    return f"{period.label} ({period.start:%d-%m-%Y} – {period.end:%d-%m-%Y})"


def filters_text(filters: Filters) -> str:
    """The active filters, or "Ingen filtre"."""
    parts = [
        f"{label}: {', '.join(getattr(filters, name))}"
        for name, label in FILTER_LABELS.items()
        if getattr(filters, name)
    ]
    return "; ".join(parts) or "Ingen filtre"


def method_text(params: MethodParameters) -> str:
    """The classification method and its parameters, printed with every figure."""
    if params.method == "threshold":
        threshold = number(params.threshold or 0)
        return (
            f"Tærskel: progression ved ændring ≥ +{threshold}, regression ved ≤ −{threshold} point"
        )
    parts = [f"RCI (Jacobson–Truax): |RC| > {number(params.criterion or 0)}"]
    if params.standard_deviation is not None:
        source = SD_SOURCES[params.sd_source or "configured"]
        parts.append(f"SD {number(params.standard_deviation)} ({source})")
    if params.reliability is not None:
        parts.append(f"r {number(params.reliability)}")
    if params.standard_error is not None:
        parts.append(f"SE {number(params.standard_error)}")
    if params.standard_error_of_difference is None:
        parts.append("SD kunne ikke beregnes")
    else:
        parts.append(f"S_diff {number(params.standard_error_of_difference)}")
        parts.append(f"kritisk ændring {number(params.critical_change or 0)} point")
    return "; ".join(parts)
