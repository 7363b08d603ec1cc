"""Where the statistics get their data: the `CourseSource` protocol and a CSV folder source.

The folder format is documented in docs/statistics.md. Every error names the file, the line
and the column. Pure: no Django import (the Django-backed source lives with the models).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol, cast

from effekt.bip import IndicatorScore
from effekt.core import registers
from effekt.statistics.analysis.classification import (
    ClassificationConfig,
    ClassificationError,
    IndicatorKey,
    Method,
)
from effekt.statistics.analysis.records import (
    ENDING_CATEGORIES,
    FOLLOW_UP_MONTHS,
    INDICATORS,
    POINTS,
    BenefitRecord,
    CourseRecord,
    Filters,
    FollowUpRecord,
    MeasurementRecord,
    Point,
)

BENEFITS = list(registers.BENEFITS)
COURSE_COLUMNS = [
    "course_id",
    "person_id",
    "municipality_code",
    "supplier",
    "course_type",
    "target_group",
    "distance",
    "start_date",
    "planned_end_date",
    "actual_end_date",
]
OPTIONAL_COURSE_COLUMNS = ["extensions", "ended_early", "ending_category", "result_goal"]
TRUE, FALSE = {"true", "1", "ja", "yes"}, {"false", "0", "nej", "no", ""}


class DataError(ValueError):
    """Bad input data; the message names the file, line and column."""

    def __init__(self, file: Path, line: int, column: str, message: str) -> None:
        super().__init__(f"{file.name}, linje {line}, kolonne {column}: {message}")
        self.file, self.line, self.column = file, line, column


@dataclass(frozen=True)
class SourceData:
    """Everything a source delivers; `benefits` None means no register data."""

    courses: list[CourseRecord]
    follow_ups: list[FollowUpRecord]
    benefits: list[BenefitRecord] | None
    classification: ClassificationConfig | None


class CourseSource(Protocol):
    """A source of course data for the steering-group statistics."""

    def load(self, filters: Filters) -> SourceData:
        """The courses passing `filters`, with follow-ups, register data and configuration."""
        ...


class Row:
    """One CSV row that knows where it came from, with typed getters raising DataError."""

    def __init__(self, file: Path, line: int, values: dict[str, str]) -> None:
        self.file, self.line, self.values = file, line, values

    def error(self, column: str, message: str) -> DataError:
        return DataError(self.file, self.line, column, message)

    def text(self, column: str, required: bool = True) -> str:
        value = (self.values.get(column) or "").strip()
        if required and not value:
            raise self.error(column, "mangler en værdi")
        return value

    def date(self, column: str, required: bool = True) -> dt.date | None:
        value = self.text(column, required)
        if not value:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise self.error(column, f"{value!r} er ikke en dato (ÅÅÅÅ-MM-DD)") from None

    def number(self, column: str) -> float | None:
        value = self.text(column, required=False)
        try:
            return float(value) if value else None
        except ValueError:
            raise self.error(column, f"{value!r} er ikke et tal") from None

    def integer(self, column: str, default: int = 0) -> int:
        value = self.text(column, required=False)
        try:
            return int(value) if value else default
        except ValueError:
            raise self.error(column, f"{value!r} er ikke et heltal") from None

    def flag(self, column: str) -> bool:
        value = self.text(column, required=False).lower()
        if value not in TRUE | FALSE:
            raise self.error(column, f"{value!r} er ikke true/false")
        return value in TRUE

    def code(self, column: str, allowed: Any, required: bool = True) -> str:
        value = self.text(column, required)
        if value and value not in allowed:
            raise self.error(column, f"ukendt kode {value!r}")
        return value


def read_rows(file: Path, required: tuple[str, ...]) -> Iterator[Row]:
    """The rows of a UTF-8 CSV file with a header, checking the required columns."""
    if not file.is_file():
        raise DataError(file, 0, "-", "filen findes ikke")
    with file.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise DataError(file, 1, missing[0], "den påkrævede kolonne mangler")
        for values in reader:
            yield Row(file, reader.line_num, values)


def _interval(row: Row, start: str, end: str) -> tuple[dt.date, dt.date | None]:
    first, last = row.date(start), row.date(end, required=False)
    assert first is not None
    if last is not None and last < first:
        raise row.error(end, "slutter før starten")
    return first, last


def _measurements(file: Path, course_ids: set[str]) -> dict[str, list[MeasurementRecord]]:
    points: dict[tuple[str, str], tuple[dt.date, list[IndicatorScore], int]] = {}
    seen: set[tuple[str, str, int]] = set()
    columns = ("course_id", "point", "date", "indicator", "citizen", "caseworker")
    for row in read_rows(file, columns):
        course_id = row.code("course_id", course_ids)
        point = row.code("point", POINTS)
        day = row.date("date")
        indicator = row.integer("indicator", default=0)
        if indicator not in INDICATORS:
            raise row.error("indicator", "indikatoren skal være et tal fra 1 til 11")
        if (course_id, point, indicator) in seen:
            raise row.error("indicator", "indikatoren står to gange i samme måling")
        seen.add((course_id, point, indicator))
        known = points.setdefault((course_id, point), (cast(dt.date, day), [], row.line))
        if known[0] != day:
            raise row.error("date", f"forløbet har allerede en {point}-måling den {known[0]}")
        known[1].append(IndicatorScore(indicator, row.number("citizen"), row.number("caseworker")))
    result: dict[str, list[MeasurementRecord]] = defaultdict(list)
    for (course_id, point), (day, scores, _) in points.items():
        result[course_id].append(MeasurementRecord(cast(Point, point), day, tuple(scores)))
    return result


def _course(row: Row) -> CourseRecord:
    start, end = _interval(row, "start_date", "actual_end_date")
    planned = row.date("planned_end_date")
    assert planned is not None
    goal = [code.strip() for code in row.text("result_goal", False).split(";") if code.strip()]
    for code in goal:
        if code not in ENDING_CATEGORIES:
            raise row.error("result_goal", f"ukendt afslutningskategori {code!r}")
    return CourseRecord(
        course_id=row.text("course_id"),
        person_id=row.text("person_id"),
        municipality_code=row.text("municipality_code"),
        supplier=row.text("supplier"),
        course_type=row.text("course_type"),
        target_group=row.text("target_group"),
        distance=row.text("distance"),
        start_date=start,
        planned_end_date=planned,
        actual_end_date=end,
        extensions=row.integer("extensions"),
        ended_early=row.flag("ended_early"),
        ending_category=row.code("ending_category", ENDING_CATEGORIES, required=False) or None,
        result_goal=frozenset(goal),
    )


def _follow_ups(file: Path, course_ids: set[str]) -> list[FollowUpRecord]:
    records = []
    for row in read_rows(file, ("course_id", "months", "on_public_support")):
        months = row.integer("months")
        if months not in FOLLOW_UP_MONTHS:
            raise row.error("months", "opfølgning skal være 3 eller 6 måneder")
        records.append(
            FollowUpRecord(
                row.code("course_id", course_ids),
                months,
                row.flag("on_public_support"),
            )
        )
    return records


def _benefits(file: Path) -> list[BenefitRecord]:
    records = []
    for row in read_rows(file, ("person_id", "benefit", "start_date", "end_date")):
        start, end = _interval(row, "start_date", "end_date")
        records.append(
            BenefitRecord(row.text("person_id"), row.code("benefit", BENEFITS), start, end)
        )
    return records


def _keyed(raw: dict[str, float]) -> dict[IndicatorKey, float]:
    return {("mean" if key == "mean" else int(key)): float(value) for key, value in raw.items()}


def read_classification(file: Path) -> ClassificationConfig:
    """The contract's classification configuration from a JSON file (docs/statistics.md)."""
    try:
        raw = json.loads(file.read_text(encoding="utf-8"))
        return ClassificationConfig(
            method=cast(Method, raw.get("method", "threshold")),
            threshold=float(raw.get("threshold", 0.5)),
            criterion=float(raw.get("criterion", 1.96)),
            reliability=_keyed(raw.get("reliability", {})),
            default_reliability=raw.get("default_reliability"),
            standard_deviation=_keyed(raw.get("standard_deviation", {})),
            standard_error=_keyed(raw.get("standard_error", {})),
        )
    except (ValueError, TypeError, AttributeError, ClassificationError) as error:
        raise DataError(file, 1, "-", f"ugyldig konfiguration: {error}") from None


@dataclass(frozen=True)
class FolderSource:
    """Reads courses.csv, measurements.csv and optionally follow_ups.csv, benefits.csv and
    config.json from a folder."""

    folder: Path

    def load(self, filters: Filters) -> SourceData:
        """All courses passing `filters` with their measurements, follow-ups and benefits."""
        courses = [
            _course(row) for row in read_rows(self.folder / "courses.csv", (*COURSE_COLUMNS,))
        ]
        ids = {c.course_id for c in courses}
        if len(ids) != len(courses):
            raise DataError(self.folder / "courses.csv", 1, "course_id", "et forløb står to gange")
        measured = _measurements(self.folder / "measurements.csv", ids)
        optional = {name: self.folder / name for name in ("follow_ups.csv", "benefits.csv")}
        config = self.folder / "config.json"
        return SourceData(
            courses=[
                replace(c, measurements=tuple(measured.get(c.course_id, ())))
                for c in courses
                if filters.accepts(c)
            ],
            follow_ups=_follow_ups(optional["follow_ups.csv"], ids)
            if optional["follow_ups.csv"].exists()
            else [],
            benefits=_benefits(optional["benefits.csv"])
            if optional["benefits.csv"].exists()
            else None,
            classification=read_classification(config) if config.exists() else None,
        )
