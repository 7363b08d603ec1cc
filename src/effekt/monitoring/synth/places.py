"""Municipalities (the 98 real codes and names), their status, persons and residence."""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from importlib import resources

import numpy as np
import pyarrow as pa

from effekt.monitoring.synth.frame import (
    DAYS_PER_YEAR,
    Floats,
    Ints,
    Window,
    dates,
    uniform_days,
)

# An illustrative selection, not the official lists: frikommuner in the 2016-2021 frikommune
# trial and forsøgskommuner from 2019 on.
FRIKOMMUNER = ("157", "240", "316", "370", "461", "607", "630", "791", "851")
FORSOEGSKOMMUNER = ("259", "330", "561", "615")
FRIKOMMUNE_PERIOD = (dt.date(2016, 7, 1), dt.date(2021, 12, 31))
FORSOEG_FROM = dt.date(2019, 1, 1)
AGE_RANGE = (16, 66)
MOVES_PER_YEAR = 0.02


@dataclass(frozen=True)
class Municipalities:
    """The municipalities with population weights and a synthetic 'burden' per municipality.

    `burden` (around 1) scales how likely a resident is to be on benefits; it is built from the
    framework conditions so that the result-target model has something to find.
    """

    codes: tuple[str, ...]
    names: tuple[str, ...]
    weights: Floats
    burden: Floats
    offer_rate: Floats  # offers started per person-month on a measured benefit
    talk_rate: Floats  # conversations per person-month on a measured benefit


def municipality_list() -> tuple[tuple[str, ...], tuple[str, ...], Floats]:
    """Codes, names and population (thousands) of the 98 municipalities."""
    text = resources.files(__package__).joinpath("municipalities.csv").read_text("utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    codes = tuple(r["municipality_code"] for r in rows)
    names = tuple(r["name"] for r in rows)
    return codes, names, np.array([float(r["population_thousands"]) for r in rows])


def municipalities_table(m: Municipalities) -> pa.Table:
    return pa.table({"municipality_code": list(m.codes), "name": list(m.names)})


def status_table() -> pa.Table:
    """Frikommuner for the trial period, forsøgskommuner from 2019 (still running)."""
    codes = list(FRIKOMMUNER) + list(FORSOEGSKOMMUNER)
    fri, forsoeg = len(FRIKOMMUNER), len(FORSOEGSKOMMUNER)
    start = [FRIKOMMUNE_PERIOD[0]] * fri + [FORSOEG_FROM] * forsoeg
    end = [FRIKOMMUNE_PERIOD[1]] * fri + [None] * forsoeg
    return pa.table(
        {
            "municipality_code": codes,
            "status": ["frikommune"] * fri + ["forsoegskommune"] * forsoeg,
            "valid_from": pa.array(start, pa.date32()),
            "valid_to": pa.array(end, pa.date32()),
        }
    )


@dataclass(frozen=True)
class People:
    """Persons sorted by birth day (oldest first) and their municipality at the window start."""

    ids: pa.Array
    birth: Ints
    home: Ints  # index into Municipalities.codes


def people(rng: np.random.Generator, n: int, window: Window, m: Municipalities) -> People:
    """`n` persons aged 16-66 in the middle of the window, ids a random permutation."""
    middle = (window.start + window.end) // 2
    lo, hi = AGE_RANGE
    oldest = middle - int((hi + 1) * DAYS_PER_YEAR) + 1
    youngest = middle - int(lo * DAYS_PER_YEAR)
    birth = np.sort(uniform_days(rng, np.full(n, oldest), np.full(n, youngest)))
    numbers = pa.array(rng.permutation(n) + 1)
    ids = pa.compute.binary_join_element_wise(
        "P", pa.compute.utf8_lpad(pa.compute.cast(numbers, pa.string()), width=8, padding="0"), ""
    )
    home = rng.choice(len(m.codes), size=n, p=m.weights / m.weights.sum())
    return People(ids, birth, home.astype(np.int64))


def persons_table(rng: np.random.Generator, p: People) -> pa.Table:
    sex = np.where(rng.random(len(p.birth)) < 0.5, "M", "K")
    return pa.table({"person_id": p.ids, "birth_date": dates(p.birth), "sex": sex})


def residence_table(
    rng: np.random.Generator, p: People, window: Window, m: Municipalities
) -> pa.Table:
    """One open row per person from age 16 (or earlier); movers get a second municipality."""
    n = len(p.birth)
    since = np.minimum(p.birth + int(16 * DAYS_PER_YEAR), window.start - 1)
    movers = np.flatnonzero(rng.random(n) < MOVES_PER_YEAR * window.years)
    moved = uniform_days(rng, np.full(len(movers), window.start), np.full(len(movers), window.end))
    moved = np.maximum(moved, since[movers] + 1)
    to = rng.choice(len(m.codes), size=len(movers), p=m.weights / m.weights.sum())
    ids = pa.concat_arrays([p.ids, p.ids.take(pa.array(movers))])
    codes = np.asarray(m.codes, dtype=object)
    first_end = np.full(n, window.end + 1)
    first_end[movers] = moved - 1
    starts = np.concatenate([since, moved])
    ends = np.concatenate([first_end, np.full(len(movers), window.end + 1)])
    return pa.table(
        {
            "person_id": ids,
            "municipality_code": pa.array(np.concatenate([codes[p.home], codes[to]]), pa.string()),
            "valid_from": dates(starts),
            "valid_to": dates(ends, open_from=window.end),
        }
    )
