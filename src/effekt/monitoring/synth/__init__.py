"""Synthetic Denmark: every register table of the input contract, reproducible by seed.

Pure (numpy and pyarrow, no Django). `generate` returns the tables; `write` stores them as
Parquet or CSV in a folder that `effekt monitoring run --data` reads.

    from effekt.monitoring.synth import SynthOptions, generate, write
    write(generate(SynthOptions(persons=10_000, years=2, seed=1)), Path("data"))
"""

from effekt.monitoring.synth.generate import SynthOptions, generate, write

__all__ = ["SynthOptions", "generate", "write"]
