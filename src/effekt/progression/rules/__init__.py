"""Rules of module 1 that concern plain values: schedules, configuration checks, endings.

Pure: no Django import, so the CLI, the statistics and the tests reuse them.
"""
