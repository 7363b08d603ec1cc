"""What happens during spells of measured benefits: exemptions, offers, conversations, work.

Counts are Poisson in the months of each spell inside the window (and the two years of
history before it), with rates that differ between municipalities so that some meet the focus
targets and some do not.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from effekt.core import registers
from effekt.monitoring.synth.benefits import Spells
from effekt.monitoring.synth.frame import (
    DAYS_PER_MONTH,
    Ints,
    Window,
    dates,
    hours_text,
    pick,
    uniform_days,
)
from effekt.monitoring.synth.places import Municipalities, People

MEASURED = registers.PUBLIC_SUPPORT_BENEFITS
OFFERS = ("loentilskud", "virksomhedspraktik", "nytteindsats", "vejledning_opkvalificering")


@dataclass(frozen=True)
class Ranges:
    """Measured spells cut to the window and its history (the two years before it)."""

    person: Ints
    benefit: np.ndarray
    start: Ints
    end: Ints
    municipality: Ints

    @property
    def months(self) -> np.ndarray:
        return (self.end - self.start + 1) / DAYS_PER_MONTH


def ranges(s: Spells, pop: People, window: Window) -> Ranges:
    keep = np.isin(s.benefit, MEASURED)
    start = np.maximum(s.start[keep], window.history_start)
    end = np.minimum(s.end[keep], window.end)
    ok = end >= start
    person = s.person[keep][ok]
    return Ranges(person, s.benefit[keep][ok], start[ok], end[ok], pop.home[person])


def _events(rng: np.random.Generator, r: Ranges, rate: np.ndarray) -> tuple[Ints, Ints]:
    """Poisson many events per range: (range index, day) of each."""
    counts = rng.poisson(rate * r.months)
    index = np.repeat(np.arange(len(counts)), counts)
    return index, uniform_days(rng, r.start[index], r.end[index])


def _rows(rng: np.random.Generator, r: Ranges, share: float) -> Ints:
    return np.flatnonzero(rng.random(len(r.start)) < share)


def exemptions_table(rng: np.random.Generator, r: Ranges, pop: People) -> pa.Table:
    """Exemptions inside 6 % of the measured spells, one to eight months long."""
    i = _rows(rng, r, 0.06)
    start = uniform_days(rng, r.start[i], r.end[i])
    end = np.minimum(start + rng.integers(30, 240, len(i)), r.end[i])
    reason = pick(rng, ("barsel", "opfoelgning_uden_kontakt", "other"), [0.25, 0.35, 0.4], len(i))
    return pa.table(
        {
            "person_id": pop.ids.take(pa.array(r.person[i])),
            "reason": reason,
            "start_date": dates(start),
            "end_date": dates(end),
        }
    )


def offers_table(
    rng: np.random.Generator, r: Ranges, pop: People, m: Municipalities, window: Window
) -> pa.Table:
    """Offers of two weeks to half a year; partial return to work for sygedagpenge. Offers
    running past the last day of the data are still running (no end date)."""
    i, start = _events(rng, r, m.offer_rate[r.municipality])
    n = len(i)
    kind = pick(rng, (*OFFERS, "mentor"), [0.3, 0.35, 0.1, 0.15, 0.1], n)
    sick = pa.array(r.benefit[i] == "sygedagpenge")
    kind = pc.if_else(pc.and_(sick, pa.array(rng.random(n) < 0.7)), "delvis_raskmelding", kind)
    end = start + rng.integers(14, 180, n)
    return pa.table(
        {
            "person_id": pop.ids.take(pa.array(r.person[i])),
            "offer": kind,
            "start_date": dates(start),
            "end_date": dates(end, open_from=window.end),
        }
    )


def conversations_table(
    rng: np.random.Generator, r: Ranges, pop: People, m: Municipalities
) -> pa.Table:
    """Conversations: mostly in person; follow-up for sygedagpenge; a-kasse for dagpenge."""
    i, day = _events(rng, r, m.talk_rate[r.municipality])
    n = len(i)
    benefit = r.benefit[i]
    form = pick(rng, ("personligt", "telefon", "video", "andet"), [0.75, 0.1, 0.12, 0.03], n)
    kind = pick(rng, ("jobsamtale", "faellessamtale", "other"), [0.88, 0.07, 0.05], n)
    kind = pc.if_else(pa.array(benefit == "sygedagpenge"), "sygeopfoelgning", kind)
    held = pick(rng, ("jobcenter", "anden_aktoer"), [0.9, 0.1], n)
    akasse = (benefit == "dagpenge") & (rng.random(n) < 0.4)
    held = pc.if_else(pa.array(akasse), "akasse", held)
    return pa.table(
        {
            "person_id": pop.ids.take(pa.array(r.person[i])),
            "date": dates(day),
            "form": form,
            "kind": kind,
            "held_by": held,
            "akasse_experiment": pa.array(akasse & (rng.random(n) < 0.5)),
        }
    )


def employment_table(rng: np.random.Generator, r: Ranges, pop: People, window: Window) -> pa.Table:
    """Ordinary work: 1-6 consecutive months with 10-120 hours for 10 % of measured spells,
    up to the last month of the data."""
    i = _rows(rng, r, 0.10)
    first = uniform_days(rng, r.start[i], r.end[i])
    length = rng.integers(1, 7, len(i))
    row = np.repeat(np.arange(len(i)), length)
    offset = np.arange(len(row)) - np.repeat(np.cumsum(length) - length, length)
    day = first[row] + (offset * DAYS_PER_MONTH).astype(np.int64)
    inside = day <= window.end
    row, day = row[inside], day[inside]
    month = pc.strftime(dates(day).cast(pa.timestamp("s")), format="%Y-%m")
    hundredths = rng.integers(1000, 12000, len(row))
    keys = pa.table({"person_id": pop.ids.take(pa.array(r.person[i][row])), "month": month})
    table = keys.append_column("hours", hours_text(hundredths))
    firsts = table.group_by(["person_id", "month"], use_threads=False).aggregate([("hours", "min")])
    return firsts.select(["person_id", "month", "hours_min"]).rename_columns(
        ["person_id", "month", "hours"]
    )
