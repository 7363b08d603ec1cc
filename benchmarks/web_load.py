"""Load on the consultant dashboard and a course page: wrk with 50 connections on loopback
against gunicorn, on the database in EFFEKT_DATABASE_URL (load it with `demo_data`).

    EFFEKT_DATABASE_URL=postgres://… python -m benchmarks web_load --connections 50 --seconds 30

Needs Debian's wrk. Prints p50/p95/p99 latency, requests per second and errors per page.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

LUA = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT p50=%.2f p95=%.2f p99=%.2f requests=%d errors=%d non2xx=%d\\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, e.connect + e.read + e.write + e.timeout, e.status))
end
"""


def _session_cookie(username: str) -> str:
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from effekt.organisations.models import User

    user = User.objects.get(username=username)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def _wait(url: str, cookie: str) -> None:
    request = urllib.request.Request(url, headers={"Cookie": cookie})
    for _ in range(100):
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer 200")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks web_load")
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--port", type=int, default=8077)
    args = parser.parse_args(argv)
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install wrk")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "effekt.settings")
    import django

    django.setup()
    from django.db import connection

    from effekt.progression.models import Course, CourseStatus, Measurement

    supplier = _session_cookie("demo-leverandoer-jobvejen")
    jobcentre = _session_cookie("demo-jobkonsulent-rudersdal")
    course = Course.objects.filter(
        supplier__name="Jobvejen ApS", status=CourseStatus.ACTIVE, measurements__isnull=False
    ).first()
    assert course is not None, "load demo data first"
    base = f"http://127.0.0.1:{args.port}"
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "effekt.wsgi:application",
            "-w",
            str(args.workers),
            "-b",
            f"127.0.0.1:{args.port}",
            "--log-level",
            "warning",
        ],
        env={**os.environ, "EFFEKT_DEBUG": "0"},
    )
    pages = [
        ("supplier dashboard", "/forloeb/", supplier),
        ("jobcentre dashboard", "/forloeb/", jobcentre),
        ("course page", f"/forloeb/{course.pk}/", supplier),
    ]
    try:
        _wait(base + "/forloeb/", supplier)
        print(
            f"machine: {platform.machine()}, {os.cpu_count()} cores; database {connection.vendor}; "
            f"{Course.objects.count()} courses, {Measurement.objects.count()} measurements; "
            f"gunicorn {args.workers} workers; wrk {args.connections} connections, {args.seconds} s"
        )
        with tempfile.TemporaryDirectory() as folder:
            script = Path(folder) / "percentiles.lua"
            script.write_text(LUA)
            for name, path, cookie in pages:
                output = subprocess.run(
                    [
                        "wrk",
                        "-t2",
                        f"-c{args.connections}",
                        f"-d{args.seconds}s",
                        "-s",
                        str(script),
                        "-H",
                        f"Cookie: {cookie}",
                        base + path,
                    ],
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
                rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
                result = re.search(r"RESULT (.*)", output)
                print(
                    f"{name:<20} {result.group(1) if result else output} "
                    f"req/s={rate.group(1) if rate else '?'}"
                )
    finally:
        server.terminate()
        server.wait(timeout=30)
    return 0
