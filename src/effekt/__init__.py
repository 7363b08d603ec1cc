"""effekt: measure whether employment efforts work."""

__version__ = "0.1.0"
