"""Ending categories ("afslutningskategorier"): required details and allowed-when rules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Detail = Literal["industry", "hours_per_week", "education", "reason"]


@dataclass(frozen=True)
class EndingCategory:
    code: str
    label: str
    required: tuple[Detail, ...] = ()
    rule: Literal[
        "", "nothing_established", "documentation_goal", "sickness_recovery", "retention"
    ] = ""
    counts_as_established: bool = False


CATEGORIES: tuple[EndingCategory, ...] = (
    EndingCategory(
        "ordinaert_job", "Ordinært job", ("industry", "hours_per_week"), counts_as_established=True
    ),
    EndingCategory("uddannelse", "Uddannelse", ("education",), counts_as_established=True),
    EndingCategory(
        "fleksjob", "Fleksjob", ("industry", "hours_per_week"), counts_as_established=True
    ),
    EndingCategory("virksomhedspraktik", "Virksomhedspraktik", counts_as_established=True),
    EndingCategory("loentilskud", "Løntilskud", counts_as_established=True),
    EndingCategory("vikartimer", "Vikartimer", counts_as_established=True),
    EndingCategory("uddannelsesparat", "Uddannelsesparat"),
    EndingCategory("arbejdsmarkedsparat", "Arbejdsmarkedsparat"),
    EndingCategory("anden_stoette", "Anden støtte", rule="nothing_established"),
    EndingCategory("oeget_mestring", "Øget mestringskompetence", rule="nothing_established"),
    EndingCategory(
        "dokumentation_arbejdsevne",
        "Dokumentation af arbejds- eller funktionsevne gennemført",
        rule="documentation_goal",
    ),
    EndingCategory("ikke_gennemfoert", "Forløb ikke gennemført", ("reason",)),
    EndingCategory("afbrudt", "Afbrudt", ("reason",)),
    EndingCategory("raskmeldt", "Raskmeldt", rule="sickness_recovery"),
    EndingCategory("fastholdt", "Fastholdt", rule="retention"),
    EndingCategory("ikke_fastholdt", "Ikke fastholdt", rule="retention"),
)
BY_CODE = {c.code: c for c in CATEGORIES}
CHOICES = [(c.code, c.label) for c in CATEGORIES]
DETAIL_LABELS: dict[str, str] = {
    "industry": "branche (DB07)",
    "hours_per_week": "timer pr. uge",
    "education": "uddannelse",
    "reason": "årsag",
}
RETENTION_COURSE_TYPES = frozenset({"mentor", "eftervaern"})
SICKNESS_COURSE_TYPES = frozenset({"sygedagpengeforloeb"})


@dataclass(frozen=True)
class EndingContext:
    """What the allowed-when rules need to know about the course."""

    course_type: str
    result_goal: frozenset[str]
    established: bool = False  # praktik, job or education was set up during the course


def ending_errors(code: str, details: dict[str, object], context: EndingContext) -> dict[str, str]:
    """Field name -> Danish message for each broken rule; empty when the ending is valid."""
    category = BY_CODE.get(code)
    if category is None:
        return {"category": f"Ukendt afslutningskategori {code!r}."}
    errors: dict[str, str] = {}
    for detail in category.required:
        value = details.get(detail)
        if value is None or (isinstance(value, str) and not value.strip()):
            errors[detail] = f"«{category.label}» kræver {DETAIL_LABELS[detail]}."
    hours = details.get("hours_per_week")
    if (
        "hours_per_week" in category.required
        and isinstance(hours, int | float)
        and not 0 < hours <= 80
    ):
        errors["hours_per_week"] = "Timer pr. uge skal være mellem 0 og 80."
    rule_error = _rule_error(category, context)
    if rule_error:
        errors["category"] = rule_error
    return errors


def _rule_error(category: EndingCategory, context: EndingContext) -> str | None:
    if category.rule == "nothing_established" and context.established:
        return (
            f"«{category.label}» bruges kun, når der ikke er etableret praktik, job "
            "eller uddannelse."
        )
    if category.rule == "documentation_goal" and category.code not in context.result_goal:
        return (
            f"«{category.label}» bruges kun, når målet er dokumentation af arbejds- "
            "eller funktionsevne."
        )
    if category.rule == "sickness_recovery" and (
        context.course_type not in SICKNESS_COURSE_TYPES or "raskmeldt" not in context.result_goal
    ):
        return "«Raskmeldt» bruges kun i sygedagpengeforløb, hvor målet er raskmelding."
    if category.rule == "retention" and context.course_type not in RETENTION_COURSE_TYPES:
        return f"«{category.label}» bruges kun i mentorforløb eller efterværn."
    return None


def goal_reached(code: str | None, result_goal: frozenset[str] | set[str]) -> bool | None:
    """Did the ending reach the result goal? None while the course has not ended."""
    if code is None:
        return None
    return code in result_goal
