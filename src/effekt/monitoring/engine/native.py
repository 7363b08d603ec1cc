"""Fast staging of Parquet files whose columns already have the contract's types.

Reading every value as a string and parsing it back (`staging.read_table`) costs more than
the whole computation on national data. A Parquet file whose date columns are dates, flag
columns booleans and other columns strings is read by the backend directly instead, and
checked with cheap, conservative tests. When a test finds anything that might be a problem,
the file goes through the string path after all, which reports it exactly as before.
"""

from __future__ import annotations

from pathlib import Path

import ibis  # type: ignore[import-untyped]
import ibis.expr.types as ir  # type: ignore[import-untyped]
import pyarrow as pa
import pyarrow.parquet as pq

from effekt.monitoring.engine.schema import Column, TableSpec

LINE = "_line"
_ROW = "file_row_number"
_DATES = ("date", "open_date")


def _typed_as_contract(column: Column, dtype: pa.DataType) -> bool:
    if column.kind in _DATES:
        return bool(pa.types.is_date32(dtype))
    if column.kind == "bool":
        return bool(pa.types.is_boolean(dtype))
    return bool(pa.types.is_string(dtype) or pa.types.is_large_string(dtype))


def native_table(con: ibis.BaseBackend, path: Path, spec: TableSpec) -> ir.Table | None:
    """The Parquet file as a table of the string path's columns (strings without nulls,
    dates and booleans as they are, `_line` from 1), or None when its types do not fit."""
    schema = pq.read_schema(path)
    names = set(schema.names)
    if spec.extra_numbers or LINE in names or _ROW in names:
        return None
    if any(c.name not in names for c in spec.required):
        return None
    present = [c for c in spec.columns if c.name in names]
    if not all(_typed_as_contract(c, schema.field(c.name).type) for c in present):
        return None
    t = con.read_parquet(path, file_row_number=True)
    columns = {
        c.name: t[c.name] if c.kind in _DATES or c.kind == "bool" else t[c.name].fill_null("")
        for c in present
    }
    return t.select(**columns, **{LINE: t[_ROW] + 1})


def _odd_date(value: ir.DateValue) -> ir.BooleanValue:
    # the string path writes dates as YYYY-MM-DD: other years might not read back
    return (value.year() < 1000) | (value.year() > 9999)


def suspect(column: Column, value: ir.Value, required: bool) -> ir.BooleanValue | None:
    """When a value of a native column might be invalid (None: never), for non-string kinds;
    string columns are checked as in the string path."""
    if column.kind == "open_date":
        return value.notnull() & _odd_date(value)
    if column.kind == "date":
        odd = _odd_date(value)
        return value.isnull() | odd if required else value.notnull() & odd
    return None


def reversed_interval(t: ir.Table, start: str, end: str) -> ir.BooleanValue:
    """Rows whose end date lies before their start date."""
    return t[end].notnull() & t[start].notnull() & (t[end] < t[start])


def has_duplicates(t: ir.Table, keys: tuple[str, ...]) -> bool:
    """Whether any value of `keys` occurs on more than one row."""
    if not keys:
        return False
    groups = t.group_by(list(keys)).aggregate(n=t.count())
    found = groups.filter(groups.n > 1).count().to_pyarrow().as_py()
    return bool(found)


def any_true(t: ir.Table, conditions: list[ir.BooleanValue]) -> bool:
    """Whether any row of `t` meets any of `conditions`, in one pass."""
    if not conditions:
        return False
    found = t.aggregate([c.any().name(f"c{i}") for i, c in enumerate(conditions)])
    return any(bool(v) for v in found.to_pyarrow().to_pylist()[0].values())


def dated(value: ir.Value) -> ir.DateValue:
    """A date column of either path as a date (empty strings become null)."""
    return value if value.type().is_date() else value.nullif("").cast("date")


def empty(value: ir.Value) -> ir.BooleanValue:
    """Whether a date column of either path is empty (an open end)."""
    return value.isnull() if value.type().is_date() else value == ""


def flag(value: ir.Value) -> ir.BooleanValue:
    """A flag column of either path as a boolean (empty is false)."""
    if value.type().is_boolean():
        return value.fill_null(False)
    return value.lower().isin(("true", "1"))
