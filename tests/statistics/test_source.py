"""The CSV folder source: it reads the documented format and names file, line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from effekt.statistics.analysis import Filters
from effekt.statistics.analysis.source import DataError, FolderSource
from tests.statistics.fixtures import hand_computed_courses
from tests.statistics.folder import write_folder


def test_it_reads_back_the_courses_it_was_given(tmp_path: Path) -> None:
    loaded = FolderSource(write_folder(tmp_path)).load(Filters())
    original = {c.course_id: c for c in hand_computed_courses()}
    assert len(loaded.courses) == 14
    for course in loaded.courses:
        expected = original[course.course_id]
        assert course.result_goal == expected.result_goal
        assert course.actual_end_date == expected.actual_end_date
        assert sorted(course.measurements, key=lambda m: m.point) == sorted(
            expected.measurements, key=lambda m: m.point
        )
    assert loaded.benefits is not None and len(loaded.benefits) == 6
    assert len(loaded.follow_ups) == 1 and loaded.classification is None


def test_it_applies_the_filters(tmp_path: Path) -> None:
    loaded = FolderSource(write_folder(tmp_path)).load(Filters(supplier=("B",)))
    assert [c.course_id for c in loaded.courses] == ["C12"]


def _replace(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        ("courses.csv", "2024-01-15", "2024-13-15",
         "courses.csv, linje 3, kolonne actual_end_date"),
        ("courses.csv", "afbrudt", "stoppet", "courses.csv, linje 3, kolonne ending_category"),
        ("courses.csv", "fleksjob;", "flexjob;", "courses.csv, linje 8, kolonne result_goal"),
        ("measurements.csv", "C1,baseline,2023-10-01,1,2,2", "C1,baseline,2023-10-01,12,2,2",
         "measurements.csv, linje 2, kolonne indicator"),
        ("measurements.csv", "C1,final,2023-12-20,1,3,3", "C1,final,2023-12-21,1,3,3",
         "measurements.csv, linje 5, kolonne date"),
        ("measurements.csv", "C1,baseline,2023-10-01,1,2,2", "C1,baseline,2023-10-01,1,to,2",
         "measurements.csv, linje 2, kolonne citizen"),
        ("measurements.csv", "C1,", "C99,", "measurements.csv, linje 2, kolonne course_id"),
        ("benefits.csv", "kontanthjaelp", "kontant", "benefits.csv, linje 6, kolonne benefit"),
        ("benefits.csv", "2024-02-01,2024-04-14", "2024-02-01,2024-01-14",
         "benefits.csv, linje 3, kolonne end_date"),
        ("follow_ups.csv", "C3,3", "C3,4", "follow_ups.csv, linje 2, kolonne months"),
    ],
)  # fmt: skip
def test_it_names_the_file_line_and_column_of_bad_input(
    tmp_path: Path, file: str, old: str, new: str, message: str
) -> None:
    folder = write_folder(tmp_path)
    _replace(folder / file, old, new)
    with pytest.raises(DataError) as error:
        FolderSource(folder).load(Filters())
    assert str(error.value).startswith(message)


def test_it_refuses_a_file_without_a_required_column(tmp_path: Path) -> None:
    folder = write_folder(tmp_path)
    _replace(folder / "courses.csv", "supplier,", "leverandoer,")
    with pytest.raises(DataError, match=r"courses.csv, linje 1, kolonne supplier"):
        FolderSource(folder).load(Filters())


def test_it_names_a_missing_file(tmp_path: Path) -> None:
    folder = write_folder(tmp_path)
    (folder / "measurements.csv").unlink()
    with pytest.raises(DataError, match=r"measurements.csv, linje 0, kolonne -: filen findes ikke"):
        FolderSource(folder).load(Filters())
