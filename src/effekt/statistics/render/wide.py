"""The wide export for Stata/R users: one row per course with every measurement score.

Identifiers are pseudonymised with HMAC-SHA256 under a secret key (a plain hash of a CPR
number could be reversed by trying all numbers); the same key gives the same pseudonyms, so
exports can be linked, and without the key they cannot be traced back. Decimal points, not
commas, so that Stata and R read the numbers directly.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
from collections.abc import Iterable

from effekt.statistics.analysis.records import INDICATORS, POINTS, CourseRecord

PERSPECTIVES = ("citizen", "caseworker", "combined")
COURSE_FIELDS = [
    "course",
    "person",
    "municipality_code",
    "supplier",
    "course_type",
    "target_group",
    "distance",
    "start_date",
    "planned_end_date",
    "actual_end_date",
    "extensions",
    "ended_early",
    "ending_category",
    "reached_goal",
]


def pseudonym(identifier: str, key: bytes) -> str:
    """A stable 16-hex-digit pseudonym of an identifier under `key`."""
    if not key:
        raise ValueError("pseudonymisering kræver en hemmelig nøgle")
    return hmac.new(key, identifier.encode("utf-8"), hashlib.sha256).hexdigest()[:16]


def wide_header() -> list[str]:
    """The column names: course fields, then <point>_date and <point>_i<k>_<perspective>."""
    columns = list(COURSE_FIELDS)
    for point in POINTS:
        columns.append(f"{point}_date")
        columns += [f"{point}_i{i}_{p}" for i in INDICATORS for p in PERSPECTIVES]
    return columns


def _score(value: float | None) -> str:
    return "" if value is None else repr(float(value))


def wide_row(course: CourseRecord, key: bytes) -> dict[str, str]:
    """One course as a row of the wide export."""
    row = {
        "course": pseudonym(course.course_id, key),
        "person": pseudonym(course.person_id, key),
        "municipality_code": course.municipality_code,
        "supplier": course.supplier,
        "course_type": course.course_type,
        "target_group": course.target_group,
        "distance": course.distance,
        "start_date": course.start_date.isoformat(),
        "planned_end_date": course.planned_end_date.isoformat(),
        "actual_end_date": course.actual_end_date.isoformat() if course.actual_end_date else "",
        "extensions": str(course.extensions),
        "ended_early": "1" if course.ended_early else "0",
        "ending_category": course.ending_category or "",
        "reached_goal": "1" if course.reached_goal else "0",
    }
    for measurement in course.measurements:
        row[f"{measurement.point}_date"] = measurement.date.isoformat()
        for score in measurement.scores:
            for perspective in PERSPECTIVES:
                column = f"{measurement.point}_i{score.indicator}_{perspective}"
                row[column] = _score(score.get(perspective))
    return row


def to_wide_csv(courses: Iterable[CourseRecord], key: bytes) -> str:
    """The wide export as UTF-8 CSV text with a header row."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=wide_header(), restval="", lineterminator="\n")
    writer.writeheader()
    for course in courses:
        writer.writerow(wide_row(course, key))
    return buffer.getvalue()
