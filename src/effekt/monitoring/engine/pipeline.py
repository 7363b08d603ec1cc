"""The chain of Ibis stages from staged input tables to the per-person and per-municipality tables.

Every stage is a portable Ibis expression (no backend-specific SQL), so the same chain runs on
DuckDB and on Spark.
"""

from __future__ import annotations

from collections.abc import Callable

import ibis.expr.types as ir  # type: ignore[import-untyped]

from effekt.monitoring.engine import codes, measures, outputs, seniority, spells
from effekt.monitoring.engine.calendar import (
    WINDOW_MONTHS,
    calendar_table,
    day_number,
    first_day,
    holiday_table,
)
from effekt.monitoring.engine.frames import clip
from effekt.monitoring.engine.parameters import Rules

# stored stages of `stages` (one progress step each)
STAGES = 20
Store = Callable[[str, ir.Table], ir.Table]


def _clipped(store: Store, name: str, t: ir.Table, span: spells.Span, keys: list[str]) -> ir.Table:
    """Intervals cut to the months of the measures' windows: keys, start_day, end_day."""
    lo = span.start - WINDOW_MONTHS + 1
    cut = clip(t, lo, span.end, day_number(first_day(lo)), span.end_day)
    return store(name, cut.select(*keys, "start_day", "end_day"))


def stages(
    staged: dict[str, ir.Table], rules: Rules, span: spells.Span, store: Store
) -> dict[str, ir.Table]:
    """Every Ibis stage from the staged tables to the per-person and per-municipality tables.

    `store(name, expr)` materialises a stage, or on DuckDB records its SQL and returns a table
    of the stage's name (`run._Plan`), or in tests returns it unchanged.
    """
    back = max(s.spell_months for s in rules.sets)
    # one month past the end: the day after the last interval has a month too
    cal = store("calendar", calendar_table(rules, span.lo - back, span.end + 1))
    holidays = store("holidays", holiday_table(rules, span.lo - back, span.end + 1))
    intervals = store(
        "benefit_intervals", spells.benefit_intervals(staged["benefits"], rules, span)
    )
    isl = store("benefit_islands", spells.benefit_islands(intervals))
    pieces = store("benefit_pieces", spells.benefit_pieces(isl, cal, rules, span))
    days = store("benefit_days", spells.benefit_days(pieces))
    main = store("main_benefit", spells.main_benefit(days, rules))
    dead = store("dead_periods", spells.dead_islands(staged["exemptions"], rules, span))
    senior = store(
        "seniority",
        seniority.seniority(
            main, intervals, isl, dead, cal, holidays, rules, span.end_day, span.end
        ),
    )
    # residence is only needed for persons who can be measured
    candidates = senior.select("person_id").distinct()  # every row is long enough
    lived = staged["residence"].semi_join(candidates, "person_id")
    lived = lived.mutate(moved_in=lived.start_day)
    residence = _clipped(
        store, "residence", lived, span, ["person_id", "municipality_code", "moved_in"]
    )
    status = _clipped(
        store,
        "municipality_status",
        staged["municipality_status"],
        span,
        ["municipality_code", "status"],
    )
    persons = staged["persons"]
    population = store("population", spells.population(senior, persons, residence, rules, span))
    counted = store("counted_offers", measures.counted_offers(staged["offers"], rules, span))
    talks = store(
        "conversation_windows",
        measures.conversation_windows(
            codes.decoded(staged["conversations"]),
            population,
            counted,
            dead,
            residence,
            status,
            rules,
        ),
    )
    offers = store("offer_windows", measures.offer_windows(counted, span))
    work = store(
        "employment_windows", measures.employment_windows(staged["employment_hours"], span)
    )
    exempt = store("exemption_windows", measures.exemption_windows(staged["exemptions"], span))
    measured = store(
        "person_measures", outputs.person_measures(population, offers, work, exempt, talks, cal)
    )
    result_counts = store(
        "result_counts",
        outputs.result_counts(intervals, staged["residence"], persons, rules, span),
    )
    return {
        "measured": measured,
        "focus_counts": store("focus_counts", outputs.focus_counts(measured)),
        "result_counts": result_counts,
    }
