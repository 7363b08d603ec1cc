"""Run `effekt monitoring run` through its CLI and compare it with the reference."""

from __future__ import annotations

import csv
from fractions import Fraction
from pathlib import Path

from click.testing import CliRunner

from effekt.cli import main

from .calendar import Month, format_month
from .reference import FocusTargetRow, WorklistRow, focus_targets, worklist
from .tables import read_register
from .writer import Table, write_tables

COUNTS = (
    "population",
    "offers_population",
    "offers_met",
    "conversations_population",
    "conversations_met",
)
SHARES = ("offers_share", "conversations_share", "offers_share_12m", "conversations_share_12m")
TOLERANCE = 1e-9


def run_engine(data: Path, out: Path, first: Month, last: Month) -> None:
    """`effekt monitoring run --data DATA --out OUT --from FIRST --to LAST`, which must pass."""
    args = ["monitoring", "run", "--data", str(data), "--out", str(out)]
    args += ["--from", format_month(first), "--to", format_month(last)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, (result.output, result.exception)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _expected(row: FocusTargetRow) -> dict[str, object]:
    values: dict[str, object] = {name: getattr(row, name) for name in COUNTS}
    values.update({name: getattr(row, name) for name in SHARES})
    return values


def _differences(key: tuple[str, str], want: dict[str, object], got: dict[str, str]) -> list[str]:
    found = []
    for name in COUNTS:
        if int(got[name]) != want[name]:
            found.append(f"{key} {name}: reference {want[name]}, engine {got[name]}")
    for name in SHARES:
        share = want[name]
        text = got[name].strip()
        if share is None or not text:
            same = share is None and not text
        else:
            assert isinstance(share, Fraction)
            same = abs(float(text) - float(share)) <= TOLERANCE
        if not same:
            found.append(f"{key} {name}: reference {share}, engine {text or 'empty'}")
    return found


def with_municipalities(tables: dict[str, Table]) -> dict[str, Table]:
    """The tables, with a `municipalities` table naming every municipality lived in."""
    if tables.get("municipalities"):
        return tables
    codes = sorted({row["municipality_code"] for row in tables.get("residence", ())})
    return tables | {"municipalities": [{"municipality_code": c, "name": c} for c in codes]}


def focus_target_differences(
    tables: dict[str, Table], folder: Path, first: Month, last: Month
) -> list[str]:
    """Every way the engine's focus_targets.csv differs from the reference's rows.

    Rows the reference lacks (nobody measured) must have population 0 and empty shares in the
    engine, if the engine writes them at all.
    """
    data, out = write_tables(folder / "data", with_municipalities(tables)), folder / "out"
    run_engine(data, out, first, last)
    mine = {
        (r.municipality_code, format_month(r.month)): _expected(r)
        for r in focus_targets(read_register(data), first, last)
    }
    theirs = {(r["municipality_code"], r["month"]): r for r in read_csv(out / "focus_targets.csv")}
    empty: dict[str, object] = dict.fromkeys(COUNTS, 0) | dict.fromkeys(SHARES)
    found = []
    for key in sorted(set(mine) | set(theirs)):
        if key not in theirs:
            found.append(f"{key}: missing in the engine (reference {mine[key]})")
            continue
        found += _differences(key, mine.get(key, empty), theirs[key])
    return found


def worklist_differences(tables: dict[str, Table], folder: Path, month: Month) -> list[str]:
    """Differences in who is on the work list for `month` and what they lack.

    Run after `focus_target_differences` on the same folder with `month` as its last month.
    """
    register = read_register(folder / "data")
    mine = {(r.municipality_code, r.person_id): r for r in worklist(register, month)}
    theirs = {
        (r["municipality_code"], r["person_id"]): r
        for r in read_csv(folder / "out" / "worklist.csv")
        if r["month"] == format_month(month)
    }
    found = [f"{k}: only in the reference" for k in sorted(set(mine) - set(theirs))]
    found += [f"{k}: only in the engine" for k in sorted(set(theirs) - set(mine))]
    for key in sorted(set(mine) & set(theirs)):
        found += _worklist_row_differences(key, mine[key], theirs[key])
    return found


def _worklist_row_differences(
    key: tuple[str, str], want: WorklistRow, got: dict[str, str]
) -> list[str]:
    pairs = {
        "benefit": (want.benefit, got["benefit"]),
        "conversations": (str(want.conversations), got["conversations"]),
        "last_conversation_date": (
            want.last_conversation_day.isoformat() if want.last_conversation_day else "",
            got["last_conversation_date"],
        ),
        "months_left": (str(want.months_left), got["months_left"]),
    }
    if want.lacks_offer:
        pairs["has_offer"] = ("false", got["has_offer"])
    return [f"{key} {name}: reference {a}, engine {b}" for name, (a, b) in pairs.items() if a != b]
