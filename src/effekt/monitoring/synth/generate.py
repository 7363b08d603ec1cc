"""Put the generators together: options in, named Arrow tables out, files written."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from effekt.monitoring.synth import activities, benefits, framework, places
from effekt.monitoring.synth.frame import Window

FileFormat = Literal["parquet", "csv"]
Step = Callable[[str], None]


@dataclass(frozen=True)
class SynthOptions:
    """How much to generate. Persons are 16-66 years old in the middle of the years covered."""

    persons: int = 3_800_000
    years: int = 5
    first_year: int = 2019
    seed: int = 2026


def _municipalities(rng: np.random.Generator) -> tuple[places.Municipalities, np.ndarray]:
    codes, names, population = places.municipality_list()
    z = framework.latent(rng, len(codes))
    m = places.Municipalities(
        codes,
        names,
        population,
        framework.burden(rng, z),
        rng.uniform(0.07, 0.2, len(codes)),
        rng.uniform(0.35, 0.8, len(codes)),
    )
    return m, z


def generate(options: SynthOptions, on_step: Step | None = None) -> dict[str, pa.Table]:
    """All tables of the contract except `expected_rates` (left to the result-target model)."""
    if options.persons < 1 or options.years < 1:
        raise ValueError("persons and years must be at least 1")
    step = on_step or (lambda _: None)
    rng = np.random.default_rng(options.seed)
    window = Window(options.first_year, options.years)
    m, z = _municipalities(rng)
    step("persons")
    pop = places.people(rng, options.persons, window, m)
    tables = {
        "municipalities": places.municipalities_table(m),
        "municipality_status": places.status_table(),
        "framework_conditions": framework.framework_table(rng, m.codes, z, window),
        "persons": places.persons_table(rng, pop),
        "residence": places.residence_table(rng, pop, window, m),
    }
    step("benefits")
    spells = benefits.spells(rng, pop, m, window)
    tables["benefits"] = benefits.benefits_table(rng, spells, pop, window)
    step("offers and conversations")
    r = activities.ranges(spells, pop, window)
    tables["exemptions"] = activities.exemptions_table(rng, r, pop)
    tables["offers"] = activities.offers_table(rng, r, pop, m, window)
    tables["conversations"] = activities.conversations_table(rng, r, pop, m)
    tables["employment_hours"] = activities.employment_table(rng, r, pop, window)
    return tables


def write(
    tables: dict[str, pa.Table], out: Path, file_format: FileFormat = "parquet"
) -> list[Path]:
    """Write each table as `<name>.parquet` (or `.csv`) in `out`; return the paths."""
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, table in tables.items():
        path = out / f"{name}.{file_format}"
        other = out / f"{name}.{'csv' if file_format == 'parquet' else 'parquet'}"
        other.unlink(missing_ok=True)
        if file_format == "parquet":
            pq.write_table(table, path, compression="zstd")
        else:
            pa_csv.write_csv(table, path)
        paths.append(path)
    return paths
