"""Benchmarks (`make bench`); figures are recorded in docs/benchmarks.md, not asserted in tests."""
