"""Inputs: read every table of the contract (CSV or Parquet), validate it, and stage it typed.

Validation is atomic: every file is checked before anything is computed or written, and the
first problem is reported with its file, line (the header is line 1) and column. Dates become
integer day numbers (days since 1970-01-01) and months an integer index `year * 12 + month - 1`,
computed once here; hours become integer hundredths.

Persons get a number: joins and groups on a 64-bit integer cost far less than on the ids as
given (strings). A person of `persons` is numbered by its row there (from 1; the ids there are
unique), and every other table's `person_id` becomes that number. A person missing from
`persons` cannot be measured or counted (the population and the result target join
`persons`), so its rows only need numbers distinct from those of `persons`: a negative number
from a hash of its id. `persons` keeps the id as given in `given_id`, for the work list.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import ibis  # type: ignore[import-untyped]
import ibis.expr.types as ir  # type: ignore[import-untyped]
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from effekt.monitoring.engine import batches, codes, native
from effekt.monitoring.engine.native import dated, empty, flag
from effekt.monitoring.engine.schema import TABLES, Column, TableSpec

EPOCH = ibis.date(1970, 1, 1)
# Day number and month index standing for an empty end date ("still running").
OPEN_DAY = 2_000_000
OPEN_MONTH = 100_000
LINE = native.LINE
_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_MONTH = r"^[0-9]{4}-(0[1-9]|1[0-2])$"
_HOURS = r"^[0-9]+(\.[0-9]{1,2})?$"
_PERIOD = r"^[0-9]{4}(H[12])?$"


class InputError(ValueError):
    """A problem in an input file, with the place it was found."""

    def __init__(self, file: str, line: int | None, column: str | None, message: str) -> None:
        self.file, self.line, self.column, self.message = file, line, column, message
        place = [file]
        if line is not None:
            place.append(f"line {line}")
        if column is not None:
            place.append(f"column {column}")
        super().__init__(f"{', '.join(place)}: {message}")


@dataclass(frozen=True)
class RawTable:
    """A table as read: every column a string, plus its line number in the file."""

    spec: TableSpec
    file: str
    arrow: pa.Table
    parquet: bool


def table_file(data_dir: Path, name: str) -> Path | None:
    """The CSV or Parquet file holding table `name`, if any."""
    found = [p for p in (data_dir / f"{name}.csv", data_dir / f"{name}.parquet") if p.exists()]
    if len(found) > 1:
        raise InputError(found[1].name, None, None, f"both {name}.csv and {name}.parquet exist")
    return found[0] if found else None


def _bad_row_count(path: Path, width: int) -> InputError:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for line, row in enumerate(csv.reader(handle), start=1):
            if len(row) != width:
                return InputError(path.name, line, None, f"{len(row)} fields, expected {width}")
    return InputError(path.name, None, None, "the file cannot be read as CSV")


def _read_csv(path: Path) -> pa.Table:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle), None)
    if not header:
        raise InputError(path.name, 1, None, "the file has no header row")
    try:
        return pa_csv.read_csv(
            path,
            convert_options=pa_csv.ConvertOptions(
                column_types={name: pa.string() for name in header}, strings_can_be_null=False
            ),
        )
    except (pa.ArrowInvalid, UnicodeDecodeError):
        raise _bad_row_count(path, len(header)) from None


def _read_parquet(path: Path) -> pa.Table:
    table = pq.read_table(path)
    columns = [pc.fill_null(pc.cast(column, pa.string()), "") for column in table.columns]
    return pa.table(columns, names=table.column_names)


def first_line(path: Path | None) -> int:
    """The line number of a file's first row: 2 in CSV (after the header), 1 in Parquet."""
    return 2 if path is not None and path.suffix == ".csv" else 1


def read_table(path: Path, spec: TableSpec) -> RawTable:
    """Read one file as strings; a missing required column is an error on line 1."""
    parquet = path.suffix == ".parquet"
    table = _read_parquet(path) if parquet else _read_csv(path)
    for column in spec.required:
        if column.name not in table.column_names:
            raise InputError(path.name, 1, column.name, "required column is missing")
    keep = [c.name for c in spec.columns if c.name in table.column_names]
    if spec.extra_numbers:
        keep += [n for n in table.column_names if n not in keep and n != LINE]
    first = first_line(path)
    lines = pa.array(range(first, first + table.num_rows), type=pa.int64())
    return RawTable(spec, path.name, table.select(keep).append_column(LINE, lines), parquet)


def empty_table(spec: TableSpec) -> RawTable:
    """A table with no rows, for an optional table that was not given."""
    names = [c.name for c in spec.columns] + [LINE]
    types = [pa.string()] * len(spec.columns) + [pa.int64()]
    return RawTable(
        spec,
        f"{spec.name}.csv",
        pa.table({n: pa.array([], t) for n, t in zip(names, types, strict=True)}),
        False,
    )


def _bad_date(value: ir.StringValue) -> ir.BooleanValue:
    return ~value.re_search(_DATE) | value.try_cast("date").isnull()


def _kind_problem(column: Column, value: ir.StringValue) -> tuple[ir.BooleanValue, str]:
    """When a non-empty value of this column's kind is invalid, and what to say about it."""
    as_float = value.try_cast("float64")
    if column.kind in ("date", "open_date"):
        return _bad_date(value), "is not a date YYYY-MM-DD"
    if column.kind == "share":
        bad = as_float.isnull() | (as_float < 0) | (as_float > 1)
        return bad, "is not a share between 0 and 1"
    if column.kind == "number":
        return as_float.isnull(), "is not a number"
    if column.kind == "code":
        return ~value.isin(column.codes), f"is not one of {', '.join(column.codes)}"
    if column.kind == "bool":
        return ~value.lower().isin(("true", "false", "1", "0")), "is not true/false"
    if column.kind == "id":
        # no character but a line break (which "." does not match): the regular expression
        # only where there is a line break, as it is slow on millions of ids
        return ibis.ifelse(value.contains("\n"), ~value.re_search(r"."), value == ""), "is empty"
    patterns = {
        "month": (_MONTH, "is not a month YYYY-MM"),
        "hours": (_HOURS, "is not a number of hours (at most two decimals)"),
        "municipality": (r"^[0-9]{3}$", "is not a three-digit municipality code"),
        "period": (_PERIOD, "is not a period YYYY, YYYYH1 or YYYYH2"),
    }
    pattern, message = patterns[column.kind]
    return ~value.re_search(pattern), message


def _problem(column: Column, value: ir.StringValue, required: bool) -> tuple[ir.BooleanValue, str]:
    """Empty values are allowed in optional columns and open end dates only."""
    bad, message = _kind_problem(column, value)
    if column.kind == "open_date" or not required:
        return (value != "") & bad, message
    return (value == "") | bad, message


def _checks(raw: RawTable, t: ir.Table) -> list[tuple[str, ir.BooleanValue, str]]:
    present = set(raw.arrow.column_names)
    checks = []
    required = {c.name for c in raw.spec.required}
    columns = [c for c in raw.spec.columns if c.name in present]
    if raw.spec.extra_numbers:
        columns += [Column(n, "number") for n in present - {c.name for c in columns} - {LINE}]
        required |= {c.name for c in columns}
    for column in columns:
        bad, message = _problem(column, t[column.name], column.name in required)
        checks.append((column.name, bad, message))
    for start, end in raw.spec.intervals:
        s, e = t[start], t[end]
        bad = ~_bad_date(s) & (e != "") & ~_bad_date(e) & (e.try_cast("date") < s.try_cast("date"))
        checks.append((end, bad, f"is before {start}"))
    return checks


def _duplicate(raw: RawTable, t: ir.Table) -> int | None:
    """The first line repeating the table's key (`TableSpec.unique`), if any."""
    keys = list(raw.spec.unique)
    if not keys:
        return None
    rank = ibis.row_number().over(group_by=keys, order_by=t[LINE])
    later = t.mutate(_rank=rank).filter(lambda r: r._rank > 0)
    line = later.aggregate(line=later[LINE].min()).to_pyarrow().to_pylist()[0]["line"]
    return None if line is None else int(line)


def _raise(raw: RawTable, line: int, column: str, message: str) -> NoReturn:
    label = "row" if raw.parquet else "line"
    error = InputError(raw.file, line, column, message)
    error.args = (str(error).replace("line", label, 1),)
    raise error


def validate(con: ibis.BaseBackend, raw: RawTable) -> ir.Table:
    """Check every value of `raw`; return it as an Ibis table when it is valid."""
    t = con.create_table(f"raw_{raw.spec.name}", raw.arrow, temp=True, overwrite=True)
    checks = _checks(raw, t)
    if not checks or raw.arrow.num_rows == 0:
        return t
    found = t.aggregate(
        [t[LINE].min(where=bad).name(f"c{i}") for i, (_, bad, _) in enumerate(checks)]
    )
    firsts = found.to_pyarrow().to_pylist()[0]
    errors = [(line, i) for i, line in enumerate(firsts.values()) if line is not None]
    if errors:
        line, index = min(errors)
        column, _, message = checks[index]
        value = raw.arrow[column][line - (1 if raw.parquet else 2)].as_py()
        _raise(raw, line, column, f"{value!r} {message}")
    repeated = _duplicate(raw, t)
    if repeated is not None:
        key = ", ".join(raw.spec.unique)
        _raise(raw, repeated, raw.spec.unique[-1], f"repeats an earlier line's {key}")
    return t


def _day(value: ir.Value) -> ir.IntegerValue:
    return dated(value).delta(EPOCH, unit="day").cast("int64")


def _month(value: ir.Value) -> ir.IntegerValue:
    date = dated(value)
    return (date.year() * 12 + date.month() - 1).cast("int64")


def _open_day(value: ir.Value) -> ir.IntegerValue:
    return ibis.ifelse(empty(value), OPEN_DAY, _day(value))


def _open_month(value: ir.Value) -> ir.IntegerValue:
    return ibis.ifelse(empty(value), OPEN_MONTH, _month(value))


def _flag(t: ir.Table, name: str) -> ir.BooleanValue:
    if name not in t.columns:
        return ibis.literal(False)
    return flag(t[name])


def _hundredths(value: ir.StringValue) -> ir.IntegerValue:
    return (value.nullif("").cast("decimal(18, 2)") * 100).cast("int64")


def _interval(t: ir.Table, start: str, end: str) -> dict[str, ir.Value]:
    return {
        "start_day": _day(t[start]),
        "end_day": _open_day(t[end]),
        "start_m": _month(t[start]),
        "end_m": _open_month(t[end]),
    }


def typed(name: str, t: ir.Table, first_line: int = 1) -> ir.Table:
    """The staged, typed form of a validated table whose first row has the line number
    `first_line` (persons are numbered by their row: 1 for the first)."""
    pid = {"person_id": t.person_id} if "person_id" in t.columns else {}
    if name == "persons":
        born = dated(t.birth_date)
        return t.select(
            person_id=(t[LINE] - (first_line - 1)).cast("int64"),
            given_id=t.person_id,
            birth_day=_day(t.birth_date),
            birth_m=_month(t.birth_date),
            # first day aged 16 and last day aged 66 (the result target's ages)
            age_from=(born + ibis.interval(years=16)).delta(EPOCH, unit="day").cast("int64"),
            age_to=(born + ibis.interval(years=67)).delta(EPOCH, unit="day").cast("int64") - 1,
        )
    if name == "residence":
        return t.select(
            **pid, municipality_code=t.municipality_code, **_interval(t, "valid_from", "valid_to")
        )
    if name == "benefits":
        benefit = ibis.ifelse(
            (t.benefit == "overgangsydelse") & _flag(t, "intro_program"),
            "overgangsydelse_intro",
            t.benefit,
        )
        hours = _hundredths(t.hours) if "hours" in t.columns else ibis.null("int64")
        return t.select(
            **pid,
            benefit=benefit,
            **_interval(t, "start_date", "end_date"),
            hours=hours,
            new_period=_flag(t, "new_period"),
            supplementary=_flag(t, "supplementary"),
            line=t[LINE],
        )
    if name == "exemptions":
        return t.select(**pid, reason=t.reason, **_interval(t, "start_date", "end_date"))
    if name == "offers":
        return t.select(**pid, offer=t.offer, **_interval(t, "start_date", "end_date"))
    if name == "conversations":
        return t.select(
            **pid,
            day=_day(t.date),
            m=_month(t.date),
            code=codes.encoded(t.form, t.kind, t.held_by, _flag(t, "akasse_experiment")),
        )
    if name == "employment_hours":
        return t.select(**pid, m=_month(t.month.concat("-01")), hours=_hundredths(t.hours))
    if name == "municipality_status":
        return t.select(
            municipality_code=t.municipality_code,
            status=t.status,
            **_interval(t, "valid_from", "valid_to"),
        )
    if name == "expected_rates":
        actual = (
            t.actual_share.nullif("").cast("float64")
            if "actual_share" in t.columns
            else ibis.null("float64")
        )
        return t.select(
            municipality_code=t.municipality_code,
            period=t.period,
            expected_share=t.expected_share.cast("float64"),
            published_actual_share=actual,
        )
    return t.drop(LINE)


def numbered(t: ir.Table, persons: ir.Table) -> ir.Table:
    """`t` with each person's number (`persons.person_id`) for its id as given: a negative
    number, the same for the same id, when the person is not in `persons`."""
    ids = persons.select(_given="given_id", _number="person_id")
    j = t.left_join(ids, t.person_id == ids._given)
    # a hash of the id from -2^62 to -1: never a number of `persons`
    unknown = -1 - (j.person_id.hash() % 2**62 + 2**62) % 2**62
    return j.mutate(person_id=ibis.coalesce(j._number, unknown)).drop("_given", "_number")


def _native_clean(spec: TableSpec, t: ir.Table) -> bool:
    """Whether a natively read Parquet table surely passes every check of `validate`."""
    conditions = []
    required = {c.name for c in spec.required}
    for column in [c for c in spec.columns if c.name in t.columns]:
        bad = native.suspect(column, t[column.name], column.name in required)
        if bad is None and column.kind != "bool":
            bad = _problem(column, t[column.name], column.name in required)[0]
        if bad is not None:
            conditions.append(bad)
    conditions += [native.reversed_interval(t, s, e) for s, e in spec.intervals]
    return not native.any_true(t, conditions) and not native.has_duplicates(t, spec.unique)


def _validated(con: ibis.BaseBackend, path: Path | None, spec: TableSpec) -> ir.Table:
    if path is not None and path.suffix == ".parquet":
        t = native.native_table(con, path, spec)
        if t is not None and _native_clean(spec, t):
            return t
    return validate(con, read_table(path, spec) if path else empty_table(spec))


def stage(
    con: ibis.BaseBackend,
    data_dir: Path,
    on_step: Callable[[str], None] | None = None,
    bucketed: bool = False,
) -> dict[str, ir.Table]:
    """Read and validate every table in `data_dir`, then stage them typed in `con`; with
    `bucketed` the tables with persons in the order of their batches (`batches.bucketed`).

    Nothing is staged unless every file is valid.
    """
    if not data_dir.is_dir():
        raise InputError(str(data_dir), None, None, "is not a directory")
    validated, first_lines = {}, {}
    for spec in TABLES:
        path = table_file(data_dir, spec.name)
        if path is None and spec.mandatory:
            raise InputError(f"{spec.name}.csv", None, None, "required table is missing")
        if on_step:
            on_step(f"checking {path.name if path else spec.name}")
        validated[spec.name] = _validated(con, path, spec)
        first_lines[spec.name] = first_line(path)
    if bucketed:
        con.raw_sql("SET preserve_insertion_order = false")  # a bucket's rows in any order
    staged: dict[str, ir.Table] = {}
    for name, table in validated.items():
        expr = typed(name, table, first_lines[name])
        if name != "persons" and "person_id" in expr.columns:
            expr = numbered(expr, staged["persons"])
        if bucketed and "person_id" in expr.columns:
            expr = batches.bucketed(expr)
        # not temporary: the connections of `parallel` read them too
        staged[name] = con.create_table(f"stg_{name}", expr, overwrite=True)
    return staged
