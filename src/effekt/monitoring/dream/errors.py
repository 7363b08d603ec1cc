"""The one error the DREAM importer raises for bad input."""

from __future__ import annotations

from pathlib import Path


class DreamImportError(ValueError):
    """Bad input, located by file, line and column (line 1 is the header)."""

    def __init__(self, file: Path | str, line: int, column: str, message: str) -> None:
        self.file = str(file)
        self.line = line
        self.column = column
        self.message = message
        super().__init__(f"{self.file}, line {line}, column {column}: {message}")
