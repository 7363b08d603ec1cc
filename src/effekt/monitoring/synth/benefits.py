"""Benefit spells: stock-flow per benefit, follow-on spells after gaps, changes of benefit.

For each benefit a steady inflow of spells with exponential durations (mean `months`) gives a
monthly stock of about `share` of all persons. Spells start up to three mean durations before
the window so that the stock is there from its first day. Some spells are followed by another
spell of the same person after a short gap (which does not break a spell counted in calendar
months) or a long one, sometimes on another benefit (overgangsydelse to kontanthjælp,
sygedagpenge to jobafklaring, forrevalidering to revalidering).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from effekt.monitoring.synth.frame import (
    DAYS_PER_MONTH,
    DAYS_PER_YEAR,
    Bools,
    Ints,
    Objects,
    Window,
    dates,
    hours_text,
    uniform_days,
)
from effekt.monitoring.synth.places import Municipalities, People

DAGPENGE_HOURS_PER_WEEKDAY = 160.33 * 12 / (365.25 * 5 / 7)


@dataclass(frozen=True)
class Plan:
    """One benefit: monthly stock as a share of persons, mean spell length, ages, follow-ons."""

    benefit: str
    share: float
    months: float
    ages: tuple[int, int]
    follow: float = 0.2
    becomes: str | None = None
    burdened: bool = True


PLANS: tuple[Plan, ...] = (
    Plan("dagpenge", 0.021, 6, (18, 66), 0.3),
    Plan("sygedagpenge", 0.024, 4, (18, 66), 0.15, "jobafklaring"),
    Plan("kontanthjaelp", 0.029, 36, (30, 66), 0.25),
    Plan("uddannelseshjaelp", 0.009, 14, (16, 29), 0.25),
    Plan("overgangsydelse", 0.005, 30, (18, 60), 0.3, "kontanthjaelp"),
    Plan("revalidering", 0.0013, 18, (18, 66)),
    Plan("forrevalidering", 0.0004, 6, (18, 66), 0.5, "revalidering"),
    Plan("ressourceforloeb", 0.0066, 30, (18, 66)),
    Plan("jobafklaring", 0.0026, 12, (18, 66)),
    Plan("ledighedsydelse", 0.004, 12, (25, 66), 0.3),
    Plan("foertidspension", 0.065, 240, (40, 66), 0.0),
    Plan("fleksjob", 0.02, 120, (25, 66), 0.0),
    Plan("selvforsoergelse_hjemrejse", 0.001, 24, (18, 60)),
    Plan("efterloen", 0.0145, 36, (60, 66), 0.0, burdened=False),
    Plan("su", 0.034, 40, (18, 30), 0.1, burdened=False),
    Plan("barsel", 0.016, 10, (20, 45), 0.1, burdened=False),
)
PLAN = {p.benefit: p for p in PLANS}
LOOKBACK_YEARS = 30


@dataclass(frozen=True)
class Spells:
    """Benefit rows as arrays: person index, benefit, first and last day, first-of-chain flag."""

    person: Ints
    benefit: Objects
    start: Ints
    end: Ints
    first: Bools


def _choose(
    rng: np.random.Generator, n: int, plan: Plan, pop: People, m: Municipalities, mid: int
) -> Ints:
    """`n` persons in the plan's age band, more often from municipalities with high burden."""
    young, old = plan.ages
    lo = int(np.searchsorted(pop.birth, mid - (old + 1) * DAYS_PER_YEAR))
    hi = int(np.searchsorted(pop.birth, mid - young * DAYS_PER_YEAR))
    chosen: list[Ints] = [np.zeros(0, dtype=np.int64)]
    have = 0
    while have < n:
        candidates = rng.integers(lo, max(hi, lo + 1), size=2 * (n - have) + 16)
        if plan.burdened:
            accept = m.burden[pop.home[candidates]] / m.burden.max()
            candidates = candidates[rng.random(len(candidates)) < accept]
        chosen.append(candidates[: n - have])
        have += len(chosen[-1])
    return np.concatenate(chosen)


def _durations(rng: np.random.Generator, months: float, n: int) -> Ints:
    return np.maximum(rng.exponential(months * DAYS_PER_MONTH, size=n), 1).astype(np.int64)


def _first_spells(
    rng: np.random.Generator, plan: Plan, pop: People, m: Municipalities, window: Window
) -> Spells:
    lookback = int(min(3 * plan.months, 12 * LOOKBACK_YEARS) * DAYS_PER_MONTH)
    per_day = plan.share * len(pop.birth) / (plan.months * DAYS_PER_MONTH)
    n = int(per_day * (window.end - window.start + lookback))
    start = uniform_days(rng, np.full(n, window.start - lookback), np.full(n, window.end))
    who = _choose(rng, n, plan, pop, m, (window.start + window.end) // 2)
    end = start + _durations(rng, plan.months, n) - 1
    names = np.full(n, plan.benefit, dtype=object)
    return Spells(who, names, start, end, np.ones(n, dtype=bool))


def _follow_ons(rng: np.random.Generator, plan: Plan, first: Spells) -> Spells:
    take = np.flatnonzero(rng.random(len(first.start)) < plan.follow)
    changes = rng.random(len(take)) < (0.5 if plan.becomes else 0.0)
    names = np.where(changes, plan.becomes or plan.benefit, plan.benefit).astype(object)
    short = rng.random(len(take)) < 0.5
    gap = np.where(short, rng.integers(1, 20, len(take)), rng.integers(35, 365, len(take)))
    start = first.end[take] + gap + np.where(changes, -gap, 0) + 1
    months = np.array([PLAN[str(b)].months for b in names]) if len(take) else np.zeros(0)
    length = np.maximum(rng.exponential(months * DAYS_PER_MONTH), 1).astype(np.int64)
    return Spells(first.person[take], names, start, start + length - 1, changes)


def _concat(parts: list[Spells]) -> Spells:
    return Spells(
        np.concatenate([p.person for p in parts]),
        np.concatenate([p.benefit for p in parts]),
        np.concatenate([p.start for p in parts]),
        np.concatenate([p.end for p in parts]),
        np.concatenate([p.first for p in parts]),
    )


def spells(rng: np.random.Generator, pop: People, m: Municipalities, window: Window) -> Spells:
    """Every benefit spell that overlaps the window, starting no earlier than age 16.

    Spells that began before the register's history start are recorded from that day.
    """
    parts = []
    for plan in PLANS:
        first = _first_spells(rng, plan, pop, m, window)
        parts += [first, _follow_ons(rng, plan, first)]
    s = _concat(parts)
    start = np.maximum(s.start, pop.birth[s.person] + int(16 * DAYS_PER_YEAR))
    start = np.maximum(start, window.history_start)
    keep = (s.end >= window.start) & (start <= window.end) & (s.end >= start)
    return Spells(s.person[keep], s.benefit[keep], start[keep], s.end[keep], s.first[keep])


def benefits_table(rng: np.random.Generator, s: Spells, pop: People, window: Window) -> pa.Table:
    """The `benefits` table; partial dagpenge rows carry their net hours."""
    n = len(s.start)
    is_dp = s.benefit == "dagpenge"
    closed = s.end <= window.end
    partial = is_dp & closed & (rng.random(n) < 0.15)
    weekdays = (s.end - s.start + 1) * 5 / 7
    fraction = rng.uniform(0.3, 0.9, n)
    hundredths = np.round(weekdays * DAGPENGE_HOURS_PER_WEEKDAY * fraction * 100).astype(np.int64)
    hours = hours_text(hundredths)
    hours = pa.compute.if_else(pa.array(partial), hours, pa.nulls(n, pa.string()))
    intro = (s.benefit == "overgangsydelse") & (rng.random(n) < 0.6)
    supplementary = (s.benefit == "kontanthjaelp") & (rng.random(n) < 0.03)
    return pa.table(
        {
            "person_id": pop.ids.take(pa.array(s.person)),
            "benefit": pa.array(s.benefit, pa.string()),
            "start_date": dates(s.start),
            "end_date": dates(s.end, open_from=window.end),
            "hours": hours,
            "new_period": pa.array(is_dp & s.first),
            "intro_program": pa.array(intro),
            "supplementary": pa.array(supplementary),
        }
    )
