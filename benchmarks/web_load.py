"""Load on the consultant dashboard and a course page: wrk on loopback against gunicorn, on
the database in EFFEKT_DATABASE_URL (load it with `demo_data`).

    EFFEKT_DATABASE_URL=postgres://… python -m benchmarks web_load --connections 50 --seconds 30
    … web_load --pages floor,layout,healthz --sessions signed_cookies   # what Django costs

Needs Debian's wrk. Prints p50/p95/p99 latency, requests per second, errors, the load
average and the CPU time per request of gunicorn's workers, of their PostgreSQL backends
(found by PGAPPNAME; the server must run on this machine) and of wrk: the machine's other
load changes the latencies, much less the CPU a request takes.

Pages: `supplier` and `jobcentre` (the dashboards), `course` (a course page), and the
floor: `healthz` (no login), `floor` (a logged-in trivial page through the whole middleware
stack), `layout` (a logged-in empty page in the DKFDS layout). The floor pages exist only in
this benchmark's URLs (`floor_application`), not in the product.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from importlib import import_module
from pathlib import Path
from typing import Any

LUA = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT p50=%.2f p95=%.2f p99=%.2f requests=%d errors=%d non2xx=%d\\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, e.connect + e.read + e.write + e.timeout, e.status))
end
"""
APP_NAME = "effekt-web-load"  # the benchmark server's PostgreSQL connections
PAGES = ["supplier", "jobcentre", "course"]
FLOOR = ["healthz", "floor", "layout"]
SESSION_ENGINES = {
    "db": "django.contrib.sessions.backends.db",
    "signed_cookies": "django.contrib.sessions.backends.signed_cookies",
}


def _floor(request: Any) -> Any:
    from django.contrib.auth.decorators import login_required
    from django.http import HttpResponse

    @login_required
    def view(request: Any) -> Any:
        return HttpResponse(f"ok {request.user.pk}", content_type="text/plain")

    return view(request)


def _layout(request: Any) -> Any:
    from django.contrib.auth.decorators import login_required
    from django.shortcuts import render

    return login_required(lambda r: render(r, "web/base.html"))(request)


def _urlpatterns() -> list[Any]:
    from django.urls import include, path

    return [
        path("_floor/", _floor),
        path("_floor/layout/", _layout),
        path("", include("effekt.urls")),
    ]


def __getattr__(name: str) -> Any:
    if name == "urlpatterns":  # this module is the URLconf of `floor_application`
        return _urlpatterns()
    raise AttributeError(name)


def floor_application(sessions: str = "db") -> Any:
    """The product's WSGI application with the floor pages added and the given sessions."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "effekt.settings")
    from django.conf import settings
    from django.core.wsgi import get_wsgi_application

    settings.ROOT_URLCONF = __name__
    settings.SESSION_ENGINE = SESSION_ENGINES[sessions]  # before the middleware is built
    return get_wsgi_application()


def _session_cookie(username: str, engine: str) -> str:
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    from effekt.organisations.models import User

    user = User.objects.get(username=username)
    session = import_module(engine).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
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


def _pages(names: list[str], engine: str) -> list[tuple[str, str, str]]:
    from effekt.progression.models import Course, CourseStatus

    supplier = _session_cookie("demo-leverandoer-jobvejen", engine)
    jobcentre = _session_cookie("demo-jobkonsulent-rudersdal", engine)
    course = Course.objects.filter(
        supplier__name="Jobvejen ApS", status=CourseStatus.ACTIVE, measurements__isnull=False
    ).first()
    assert course is not None, "load demo data first"
    known = {
        "supplier": ("supplier dashboard", "/forloeb/", supplier),
        "jobcentre": ("jobcentre dashboard", "/forloeb/", jobcentre),
        "course": ("course page", f"/forloeb/{course.pk}/", supplier),
        "healthz": ("healthz (no login)", "/healthz", ""),
        "floor": ("trivial logged-in", "/_floor/", supplier),
        "layout": ("empty page in layout", "/_floor/layout/", supplier),
    }
    return [known[name] for name in names]


def _wrk(url: str, cookie: str, connections: int, seconds: int, script: Path) -> tuple[str, int]:
    """wrk's percentiles and rate, and the number of requests it made."""
    headers = ["-H", f"Cookie: {cookie}"] if cookie else []
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-s", str(script), *headers]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    result = re.search(r"RESULT (.*)", output)
    requests = re.search(r"requests=(\d+)", output)
    text = f"{result.group(1) if result else output} req/s={rate.group(1) if rate else '?'}"
    return text, int(requests.group(1)) if requests else 0


def _cpu(pids: set[int]) -> dict[int, float]:
    """CPU seconds (user + system) each process has used so far (Linux /proc)."""
    used = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        used[pid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return used


def _server_pids(master: int) -> set[int]:
    """gunicorn's workers, and the PostgreSQL backends of their connections (PGAPPNAME)."""
    from django.db import connection

    workers = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == master:
                workers.add(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    backends: set[int] = set()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pid FROM pg_stat_activity WHERE application_name = %s", [APP_NAME]
            )
            backends = {pid for (pid,) in cursor.fetchall()}
    return workers | {-pid for pid in backends}


def _cpu_split(before: dict[int, float], pids: set[int]) -> tuple[float, float]:
    """CPU seconds of the gunicorn workers and of the PostgreSQL backends since `before`
    (a process that ended meanwhile is left out, so the figure can only be too low)."""
    after = _cpu({abs(pid) for pid in pids})
    django = sum(after[p] - before.get(p, 0) for p in pids if p > 0 and p in after)
    database = sum(after[-p] - before.get(-p, 0) for p in pids if p < 0 and -p in after)
    return django, database


def _measured(url: str, cookie: str, args: argparse.Namespace, script: Path, master: int) -> str:
    """One page under load, with the CPU it took per request: gunicorn, PostgreSQL, wrk."""
    if args.warmup:  # enough connections to reach every worker's first (slow) request
        warm = max(args.connections, 2 * args.workers * args.threads)
        _wrk(url, cookie, warm, args.warmup, script)
    load = _load()
    pids = _server_pids(master)
    before = _cpu({abs(pid) for pid in pids})
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    text, requests = _wrk(url, cookie, args.connections, args.seconds, script)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    wrk = after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime
    django, database = _cpu_split(before, pids | _server_pids(master))
    per = 1000 / max(requests, 1)
    return (
        f"{text} cpu/request: gunicorn {django * per:.2f} ms, postgres {database * per:.2f} ms, "
        f"wrk {wrk * per:.2f} ms ({load}; after: {_load()})"
    )


def _load() -> str:
    return "load {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="benchmarks web_load")
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=30)
    # gthread keeps connections alive; 5 sync workers did a half to a third of the requests
    # at 50 connections, with wrk's 2 s timeouts (figures in docs/benchmarks.md)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--worker-class", default="gthread", help="gunicorn's: gthread or sync")
    parser.add_argument("--threads", type=int, default=4, help="threads per gthread worker")
    parser.add_argument("--port", type=int, default=8077)
    parser.add_argument("--pages", default=",".join(PAGES), help=", ".join(PAGES + FLOOR))
    parser.add_argument("--sessions", choices=sorted(SESSION_ENGINES), default="db")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of load before each page")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = _arguments(argv)
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install wrk")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "effekt.settings")
    import django

    django.setup()
    from django.db import connection

    from effekt.progression.models import Course, Measurement

    pages = _pages(args.pages.split(","), SESSION_ENGINES[args.sessions])
    base = f"http://127.0.0.1:{args.port}"
    app = f"benchmarks.web_load:floor_application({args.sessions!r})"
    gunicorn = [sys.executable, "-m", "gunicorn", app, "-w", str(args.workers)]
    options = ["-k", args.worker_class, "--threads", str(args.threads), "--log-level", "warning"]
    server = subprocess.Popen(
        [*gunicorn, *options, "-b", f"127.0.0.1:{args.port}"],
        env={**os.environ, "EFFEKT_DEBUG": "0", "PGAPPNAME": APP_NAME},
    )
    try:
        _wait(base + pages[0][1], pages[0][2])
        print(
            f"machine: {platform.machine()}, {os.cpu_count()} cores; database {connection.vendor}; "
            f"{Course.objects.count()} courses, {Measurement.objects.count()} measurements; "
            f"gunicorn {args.workers} {args.worker_class} workers × {args.threads} threads; "
            f"{args.sessions} sessions; wrk {args.connections} connections, {args.seconds} s"
        )
        with tempfile.TemporaryDirectory() as folder:
            script = Path(folder) / "percentiles.lua"
            script.write_text(LUA)
            for name, path, cookie in pages:
                result = _measured(base + path, cookie, args, script, server.pid)
                print(f"{name:<22} {result}", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return 0
