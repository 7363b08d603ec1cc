"""National monitoring benchmark: synthetic Denmark through the register engine.

    python -m benchmarks monitoring_national --data /tmp/dk        # generates it if missing
    python -m benchmarks monitoring_national --persons 100000 --years 2 --repeat 1

Measures, each in a fresh child process (peak memory is the child's maximum resident set):
the generator; the floor (a bare DuckDB sort of the benefits input); the pipeline (all
monthly focus-target shares, running means, result target, verdicts and work lists for the
98 municipalities, CSV files written); and, on a small sample, the speed-up of the engine
over the slow per-person reference implementation in tests/monitoring/reference.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_GENERATE = """
import json, sys, time
from pathlib import Path
from effekt.monitoring.synth import SynthOptions, generate, write
began = time.perf_counter()
tables = generate(SynthOptions(persons={persons}, years={years}, first_year={first_year}))
write(tables, Path({out!r}), {fmt!r})
rows = {{name: t.num_rows for name, t in tables.items()}}
print(json.dumps({{"seconds": time.perf_counter() - began, "rows": rows}}))
"""

_FLOOR = """
import json, time, duckdb
con = duckdb.connect(config={config})
cpu0 = _cpu()
began = time.perf_counter()
con.execute("create temp table s as select * from read_parquet({path!r}) "
            "order by person_id, start_date")
print(json.dumps({{"seconds": time.perf_counter() - began, "cpu": _cpu() - cpu0}}))
"""

_PIPELINE = """
import json, time
from pathlib import Path
from effekt.monitoring.engine import RunOptions, run
from effekt.monitoring.engine.render import write_csv
cpu0 = _cpu()
began = time.perf_counter()
result = run(RunOptions(Path({data!r}), {start!r}, {end!r}, None, {limit!r}, {threads!r}))
write_csv(result, Path({out!r}))
print(json.dumps({{"seconds": time.perf_counter() - began, "cpu": _cpu() - cpu0,
                   "focus_rows": len(result.focus_targets), "verdicts": len(result.verdicts),
                   "municipalities": len({{f.municipality_code for f in result.focus_targets}}),
                   "worklist": len(result.worklist)}}))
"""

# the pipeline once more, timing the staging, the compiling and each stage (summed over the
# batches of persons); a stage streamed into the next query counts with that query. The
# batches run two at a time, so their seconds add up to more than the wall time
_STAGES = """
import json, time, importlib
from pathlib import Path
import threading
from effekt.monitoring.engine import RunOptions, run, parallel
engine = importlib.import_module("effekt.monitoring.engine.run")
lock = threading.Lock()
seconds = {{}}
began = time.perf_counter()
def add(name, t):
    with lock:
        seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - t
def timed(name, function):
    def call(*args, **kwargs):
        t = time.perf_counter()
        out = function(*args, **kwargs)
        add(name, t)
        return out
    return call
engine.staged_inputs = timed("reading, validating and staging the inputs", engine.staged_inputs)
engine._plan = timed("compiling the stages", engine._plan)
create = parallel.create
def timed_create(cursor, name, sql):
    t = time.perf_counter()
    create(cursor, name, sql)
    add(name, t)
parallel.create = timed_create
run(RunOptions(Path({data!r}), {start!r}, {end!r}, None, {limit!r}, {threads!r}))
total = time.perf_counter() - began
print(json.dumps({{"seconds": total, "stages": seconds}}))
"""

_REFERENCE = """
import json, sys, time
sys.path.insert(0, {root!r})
from tests.monitoring.reference.reference import focus_targets
from tests.monitoring.reference.tables import read_register
began = time.perf_counter()
rows = focus_targets(read_register(__import__("pathlib").Path({data!r})), {first}, {last})
print(json.dumps({{"seconds": time.perf_counter() - began, "focus_rows": len(rows)}}))
"""


_CPU = """
import resource
def _cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
"""


def _child(code: str) -> tuple[dict[str, object], float]:
    """Run `code` in a fresh Python; its JSON line and its peak resident memory in GB.

    `_cpu()` (user + system seconds of the child, all threads) is defined for `code`."""
    command = [sys.executable, "-c", _CPU + code]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(done.stderr[-3000:])
    peak = _peak_children_gb()
    return json.loads(done.stdout.strip().splitlines()[-1]), peak


def _peak_children_gb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024 / 1024


def _median(code: str, repeat: int) -> tuple[list[dict[str, object]], float]:
    runs = [_child(code) for _ in range(repeat)]
    return [r for r, _ in runs], max(p for _, p in runs)


def _seconds(runs: list[dict[str, object]], key: str = "seconds") -> float:
    return statistics.median(float(str(r.get(key, "nan"))) for r in runs)


def _args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="benchmarks monitoring_national")
    parser.add_argument("--data", type=Path, help="synthetic data folder (made if missing)")
    parser.add_argument("--persons", type=int, default=3_800_000)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--first-year", type=int, default=2019)
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="runs of the floor and the pipeline (median); 0 skips them",
    )
    parser.add_argument("--memory-limit", default="3.5GB", help="DuckDB memory limit")
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--sample-persons", type=int, default=10_000, help="0 skips the reference")
    parser.add_argument("--stages", action="store_true", help="one more run, timing each stage")
    return parser.parse_args(argv)


def _reference(args: argparse.Namespace, work: Path) -> dict[str, float]:
    """Engine and reference on the same small CSV sample, one year reported."""
    sample = work / "sample"
    _child(
        _GENERATE.format(
            persons=args.sample_persons, years=1, first_year=args.first_year, out=str(sample),
            fmt="csv",
        )
    )  # fmt: skip
    month = f"{args.first_year}-01", f"{args.first_year}-12"
    engine, _ = _child(
        _PIPELINE.format(
            data=str(sample), start=month[0], end=month[1], limit=args.memory_limit,
            threads=args.threads, out=str(work / "sample_out"),
        )
    )  # fmt: skip
    root = str(Path(__file__).resolve().parents[1])
    first, last = (args.first_year, 1), (args.first_year, 12)
    reference, _ = _child(_REFERENCE.format(root=root, data=str(sample), first=first, last=last))
    return {
        "engine_s": float(str(engine["seconds"])),
        "reference_s": float(str(reference["seconds"])),
        "engine_rows": float(str(engine["focus_rows"])),
        "reference_rows": float(str(reference["focus_rows"])),
    }


def _print_stages(data: Path, start: str, end: str, args: argparse.Namespace) -> None:
    code = _STAGES.format(
        data=str(data), start=start, end=end, limit=args.memory_limit, threads=args.threads
    )
    timed, _ = _child(code)
    stages = timed["stages"]
    assert isinstance(stages, dict)
    slowest = sorted(stages.items(), key=lambda item: -float(item[1]))
    print(
        f"stages (one more run, {float(str(timed['seconds'])):.1f} s wall; each stage's seconds "
        "summed over the batches, two of which run at once):"
    )
    for name, seconds in slowest:
        print(f"  {float(seconds):6.1f} s  {name}")


def main(argv: list[str]) -> int:
    args = _args(argv)
    work = Path(tempfile.mkdtemp(prefix="effekt-bench-"))
    data = args.data or work / "denmark"
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f}"
    )
    if not (data / "benefits.parquet").exists():
        made, peak = _child(
            _GENERATE.format(
                persons=args.persons, years=args.years, first_year=args.first_year,
                out=str(data), fmt="parquet",
            )
        )  # fmt: skip
        print(f"generated {data} in {float(str(made['seconds'])):.1f} s, peak {peak:.2f} GB")
        print(f"rows: {made['rows']}")
    start = f"{args.first_year}-01"
    end = f"{args.first_year + args.years - 1}-12"
    if args.repeat > 0:
        _floor_and_pipeline(args, data, work, (start, end))
    if args.stages:
        _print_stages(data, start, end, args)
    if args.sample_persons:
        ref = _reference(args, work)
        print(
            f"reference sample ({args.sample_persons} persons, 12 months): engine "
            f"{ref['engine_s']:.1f} s, reference {ref['reference_s']:.1f} s, speed-up "
            f"{ref['reference_s'] / ref['engine_s']:.1f}x "
            f"({ref['engine_rows']:.0f} and {ref['reference_rows']:.0f} focus rows)"
        )
    return 0


def _floor_and_pipeline(
    args: argparse.Namespace, data: Path, work: Path, months: tuple[str, str]
) -> None:
    start, end = months
    config = {"memory_limit": args.memory_limit} | (
        {"threads": args.threads} if args.threads else {}
    )
    floor_runs, _ = _median(
        _FLOOR.format(config=config, path=str(data / "benefits.parquet")), args.repeat
    )
    floor = _seconds(floor_runs)
    print(
        f"floor: DuckDB sort of benefits.parquet, median of {args.repeat}: {floor:.2f} s wall, "
        f"{_seconds(floor_runs, 'cpu'):.2f} s CPU"
    )
    began = time.perf_counter()
    runs, peak = _median(
        _PIPELINE.format(
            data=str(data), start=start, end=end, limit=args.memory_limit, threads=args.threads,
            out=str(work / "out"),
        ),
        args.repeat,
    )  # fmt: skip
    pipeline = _seconds(runs)
    print(
        f"pipeline {start}..{end}: median of {args.repeat} {pipeline:.1f} s "
        f"(all: {', '.join(f'{float(str(r["seconds"])):.1f}' for r in runs)}), "
        f"{_seconds(runs, 'cpu'):.1f} s CPU, "
        f"peak memory {peak:.2f} GB, ratio to floor {pipeline / floor:.1f}; "
        f"{runs[0]['municipalities']} municipalities, {runs[0]['focus_rows']} focus rows, "
        f"{runs[0]['verdicts']} verdicts, {runs[0]['worklist']} work-list lines "
        f"(wall for all runs {time.perf_counter() - began:.0f} s)"
    )
