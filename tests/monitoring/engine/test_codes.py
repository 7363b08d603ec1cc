"""A conversation's form, kind, holder and experiment flag survive their staged code."""

from __future__ import annotations

from itertools import product

import ibis  # type: ignore[import-untyped]

from effekt.monitoring.engine import codes, connect
from effekt.monitoring.engine.schema import FORMS, HELD_BY, KINDS


def test_every_combination_has_its_own_code_and_decodes_to_itself() -> None:
    combos = list(product(FORMS, KINDS, HELD_BY, (False, True)))
    columns = {name: [c[i] for c in combos] for i, name in enumerate(codes.COLUMNS)}
    t = ibis.memtable({"row": list(range(len(combos))), **columns})
    coded = t.select("row", code=codes.encoded(t.form, t.kind, t.held_by, t.akasse_experiment))
    con = connect(threads=1)
    assert len(set(con.to_pyarrow(coded)["code"].to_pylist())) == len(combos)
    back = con.to_pyarrow(codes.decoded(coded).order_by("row")).to_pylist()
    assert [tuple(r[name] for name in codes.COLUMNS) for r in back] == combos
    assert [r["row"] for r in back] == list(range(len(combos)))
