"""The register engine for national monitoring (skærpet tilsyn), source 002.

Pure: no Django. Stages: `staging` (read and validate inputs), `spells` and `measures`
(intermediate), `outputs` and `summaries` (per-municipality results), `render` (files).

    from effekt.monitoring.engine import RunOptions, run
    result = run(RunOptions(data_dir=Path("data"), start="2020-01", end="2020-12"))

`RunOptions(..., engine="pyspark")` runs the same stages on PySpark local (`backends`).
"""

from effekt.monitoring.engine.backends import EngineError
from effekt.monitoring.engine.parameters import ParameterError, Rules, load_rules
from effekt.monitoring.engine.result import MonitoringResult
from effekt.monitoring.engine.run import RunOptions, connect, run
from effekt.monitoring.engine.staging import InputError

__all__ = [
    "EngineError",
    "InputError",
    "MonitoringResult",
    "ParameterError",
    "Rules",
    "RunOptions",
    "connect",
    "load_rules",
    "run",
]
