"""How long demo data takes to generate at a given scale, on the configured database.

EFFEKT_DATABASE_URL=... python -m benchmarks demo_data --scale 250   # 100,000 courses
"""

from __future__ import annotations

import argparse
import os
import platform
import time


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks demo_data")
    parser.add_argument("--scale", type=float, default=25.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "effekt.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from effekt.demo.generate import run_demo
    from effekt.progression.models import Course, IndicatorScore, Measurement

    call_command("migrate", "--noinput", verbosity=0)
    started = time.perf_counter()
    run_demo(seed=args.seed, scale=args.scale, echo=lambda _: None)
    elapsed = time.perf_counter() - started
    print(
        f"machine: {platform.machine()} {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, "
        f"database {connection.vendor}\n"
        f"courses {Course.objects.count()}, measurements {Measurement.objects.count()}, "
        f"indicator scores {IndicatorScore.objects.count()}\n"
        f"generation time {elapsed:.1f} s"
    )
    return 0
