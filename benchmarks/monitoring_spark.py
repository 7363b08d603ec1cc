"""The register engine on DuckDB and on PySpark local: the same run, wall time each.

    python -m benchmarks monitoring_spark --data /tmp/synth750k      # ~1 M benefit rows
    python -m benchmarks monitoring_spark --data DIR --engines pyspark --repeat 1

Each run is a fresh child process (`effekt monitoring run --engine ...` as a library call,
CSV files written). For PySpark the start of the local SparkSession is timed apart from the
run. The parent checks that both engines wrote byte-identical CSV files. Needs effekt[spark].
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
from pathlib import Path

import pyarrow.parquet as pq

from benchmarks.monitoring_national import _child

_RUN = """
import hashlib, json, time
from pathlib import Path
from effekt.monitoring.engine import RunOptions, backends, run
from effekt.monitoring.engine.render import write_csv
began = time.perf_counter()
if {engine!r} == "pyspark":
    backends.spark_session()
session = time.perf_counter() - began
options = RunOptions(Path({data!r}), {start!r}, {end!r}, threads={threads!r}, engine={engine!r})
result = run(options)
seconds = time.perf_counter() - began - session
paths = write_csv(result, Path({out!r}))
print(json.dumps({{"seconds": seconds, "session": session,
                   "digests": {{p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}},
                   "focus_rows": len(result.focus_targets), "worklist": len(result.worklist)}}))
"""


def _args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="benchmarks monitoring_spark")
    parser.add_argument("--data", type=Path, required=True, help="register folder (Parquet)")
    parser.add_argument("--engines", default="duckdb,pyspark", help="comma-separated")
    parser.add_argument("--repeat", type=int, default=1, help="runs per engine (median)")
    parser.add_argument("--from", dest="start", default=None, metavar="YYYY-MM")
    parser.add_argument("--to", dest="end", default=None, metavar="YYYY-MM")
    parser.add_argument("--threads", type=int, default=2, help="DuckDB threads")
    return parser.parse_args(argv)


def _rows(data: Path) -> str:
    names = ("persons", "benefits", "conversations", "offers")
    counts = {n: pq.ParquetFile(data / f"{n}.parquet").metadata.num_rows for n in names}
    return ", ".join(f"{n} {c:,}" for n, c in counts.items())


def _engine(args: argparse.Namespace, engine: str, work: Path) -> dict[str, str]:
    runs = []
    for index in range(args.repeat):
        code = _RUN.format(
            data=str(args.data), start=args.start, end=args.end, threads=args.threads,
            engine=engine, out=str(work / f"{engine}{index}"),
        )  # fmt: skip
        load = os.getloadavg()[0]
        run, _ = _child(code)
        runs.append(run)
        print(
            f"{engine}: run {float(str(run['seconds'])):.1f} s wall "
            f"(session start {float(str(run['session'])):.1f} s), load {load:.1f} -> "
            f"{os.getloadavg()[0]:.1f}; {run['focus_rows']} focus rows, "
            f"{run['worklist']} work-list lines",
            flush=True,
        )
    median = statistics.median(float(str(r["seconds"])) for r in runs)
    print(f"{engine}: median of {args.repeat}: {median:.1f} s")
    return {str(k): str(v) for k, v in dict(runs[0]["digests"]).items()}  # type: ignore[call-overload]


def main(argv: list[str]) -> int:
    args = _args(argv)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f}; "
        f"data {args.data}: {_rows(args.data)}"
    )
    work = Path(tempfile.mkdtemp(prefix="effekt-bench-spark-"))
    digests = {engine: _engine(args, engine, work) for engine in args.engines.split(",")}
    if len(digests) > 1:
        same = len({tuple(sorted(d.items())) for d in digests.values()}) == 1
        print(f"output files identical on {', '.join(digests)}: {'yes' if same else 'NO'}")
        return 0 if same else 1
    return 0
