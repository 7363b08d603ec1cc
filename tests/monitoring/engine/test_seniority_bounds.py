"""The seniority stage drops ranges, spells and periods that cannot reach `_least_days`: every
day's threshold in days must be at least that, whatever the parameter sets' `spell_months`."""

from __future__ import annotations

from pathlib import Path

import ibis  # type: ignore[import-untyped]
import pytest

from effekt.monitoring.engine import connect
from effekt.monitoring.engine.calendar import calendar_table, month_index
from effekt.monitoring.engine.parameters import load_rules
from effekt.monitoring.engine.seniority import _least_days, needed_days

DEFAULT = Path(__file__).parents[3] / "src/effekt/monitoring/parameters/parameter_sets.toml"


@pytest.mark.parametrize("later_months", [None, 1, 5])
def test_every_days_threshold_reaches_the_least_days(
    tmp_path: Path, later_months: int | None
) -> None:
    path = None
    if later_months is not None:
        extra = ["", "[[parameter_set]]", 'name = "later"', 'valid_from = "2027-01-01"']
        path = tmp_path / "rules.toml"
        text = DEFAULT.read_text("utf-8") + "\n".join([*extra, f"spell_months = {later_months}"])
        path.write_text(text + "\n", "utf-8")
    rules = load_rules(path)
    lo, hi = month_index(2019, 1), month_index(2028, 12)
    back = max(s.spell_months for s in rules.sets)
    con = connect(threads=1)
    cal = con.to_pyarrow(calendar_table(rules, lo - back, hi)).to_pylist()
    days = [
        (c["m"], d) for c in cal if c["m"] >= lo for d in range(c["first_day"], c["last_day"] + 1)
    ]
    rows = ibis.memtable(
        {"m": [m for m, _ in days], "last_in_m": [d for _, d in days]},
        schema={"m": "int64", "last_in_m": "int64"},
    )
    t = needed_days(rows, calendar_table(rules, lo - back, hi))
    assert con.execute(t.count()) == len(days)
    assert con.execute(t.threshold.min()) >= _least_days(rules)
