"""Persons are numbered when staged: the stages join and group on integers, the work list
shows the ids as given, and rows of persons missing from `persons` change nothing."""

from __future__ import annotations

from pathlib import Path

from effekt.monitoring.engine import connect
from effekt.monitoring.engine.staging import stage
from tests.monitoring.scenarios.helpers import benefit, lives, outputs, person, write_tables

TABLES = {
    "persons": [person("b-2"), person("a-1")],
    "residence": [lives("a-1", "101"), lives("b-2", "101"), lives("ghost", "101")],
    "benefits": [
        benefit("a-1", "kontanthjaelp", "2019-01-01"),
        benefit("ghost", "kontanthjaelp", "2019-01-01"),
        benefit("other ghost", "kontanthjaelp", "2019-01-01"),
    ],
}


def test_persons_are_numbered_by_their_row_and_others_get_negative_numbers(
    tmp_path: Path,
) -> None:
    staged = stage(connect(threads=1), write_tables(tmp_path / "data", TABLES))
    persons = staged["persons"].to_pyarrow().to_pylist()
    assert [(p["given_id"], p["person_id"]) for p in persons] == [("b-2", 1), ("a-1", 2)]
    lived = {r["person_id"] for r in staged["residence"].to_pyarrow().to_pylist()}
    on = [r["person_id"] for r in staged["benefits"].to_pyarrow().to_pylist()]
    assert on[0] == 2
    ghost, other = on[1], on[2]
    assert ghost < 0 and other < 0 and ghost != other
    # the same id has the same number in every table
    assert lived == {1, 2, ghost}


def test_the_work_list_shows_the_ids_as_given_and_ghost_rows_change_nothing(
    tmp_path: Path,
) -> None:
    found = outputs(tmp_path / "with", TABLES, "2021-01", "2021-12")
    known = dict(TABLES)
    known["residence"] = [r for r in TABLES["residence"] if r["person_id"] != "ghost"]
    known["benefits"] = [r for r in TABLES["benefits"] if "ghost" not in r["person_id"]]
    assert found == outputs(tmp_path / "without", known, "2021-01", "2021-12")
    assert {row["person_id"] for row in found["worklist"]} == {"a-1"}
