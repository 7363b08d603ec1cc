"""Plain input records for the steering-group statistics. Pure: no Django import.

A data source (a folder of CSV files, or later the Django database) turns its rows into these
frozen dataclasses; every computation in this package works on them only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from effekt.bip import IndicatorScore
from effekt.core import registers

Point = Literal["baseline", "midway", "final", "early_final"]
POINTS: tuple[Point, ...] = ("baseline", "midway", "final", "early_final")
PerspectiveChoice = Literal["citizen", "caseworker", "combined"]
PERSPECTIVE_CHOICES: tuple[PerspectiveChoice, ...] = ("citizen", "caseworker", "combined")
FollowUpMonths = Literal[3, 6]
FOLLOW_UP_MONTHS: tuple[FollowUpMonths, ...] = (3, 6)
INDICATORS: tuple[int, ...] = tuple(range(1, 12))

# The 16 ending categories of system.md ("Ending status"), code -> Danish label.
ENDING_CATEGORIES: dict[str, str] = {
    "ordinaert_job": "Ordinært job",
    "uddannelse": "Uddannelse",
    "fleksjob": "Fleksjob",
    "virksomhedspraktik": "Virksomhedspraktik",
    "loentilskud": "Løntilskud",
    "vikartimer": "Vikartimer",
    "uddannelsesparat": "Uddannelsesparat",
    "arbejdsmarkedsparat": "Arbejdsmarkedsparat",
    "anden_stoette": "Anden støtte",
    "oeget_mestring": "Øget mestringskompetence",
    "dokumentation_arbejdsevne": "Dokumentation af arbejds- eller funktionsevne gennemført",
    "ikke_gennemfoert": "Forløb ikke gennemført",
    "afbrudt": "Afbrudt",
    "raskmeldt": "Raskmeldt",
    "fastholdt": "Fastholdt",
    "ikke_fastholdt": "Ikke fastholdt",
}

# Benefits that count as "public support" in the follow-up (decision, docs/statistics.md):
# the benefits of the national result target (system.md, module 3).
PUBLIC_SUPPORT_BENEFITS: frozenset[str] = frozenset(registers.PUBLIC_SUPPORT_BENEFITS)


@dataclass(frozen=True)
class MeasurementRecord:
    """One BIP measurement of a course: its point, date and indicator scores."""

    point: Point
    date: dt.date
    scores: tuple[IndicatorScore, ...]


@dataclass(frozen=True)
class CourseRecord:
    """One course ("forløb") with everything the steering-group statistics need."""

    course_id: str
    person_id: str
    municipality_code: str
    supplier: str
    course_type: str
    target_group: str
    distance: str
    start_date: dt.date
    planned_end_date: dt.date
    actual_end_date: dt.date | None
    extensions: int
    ended_early: bool
    ending_category: str | None
    result_goal: frozenset[str]
    measurements: tuple[MeasurementRecord, ...] = ()

    @property
    def reached_goal(self) -> bool:
        """True when the ending category is in the result goal."""
        return self.ending_category is not None and self.ending_category in self.result_goal


@dataclass(frozen=True)
class FollowUpRecord:
    """A follow-up registered by the jobcentre for one course (overrides register data)."""

    course_id: str
    months: FollowUpMonths
    on_public_support: bool


@dataclass(frozen=True)
class BenefitRecord:
    """One row of `benefits` (data-formats.md); `end_date` None means still running."""

    person_id: str
    benefit: str
    start_date: dt.date
    end_date: dt.date | None


@dataclass(frozen=True)
class Filters:
    """Which courses to include; an empty tuple means "all"."""

    municipality: tuple[str, ...] = ()
    supplier: tuple[str, ...] = ()
    course_type: tuple[str, ...] = ()
    target_group: tuple[str, ...] = ()
    distance: tuple[str, ...] = ()

    def accepts(self, course: CourseRecord) -> bool:
        """True when the course passes every filter."""
        checks = (
            (self.municipality, course.municipality_code),
            (self.supplier, course.supplier),
            (self.course_type, course.course_type),
            (self.target_group, course.target_group),
            (self.distance, course.distance),
        )
        return all(not allowed or value in allowed for allowed, value in checks)
