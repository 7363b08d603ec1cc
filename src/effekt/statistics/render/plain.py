"""The statistics as a plain text table for the terminal (`--format table`)."""

from __future__ import annotations

from effekt.statistics.analysis.results import SteeringStatistics
from effekt.statistics.render.tables import Cell, Column, Table, all_tables
from effekt.statistics.render.text import number


def format_cell(cell: Cell, column: Column) -> str:
    """A cell as Danish text: shares as "33,3 %", points as "+2,5", empty as "–"."""
    if cell is None:
        return "–"
    if column.kind == "share" and isinstance(cell, int | float):
        return f"{number(100 * cell, 1)} %"
    if column.kind == "points" and isinstance(cell, int | float):
        return f"{'+' if cell >= 0 else ''}{number(cell, 1)}"
    return str(cell)


def render_table(table: Table) -> str:
    """One table with aligned columns."""
    rows = [[c.header for c in table.columns]]
    rows += [
        [format_cell(cell, c) for cell, c in zip(row, table.columns, strict=True)]
        for row in table.rows
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(table.columns))]
    lines = [table.title, "=" * len(table.title)]
    for index, row in enumerate(rows):
        lines.append(
            "  ".join(value.ljust(width) for value, width in zip(row, widths, strict=True)).rstrip()
        )
        if index == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)


def to_text(result: SteeringStatistics) -> str:
    """All tables, separated by blank lines."""
    return "\n\n".join(render_table(table) for table in all_tables(result)) + "\n"
