"""Reading cohort markings from CSV (pure): every error names the file, line and column."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass

REQUIRED = ("person_id", "start_date")


@dataclass(frozen=True)
class CsvProblem:
    """One problem in an uploaded file, at a line (1 = the header) and a column."""

    file: str
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}, linje {self.line}" + (
            f", kolonne {self.column}" if self.column else ""
        )
        return f"{where}: {self.message}"


class CsvInvalid(ValueError):
    """The file has problems; nothing was imported."""

    def __init__(self, problems: list[CsvProblem]) -> None:
        super().__init__("; ".join(str(p) for p in problems[:5]))
        self.problems = problems


@dataclass(frozen=True)
class Row:
    line: int
    values: dict[str, str]


@dataclass(frozen=True)
class Marking:
    """A person marked from `start` (to `end`), read from line `line`."""

    line: int
    person_id: str
    start: dt.date
    end: dt.date | None


def read_rows(data: bytes, file: str, required: tuple[str, ...]) -> Iterator[Row]:
    """Rows of a UTF-8 CSV (comma or semicolon), header on line 1, required columns checked."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CsvInvalid(
            [CsvProblem(file, 1, "", f"filen er ikke UTF-8 ({error.reason})")]
        ) from None
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip() for h in reader.fieldnames or []]
    missing = [c for c in required if c not in header]
    if missing:
        raise CsvInvalid(
            [CsvProblem(file, 1, c, "kolonnen mangler i overskriften") for c in missing]
        )
    reader.fieldnames = header
    for number, record in enumerate(reader, start=2):
        values = {k: (v or "").strip() for k, v in record.items() if k is not None}
        if any(values.values()):
            yield Row(number, values)


def parse_day(text: str) -> dt.date:
    """An ISO date (2027-01-31) or a Danish one (31.01.2027, 31-01-2027)."""
    for pattern in ("%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"'{text}' er ikke en dato (brug ÅÅÅÅ-MM-DD)")


def read_markings(data: bytes, file: str) -> list[Marking]:
    """Cohort markings `person_id, start_date[, end_date]`; CsvInvalid lists every problem."""
    problems: list[CsvProblem] = []
    markings: list[Marking] = []
    seen: dict[tuple[str, dt.date], int] = {}
    for row in read_rows(data, file, REQUIRED):
        person = row.values.get("person_id", "")
        if not person:
            problems.append(CsvProblem(file, row.line, "person_id", "tom værdi"))
            continue
        try:
            start = parse_day(row.values.get("start_date", ""))
        except ValueError as error:
            problems.append(CsvProblem(file, row.line, "start_date", str(error)))
            continue
        end = None
        if end_text := row.values.get("end_date", ""):
            try:
                end = parse_day(end_text)
            except ValueError as error:
                problems.append(CsvProblem(file, row.line, "end_date", str(error)))
                continue
            if end < start:
                problems.append(CsvProblem(file, row.line, "end_date", "slutter før start_date"))
                continue
        if (person, start) in seen:
            message = (
                f"personen er allerede markeret fra samme dato på linje {seen[(person, start)]}"
            )
            problems.append(CsvProblem(file, row.line, "person_id", message))
            continue
        seen[(person, start)] = row.line
        markings.append(Marking(row.line, person, start, end))
    if problems:
        raise CsvInvalid(problems)
    return markings
