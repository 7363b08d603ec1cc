"""A year's steering-group statistics from the database, end to end (query + computation).

    EFFEKT_DATABASE_URL=postgres://… python -m benchmarks statistics_year --period 2025 --runs 7

Load the data first with `python -m benchmarks demo_data --scale 250` (100,000 courses).
Prints the machine, the load average before and after, the data size (courses,
measurements, indicator scores) and the median of the runs (at least 7), split into load
(`DatabaseSource().load`) and compute (`steering_statistics`).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time

MIN_RUNS = 7


def _load_average() -> str:
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks statistics_year")
    parser.add_argument("--period", default="2025")
    parser.add_argument("--runs", type=int, default=MIN_RUNS)
    args = parser.parse_args(argv)
    if args.runs < MIN_RUNS:
        parser.error(f"--runs must be at least {MIN_RUNS} (the issue asks for a median of ≥ 7)")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "effekt.settings")
    import django

    django.setup()
    from django.db import connection

    from effekt.progression.models import Course, IndicatorScore, Measurement
    from effekt.statistics.analysis import Filters, parse_period, steering_statistics
    from effekt.statistics.db_source import DatabaseSource

    period = parse_period(args.period)
    load_before = _load_average()
    loads, computes, totals = [], [], []
    result = None
    for _ in range(args.runs):
        started = time.perf_counter()
        data = DatabaseSource().load(Filters(), period)
        loaded = time.perf_counter()
        result = steering_statistics(data, period)
        done = time.perf_counter()
        loads.append(loaded - started)
        computes.append(done - loaded)
        totals.append(done - started)
    assert result is not None
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, database {connection.vendor}\n"
        f"load average (1, 5, 15 min): {load_before} before, {_load_average()} after\n"
        f"data: {Course.objects.count()} courses, {Measurement.objects.count()} measurements, "
        f"{IndicatorScore.objects.count()} indicator scores\n"
        f"period {args.period}: {result.current.courses} courses ended in it "
        f"(+ {result.previous.courses} in the previous period)\n"
        f"median of {args.runs}: load {statistics.median(loads):.3f} s, "
        f"compute {statistics.median(computes):.3f} s, total {statistics.median(totals):.3f} s "
        f"(total min {min(totals):.3f} s, max {max(totals):.3f} s)"
    )
    return 0
