"""Synthetic citizens and answers. Pure: no Django import."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from effekt.bip.instrument import Instrument

FIRST_NAMES = [
    "Anne",
    "Mette",
    "Kirsten",
    "Hanne",
    "Susanne",
    "Lene",
    "Maria",
    "Camilla",
    "Louise",
    "Sofie",
    "Ida",
    "Emma",
    "Freja",
    "Nadia",
    "Peter",
    "Jens",
    "Lars",
    "Michael",
    "Henrik",
    "Thomas",
    "Søren",
    "Jesper",
    "Mads",
    "Rasmus",
    "Mikkel",
    "Ali",
    "Omar",
    "Jonas",
    "Emil",
]
LAST_NAMES = [
    "Nielsen",
    "Jensen",
    "Hansen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Petersen",
    "Madsen",
    "Kristensen",
    "Olsen",
    "Thomsen",
    "Christiansen",
    "Poulsen",
    "Johansen",
    "Møller",
    "Mortensen",
]

# Published share in employment a year later by the caseworker's S12 answer (source 003).
S12_JOB_RATES: dict[int | str, float] = {
    1: 0.011,
    2: 0.027,
    3: 0.049,
    4: 0.104,
    5: 0.268,
    "ved_ikke": 0.074,
}


def fake_cpr(rng: random.Random) -> tuple[str, dt.date]:
    """A CPR number with a real birth date and a century digit that matches it."""
    born = dt.date(1962, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 42))
    seventh = rng.choice("0123") if born.year < 2000 else "4"
    cpr = f"{born:%d%m%y}{seventh}{rng.randrange(0, 1000):03d}"
    return cpr, born


def fake_name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _ordinal(rng: random.Random, level: float, dont_know: float = 0.04) -> int | str:
    if rng.random() < dont_know:
        return "ved_ikke"
    return max(1, min(5, round(level + rng.gauss(0, 0.55))))


def answers_for(
    rng: random.Random, instrument: Instrument, levels: dict[int, float], indicators: set[int]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Citizen and caseworker answers whose scores centre on the latent indicator levels."""
    citizen: dict[str, Any] = {}
    caseworker: dict[str, Any] = {}
    for item in instrument.items:
        target = citizen if item.perspective == "citizen" else caseworker
        if item.indicator is None:
            if item.scale.kind == "number" and rng.random() < 0.7:
                target[item.code] = rng.choice([120, 130, 140, 150, 160, 180, 200])
            continue
        if item.indicator not in indicators:
            continue
        level = levels[item.indicator]
        if item.scale.kind == "channel_count":
            if rng.random() < 0.03:
                target[item.code] = ["oensker_ikke_at_svare"]
            elif level < 1.6:
                target[item.code] = ["soeger_ikke"]
            else:
                count = max(1, min(5, round(level - 1.5 + rng.gauss(0, 0.6))))
                channels = [str(o.value) for o in item.scale.options]
                target[item.code] = rng.sample(channels, count)
        else:
            target[item.code] = _ordinal(rng, level, 0.08 if item.code == "S12" else 0.04)
    return citizen, caseworker
