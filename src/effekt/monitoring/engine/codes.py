"""A conversation's form, kind, holder and a-kasse-experiment flag as one small integer.

The conversations are by far the largest input (nationally 19.5 million rows). Staged with
their three code columns as strings they take about 90 bytes a row in DuckDB's memory, which
leaves the later stages too little and makes the staging sort spill to disk. Staged with one
`code` (a 16-bit integer) instead, a row takes about 40 bytes; the stages get the columns back
by joining the few codes (`decoded`).

The code lists are the contract's (`schema`): staging only encodes validated values.
"""

from __future__ import annotations

from itertools import product

import ibis  # type: ignore[import-untyped]
import ibis.expr.types as ir  # type: ignore[import-untyped]

from effekt.monitoring.engine.schema import FORMS, HELD_BY, KINDS

CODE = "code"
# the columns a code stands for, in the order of `encoded` (the first varies slowest)
COLUMNS = ("form", "kind", "held_by", "akasse_experiment")


def _index(value: ir.StringValue, codes: tuple[str, ...]) -> ir.IntegerValue:
    return ibis.cases(*[(value == code, i) for i, code in enumerate(codes)], else_=0)


def encoded(form: ir.StringValue, kind: ir.StringValue, held_by: ir.StringValue,
            akasse_experiment: ir.BooleanValue) -> ir.IntegerValue:  # fmt: skip
    """The code of validated values (each in its code list)."""
    number = (_index(form, FORMS) * len(KINDS) + _index(kind, KINDS)) * len(HELD_BY)
    number = (number + _index(held_by, HELD_BY)) * 2 + ibis.ifelse(akasse_experiment, 1, 0)
    return number.cast("int16")


def table() -> ir.Table:
    """Every code with its columns: (code, form, kind, held_by, akasse_experiment)."""
    rows = list(product(FORMS, KINDS, HELD_BY, (False, True)))
    columns = {name: [row[i] for row in rows] for i, name in enumerate(COLUMNS)}
    return ibis.memtable(
        {CODE: list(range(len(rows))), **columns},
        schema={
            CODE: "int16",
            "form": "string",
            "kind": "string",
            "held_by": "string",
            "akasse_experiment": "boolean",
        },
    )


def decoded(conversations: ir.Table) -> ir.Table:
    """Staged conversations with the columns of their code instead of the code."""
    j = conversations.join(table(), CODE)
    return j.select(*[c for c in conversations.columns if c != CODE], *COLUMNS)
