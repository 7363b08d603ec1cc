"""Synthetic courses for demos, documentation and benchmarks (not for statistical claims).

Deterministic for a given seed. Pure: no Django import.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from effekt.bip import IndicatorScore
from effekt.statistics.analysis.records import (
    ENDING_CATEGORIES,
    PUBLIC_SUPPORT_BENEFITS,
    BenefitRecord,
    CourseRecord,
    MeasurementRecord,
)

SUPPLIERS = ("Leverandør A", "Leverandør B", "Leverandør C")
COURSE_TYPES = ("mentor", "mestringsforloeb", "sygedagpengeforloeb")
MUNICIPALITIES = ("101", "751", "851")
CODES = tuple(ENDING_CATEGORIES)


def _scores(rng: np.random.Generator, means: np.ndarray) -> list[float | None]:
    values = np.clip(np.round(means + rng.normal(0, 0.4, size=means.shape), 1), 1, 5)
    missing = rng.random(size=means.shape) < 0.1
    return [None if gone else float(v) for v, gone in zip(values, missing, strict=True)]


def _measurements(
    rng: np.random.Generator, start: dt.date, final: bool
) -> tuple[MeasurementRecord, ...]:
    indicators = [int(i) for i in np.sort(rng.choice(11, size=5, replace=False) + 1)]
    base = rng.uniform(1.5, 4.0, size=5)
    gain = rng.normal(0.2, 0.6) + rng.normal(0, 0.4, size=5)
    points = [("baseline", 0, 0.0), ("midway", 6, 0.5)] + ([("final", 12, 1.0)] if final else [])
    measurements = []
    for point, weeks, share in points:
        citizen, caseworker = _scores(rng, base + share * gain), _scores(rng, base + share * gain)
        measurements.append(
            MeasurementRecord(
                point=point,  # type: ignore[arg-type]
                date=start + dt.timedelta(weeks=weeks),
                scores=tuple(map(IndicatorScore, indicators, citizen, caseworker)),
            )
        )
    return tuple(measurements)


def synthetic_courses(count: int, year: int = 2024, seed: int = 1) -> list[CourseRecord]:
    """`count` courses starting over `year` - 1 and `year`, 5 indicators and 2-3 measurements."""
    rng = np.random.default_rng(seed)
    first = dt.date(year - 1, 10, 1)
    offsets = rng.integers(0, 450, size=count)
    draws = rng.random(size=(count, 4))
    endings = rng.integers(0, len(CODES), size=count)
    pick = rng.integers(0, 3, size=(count, 2))
    courses = []
    for number in range(count):
        start = first + dt.timedelta(days=int(offsets[number]))
        end = start + dt.timedelta(weeks=13)
        courses.append(
            CourseRecord(
                course_id=f"F{number:07d}",
                person_id=f"B{number:07d}",
                municipality_code=MUNICIPALITIES[number % 3],
                supplier=SUPPLIERS[pick[number, 0]],
                course_type=COURSE_TYPES[pick[number, 1]],
                target_group="kontanthjaelp",
                distance="langt" if draws[number, 0] < 0.5 else "taet",
                start_date=start,
                planned_end_date=end,
                actual_end_date=end,
                extensions=int(draws[number, 1] < 0.15),
                ended_early=False,
                ending_category=CODES[endings[number]] if draws[number, 2] < 0.95 else None,
                result_goal=frozenset({"ordinaert_job", "uddannelse"}),
                measurements=_measurements(rng, start, final=bool(draws[number, 3] < 0.85)),
            )
        )
    return courses


def synthetic_benefits(courses: list[CourseRecord], seed: int = 2) -> list[BenefitRecord]:
    """About a third of the citizens back on a public-support benefit after their course."""
    rng = np.random.default_rng(seed)
    benefits = sorted(PUBLIC_SUPPORT_BENEFITS)
    return [
        BenefitRecord(
            course.person_id,
            benefits[int(rng.integers(0, len(benefits)))],
            course.actual_end_date + dt.timedelta(days=int(rng.integers(1, 200))),
            None,
        )
        for course in courses
        if course.actual_end_date is not None and rng.random() < 0.35
    ]
