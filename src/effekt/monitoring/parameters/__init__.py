"""Data files for the monitoring engine: dated parameter sets and the state pension age table."""
