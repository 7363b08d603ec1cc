"""Run the whole engine: stage the inputs, compute the measures, return a result object."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import ibis  # type: ignore[import-untyped]
import ibis.expr.types as ir  # type: ignore[import-untyped]

from effekt.monitoring.engine import backends, batches, parallel, spells, summaries
from effekt.monitoring.engine.backends import Engine
from effekt.monitoring.engine.calendar import (
    WINDOW_MONTHS,
    day_number,
    first_day,
    month_label,
    parse_month,
)
from effekt.monitoring.engine.parameters import Rules, load_rules
from effekt.monitoring.engine.pipeline import STAGES, stages
from effekt.monitoring.engine.result import MonitoringResult
from effekt.monitoring.engine.schema import TABLES
from effekt.monitoring.engine.staging import OPEN_MONTH, InputError, stage

Step = Callable[[str], None]
# progress steps of a run: one per input table, one per stored stage of `stages`
STEPS = len(TABLES) + STAGES


@dataclass(frozen=True)
class RunOptions:
    """What to run on. Months are `YYYY-MM`; None means from the data."""

    data_dir: Path
    start: str | None = None
    end: str | None = None
    parameters: Path | None = None
    memory_limit: str | None = None
    threads: int | None = None
    engine: Engine = "duckdb"


def connect(
    memory_limit: str | None = None, threads: int | None = None, engine: Engine = "duckdb"
) -> ibis.BaseBackend:
    """An embedded DuckDB connection (EFFEKT_DUCKDB_MEMORY_LIMIT, EFFEKT_DUCKDB_THREADS), or
    with engine "pyspark" an Ibis connection to the local SparkSession (EFFEKT_SPARK_*)."""
    if engine == "pyspark":
        return backends.pyspark()
    return backends.duckdb(memory_limit, threads)


def _last_month(t: ir.Table) -> ir.IntegerValue:
    """The last month of a staged table's dated events (open ends do not count)."""
    if "end_m" in t.columns:
        return ibis.greatest(t.start_m.max(), t.end_m.max(where=t.end_m != OPEN_MONTH).fill_null(0))
    return t.m.max()


def _bounds(staged: dict[str, ir.Table]) -> tuple[int, int]:
    """The first benefit month and the last month with any dated event."""
    benefits = staged["benefits"]
    lo = benefits.start_m.min().to_pyarrow().as_py()
    if lo is None:
        raise InputError("benefits", None, None, "has no rows")
    names = ("benefits", "offers", "exemptions", "conversations", "employment_hours")
    ends = [staged[name].aggregate(hi=_last_month(staged[name])) for name in names]
    union = ends[0].union(*ends[1:])
    hi = union.hi.max().to_pyarrow().as_py()
    return int(lo), int(hi)


def _span(options: RunOptions, staged: dict[str, ir.Table]) -> tuple[spells.Span, int]:
    data_lo, data_hi = _bounds(staged)
    try:
        start = parse_month(options.start) if options.start else data_lo
        end = parse_month(options.end) if options.end else max(data_hi, start)
    except ValueError as error:
        raise InputError("--from/--to", None, None, str(error)) from None
    if end < start:
        raise InputError("--to", None, None, f"{month_label(end)} is before {month_label(start)}")
    measure_start = start - WINDOW_MONTHS + 1
    lo = min(data_lo, measure_start - WINDOW_MONTHS + 1)
    end_day = day_number(first_day(end + 1)) - 1
    span = spells.Span(lo, measure_start, end, day_number(first_day(lo)), end_day)
    return span, start


# stages read once, by the next: left to the next stage's query, which streams them
_STREAMED = frozenset(
    {"benefit_pieces", "benefit_days", "offer_windows", "employment_windows", "exemption_windows"}
)


class _Store:
    """Materialises each stage read more than once (not `_STREAMED`) as a table, one batch
    after the other (engines other than DuckDB)."""

    def __init__(self, con: ibis.BaseBackend, on_step: Step | None) -> None:
        self.con, self.on_step = con, on_step

    def __call__(self, name: str, expr: ir.Table) -> ir.Table:
        if self.on_step:
            self.on_step(f"computing {name}")
        if name in _STREAMED:
            return expr
        return backends.store(self.con, f"int_{name}", expr)


class _Plan:
    """Records the SQL of each stored stage instead of running it (DuckDB).

    A stage reads the stored stages before it by name (`int_<stage>`), as every batch names
    its own rows of each table `batch_<table>`: one statement serves every batch
    (`parallel`), compiled once."""

    def __init__(self, con: ibis.BaseBackend) -> None:
        self.con = con
        self.statements: list[tuple[str, str | None]] = []
        self.exprs: list[ir.Table] = []

    def __call__(self, name: str, expr: ir.Table) -> ir.Table:
        self.exprs.append(expr)
        if name in _STREAMED:
            self.statements.append((name, None))
            return expr
        self.statements.append((name, self.con.compile(expr)))
        return ibis.table(expr.schema(), name=f"int_{name}")


def _fetches(
    tables: dict[str, ir.Table], persons: ir.Table, span: spells.Span
) -> dict[str, ir.Table]:
    """What each batch gives the result: its focus counts, result counts and the measured
    rows of the last month that the work list shows (with the persons' ids as given)."""
    measured = tables["measured"]
    lacking = (~measured.exempt & ~measured.has_offer) | ~measured.conversations_met
    last = measured.filter((measured.m == span.end) & lacking)
    ids = persons.select(_number="person_id", _given="given_id")
    last = last.join(ids, last.person_id == ids._number)
    return {
        "focus": tables["focus_counts"],
        "counts": tables["result_counts"],
        "last": last.mutate(person_id=last._given).drop("_number", "_given"),
    }


def _fetched(fetches: dict[str, ir.Table]) -> dict[str, list[batches.Row]]:
    return {name: t.to_pyarrow().to_pylist() for name, t in fetches.items()}


def _plan(
    con: ibis.BaseBackend, staged: dict[str, ir.Table], rules: Rules, span: spells.Span, count: int
) -> parallel.Replay:
    """The statements of every batch of `count`: the stages over tables named like a batch's
    rows, compiled once."""
    named = {
        name: ibis.table(t.schema(), name=f"batch_{name}") if "person_id" in t.columns else t
        for name, t in batches.in_batch(staged, 0, count).items()
    }
    plan = _Plan(con)
    fetches = _fetches(stages(named, rules, span, plan), named["persons"], span)

    def slices(batch: int) -> dict[str, str]:
        views = batches.in_batch(staged, batch, count)
        return {
            f"batch_{name}": con.compile(t) for name, t in views.items() if "person_id" in t.columns
        }

    return parallel.Replay(
        slices=slices,
        statements=plan.statements,
        fetches={name: con.compile(t) for name, t in fetches.items()},
        memtables=parallel.memtables([*plan.exprs, *fetches.values()]),
    )


def compute(
    con: ibis.BaseBackend,
    staged: dict[str, ir.Table],
    rules: Rules,
    span: spells.Span,
    start: int,
    on_step: Step | None = None,
    batch_persons: int = batches.BATCH_PERSONS,
    keep_stages: bool = False,
) -> MonitoringResult:
    """All stages from staged tables to the result object, in batches of persons: on DuckDB
    `parallel.workers()` batches at a time, elsewhere (or with `keep_stages`, which leaves
    the last batch's stored stages as `int_<stage>` tables on `con`) one after the other."""
    persons = int(staged["persons"].count().to_pyarrow().as_py())
    duck = con.name == "duckdb" and not keep_stages
    count = batches.batch_count(persons, batch_persons, parallel.workers() if duck else 1)
    progress = batches.Progress(on_step, STAGES, STAGES * count)
    if duck:
        found = parallel.run(con, _plan(con, staged, rules, span, count), range(count), progress)
    else:
        store, found = _Store(con, progress), []
        for batch in range(count):
            sliced = batches.slices(staged, batch, count, partial(backends.store, con))
            tables = stages(sliced, rules, span, store)
            found.append(_fetched(_fetches(tables, sliced["persons"], span)))
    focus = [row for rows in found for row in rows["focus"]]
    counts = [row for rows in found for row in rows["counts"]]
    last = [row for rows in found for row in rows["last"]]
    expected = staged["expected_rates"].to_pyarrow().to_pylist()
    focus_rows = summaries.focus_rows(
        batches.add_up(focus, ("municipality_code", "m")), span.start, start, span.end
    )
    results = summaries.result_rows(
        batches.add_up(counts, ("municipality_code", "hy")), expected, span.start, start, span.end
    )
    in_force = [s.name for s in rules.sets if s.valid_from <= first_day(span.end)]
    return MonitoringResult(
        start=month_label(start),
        end=month_label(span.end),
        parameter_sets=tuple(in_force) or (rules.sets[0].name,),
        focus_targets=focus_rows,
        result_target=results,
        verdicts=summaries.verdict_rows(focus_rows, results, rules, start, span.end),
        worklist=summaries.worklist_rows(last),
    )


def run(options: RunOptions, on_step: Step | None = None) -> MonitoringResult:
    """Validate the folder `options.data_dir` and compute every output.

    Raises `InputError` (naming file, line and column) before computing anything when an
    input is invalid. Inputs are always read and validated on DuckDB; with engine "pyspark"
    the typed tables are handed to Spark and every stage runs there.
    """
    rules = load_rules(options.parameters)
    con, staged, span, start = staged_inputs(options, on_step)
    with on_engine(options.engine, con, staged) as (target, tables):
        return compute(target, tables, rules, span, start, on_step)


def staged_inputs(
    options: RunOptions, on_step: Step | None = None
) -> tuple[ibis.BaseBackend, dict[str, ir.Table], spells.Span, int]:
    """Read, validate and stage the inputs on DuckDB; the span and first reported month."""
    con = connect(options.memory_limit, options.threads)
    staged = stage(con, options.data_dir, on_step, bucketed=True)
    span, start = _span(options, staged)
    return con, staged, span, start


@contextmanager
def on_engine(
    engine: Engine, con: ibis.BaseBackend, staged: dict[str, ir.Table]
) -> Iterator[tuple[ibis.BaseBackend, dict[str, ir.Table]]]:
    """The connection the stages run on and the staged tables there: DuckDB's own, or copies
    handed to the local SparkSession (kept while the context lasts)."""
    if engine == "duckdb":
        yield con, staged
        return
    target = connect(engine=engine)
    with backends.Handover(target) as handover:
        yield target, handover(staged)
