"""Batches on DuckDB, two at a time, each on its own connection to the same database.

The stages are compiled once (`run._plan`) into statements that read a batch's rows of each
table and the stored stages before them by name. DuckDB cannot spread all of a batch's work
over both cores (small tables, steps that run on one thread), so two batches run at once, each
on a connection of its own (`cursor`), with DuckDB's threads (one setting for the whole
database) shared out equally: on two cores each core then works on one batch. When a
connection has no batch left, the batch still running gets them all.

A connection's temporary views and tables are its own, so each one gives the batch's rows
and stages the names the statements read (`batch_<table>`, `int_<stage>`); the staged tables
are in the shared database. Ibis registers its in-memory tables (`memtable`) on its own
connection only: they are registered on each of the others too.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import Any

import ibis  # type: ignore[import-untyped]
import ibis.expr.operations as ops  # type: ignore[import-untyped]
import ibis.expr.types as ir  # type: ignore[import-untyped]
import pyarrow as pa

from effekt.env import env_int

Row = Mapping[str, Any]
Step = Callable[[str], None]
# batches run at once (EFFEKT_BATCH_WORKERS; the machine this is tuned on has two cores)
WORKERS = 2


@dataclass(frozen=True)
class Replay:
    """What each batch runs: its rows' views, then the stored stages, then the fetches."""

    slices: Callable[[int], dict[str, str]]  # batch -> {view name: SQL}
    statements: Sequence[tuple[str, str | None]]  # (stage name, SQL or None: streamed)
    fetches: dict[str, str]  # result name -> SQL
    memtables: dict[str, pa.Table]


def memtables(exprs: Sequence[ir.Table]) -> dict[str, pa.Table]:
    """The in-memory tables that `exprs` read, by name."""
    found: dict[str, pa.Table] = {}
    for expr in exprs:
        for op in expr.op().find(ops.InMemoryTable):
            found[op.name] = op.data.to_pyarrow(op.schema)
    return found


def last_reads(
    statements: Sequence[tuple[str, str | None]], fetches: dict[str, str]
) -> dict[int, list[str]]:
    """The stored stages that nothing reads after statement i, by i (the fetches count as
    statement `len(statements)`): a batch drops them then, to leave the memory to the other."""
    texts = [sql or "" for _, sql in statements] + list(fetches.values())
    last: dict[int, list[str]] = {}
    for made, (name, sql) in enumerate(statements):
        if sql is not None:
            reads = [i for i, text in enumerate(texts) if i > made and f'"int_{name}"' in text]
            last.setdefault(max(reads, default=made), []).append(name)
    return last


def create(cursor: Any, name: str, sql: str) -> None:
    """Store a stage (`int_<name>`) on a batch's connection."""
    cursor.execute(f'CREATE OR REPLACE TEMP TABLE "int_{name}" AS {sql}')


def drop(cursor: Any, names: Sequence[str]) -> None:
    """Drop the stored stages `names` of a batch's connection."""
    for name in names:
        cursor.execute(f'DROP TABLE IF EXISTS "int_{name}"')


def workers() -> int:
    """Batches run at once: EFFEKT_BATCH_WORKERS, else `WORKERS`."""
    return max(1, env_int("EFFEKT_BATCH_WORKERS", WORKERS))


def run(
    con: ibis.BaseBackend,
    replay: Replay,
    batches: Sequence[int],
    on_step: Step | None = None,
) -> list[dict[str, list[Row]]]:
    """The fetched rows of each of `batches` (in their order), `workers()` batches at a
    time."""
    unread = last_reads(replay.statements, replay.fetches)
    local = threading.local()
    opened: list[Any] = []
    lock = threading.Lock()

    # progress is reported on the calling thread (a callback may use a database connection
    # that belongs to it), from the messages the workers leave here
    messages: queue.SimpleQueue[str] = queue.SimpleQueue()

    def step(message: str) -> None:
        messages.put(message)

    def report() -> None:
        while not messages.empty():
            message = messages.get()
            if on_step:
                on_step(message)

    def work(batch: int) -> dict[str, list[Row]]:
        cursor = getattr(local, "cursor", None)
        if cursor is None:
            cursor = local.cursor = con.con.cursor()
            with lock:
                opened.append(cursor)
            for name, data in replay.memtables.items():
                cursor.register(name, data)
        for view, query in views[batch].items():
            cursor.execute(f'CREATE OR REPLACE TEMP VIEW "{view}" AS {query}')
        for i, (stage, statement) in enumerate(replay.statements):
            step(f"computing {stage}")
            if statement is not None:
                create(cursor, stage, statement)
            drop(cursor, unread.get(i, []))
        found = {
            name: cursor.sql(query).to_arrow_table().to_pylist()
            for name, query in replay.fetches.items()
        }
        drop(cursor, unread.get(len(replay.statements), []))
        with lock:
            unfinished[0] -= 1
            if 0 < unfinished[0] < at_once:
                # a connection is idle from now on: the batches still running get its threads
                cursor.execute(f"SET threads = {threads}")
        return found

    # compiled here, not in the worker threads
    views = {batch: replay.slices(batch) for batch in batches}
    threads = int(con.raw_sql("SELECT current_setting('threads')").fetchone()[0])
    # never more threads in all than DuckDB was given (EFFEKT_DUCKDB_THREADS); one batch
    # alone gets them all
    at_once = max(1, min(workers(), threads, len(batches)))
    unfinished = [len(batches)]
    # nothing reads the stored stages in order: DuckDB may write them in parallel
    con.raw_sql("SET preserve_insertion_order = false")
    con.raw_sql(f"SET threads = {max(1, threads // at_once)}")
    pool = ThreadPoolExecutor(at_once)
    try:
        futures = [pool.submit(work, batch) for batch in batches]
        pending = set(futures)
        while pending:
            done, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            report()
            for future in done:
                future.result()  # a batch's error, raised at once
        report()
        return [future.result() for future in futures]
    finally:
        # when a batch fails, the batches not yet started are not run
        pool.shutdown(wait=True, cancel_futures=True)
        con.raw_sql(f"SET threads = {threads}")
        for cursor in opened:
            cursor.close()
