"""Browser tests use the `browser`, `page` and `phone` fixtures of tests/conftest.py."""
