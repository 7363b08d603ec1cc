"""DuckDB spills register rows to a private temporary folder that goes with the connection."""

from __future__ import annotations

import gc
import stat
from pathlib import Path

from effekt.monitoring.engine.backends import duckdb


def test_spilled_rows_go_to_a_private_folder_that_is_removed_with_the_connection() -> None:
    con = duckdb(memory_limit="100MB", threads=1)
    setting = con.raw_sql("SELECT current_setting('temp_directory')").fetchone()
    folder = Path(setting[0])
    assert folder.is_dir()
    assert folder.name.startswith("effekt-duckdb-")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert folder.resolve() != Path.cwd().resolve() / ".tmp"
    del con, setting
    gc.collect()
    assert not folder.exists()
