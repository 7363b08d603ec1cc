"""Reproducible demo data: organisations, users for every role, and two years of courses."""
