"""Write the hand-computed fixture as a data folder in the documented CSV format."""

from __future__ import annotations

import csv
from pathlib import Path

from effekt.statistics.analysis import BenefitRecord, CourseRecord, FollowUpRecord
from effekt.statistics.analysis.source import COURSE_COLUMNS, OPTIONAL_COURSE_COLUMNS
from tests.statistics.fixtures import (
    hand_computed_benefits,
    hand_computed_courses,
    hand_computed_follow_ups,
)


def _write(path: Path, header: list[str], rows: list[list[object]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(["" if value is None else value for value in row] for row in rows)


def _course_row(c: CourseRecord) -> list[object]:
    return [
        c.course_id, c.person_id, c.municipality_code, c.supplier, c.course_type,
        c.target_group, c.distance, c.start_date, c.planned_end_date, c.actual_end_date,
        c.extensions, str(c.ended_early).lower(), c.ending_category,
        ";".join(sorted(c.result_goal)),
    ]  # fmt: skip


def write_folder(
    folder: Path,
    courses: list[CourseRecord] | None = None,
    follow_ups: list[FollowUpRecord] | None = None,
    benefits: list[BenefitRecord] | None = None,
) -> Path:
    """courses.csv, measurements.csv, follow_ups.csv and benefits.csv in `folder`."""
    courses = hand_computed_courses() if courses is None else courses
    folder.mkdir(parents=True, exist_ok=True)
    _write(
        folder / "courses.csv",
        [*COURSE_COLUMNS, *OPTIONAL_COURSE_COLUMNS],
        [_course_row(c) for c in courses],
    )
    _write(
        folder / "measurements.csv",
        ["course_id", "point", "date", "indicator", "citizen", "caseworker"],
        [
            [c.course_id, m.point, m.date, s.indicator, s.citizen, s.caseworker]
            for c in courses
            for m in c.measurements
            for s in m.scores
        ],
    )
    _write(
        folder / "follow_ups.csv",
        ["course_id", "months", "on_public_support"],
        [
            [f.course_id, f.months, str(f.on_public_support).lower()]
            for f in (hand_computed_follow_ups() if follow_ups is None else follow_ups)
        ],
    )
    _write(
        folder / "benefits.csv",
        ["person_id", "benefit", "start_date", "end_date"],
        [
            [b.person_id, b.benefit, b.start_date, b.end_date]
            for b in (hand_computed_benefits() if benefits is None else benefits)
        ],
    )
    return folder
