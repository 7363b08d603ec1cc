"""Who is measured: age, main benefit and a spell of at least 12 months (source 002).

Each scenario is a handful of persons run through `effekt monitoring run`; the expected
numbers are worked out in the comments.
"""

from __future__ import annotations

from pathlib import Path

from tests.monitoring.scenarios.helpers import benefit, focus, lives, outputs, person


def test_it_measures_from_the_16th_birthday_to_before_the_state_pension_age(
    tmp_path: Path,
) -> None:
    # All on kontanthjælp since 2018. y1 turns 16 on 2020-01-20 (measured in January),
    # y2 only on 2020-02-01 (not yet). old was born 1954-07-10: pension age 66, reached
    # 2020-07-10, so measured in June 2020 but not in July.
    tables = {
        "persons": [
            person("y1", "2004-01-20"),
            person("y2", "2004-02-01"),
            person("old", "1954-07-10"),
        ],
        "residence": [lives("y1", "101"), lives("y2", "101"), lives("old", "851")],
        "benefits": [benefit(p, "kontanthjaelp", "2018-01-01") for p in ("y1", "y2", "old")],
    }
    rows = focus(tmp_path, tables, "2020-01", "2020-07")
    assert rows["101", "2020-01"]["population"] == "1"
    assert rows["101", "2020-02"]["population"] == "2"
    assert rows["851", "2020-06"]["population"] == "1"
    assert ("851", "2020-07") not in rows


def test_the_main_benefit_has_most_days_and_ties_follow_the_list(tmp_path: Path) -> None:
    # m1: kontanthjælp 15 days and fleksjob 16 days in January: main benefit fleksjob, never
    # measured. m2: kontanthjælp and ressourceforløb all 31 days: the tie goes to
    # kontanthjælp (earlier in the list), whose spell began 2019-01-01: measured.
    tables = {
        "persons": [person("m1"), person("m2")],
        "residence": [lives("m1", "101"), lives("m2", "101")],
        "benefits": [
            benefit("m1", "kontanthjaelp", "2019-01-01", "2020-01-15"),
            benefit("m1", "fleksjob", "2020-01-16"),
            benefit("m2", "kontanthjaelp", "2019-01-01"),
            benefit("m2", "ressourceforloeb", "2020-01-01", "2020-01-31"),
        ],
    }
    out = outputs(tmp_path, tables, "2020-01", "2020-01")
    assert [r["population"] for r in out["focus_targets"]] == ["1"]
    assert [(w["person_id"], w["benefit"]) for w in out["worklist"]] == [("m2", "kontanthjaelp")]


def test_a_spell_is_measured_from_its_twelfth_whole_month(tmp_path: Path) -> None:
    # a from 2019-01-01: 365 days on 2019-12-31 = the 12 months ending that day -> December.
    # b from 2019-01-02: 364 days on 2019-12-31 -> only from January 2020.
    tables = {
        "persons": [person("a"), person("b")],
        "residence": [lives("a", "101"), lives("b", "101")],
        "benefits": [
            benefit("a", "kontanthjaelp", "2019-01-01"),
            benefit("b", "kontanthjaelp", "2019-01-02"),
        ],
    }
    rows = focus(tmp_path, tables, "2019-12", "2020-01")
    assert rows["101", "2019-12"]["population"] == "1"
    assert rows["101", "2020-01"]["population"] == "2"


def test_the_municipality_is_where_the_person_lived_on_the_spells_last_day_in_the_month(
    tmp_path: Path,
) -> None:
    # mv1's kontanthjælp ends 2020-01-20 while still living in 101 (moves on the 26th): 101.
    # mv2 moves to 851 on 2020-01-16 and is on kontanthjælp to the month's end: 851. Moving
    # never breaks the spell (both from 2019-01-01).
    tables = {
        "persons": [person("mv1"), person("mv2")],
        "residence": [
            lives("mv1", "101", "2000-01-01", "2020-01-25"),
            lives("mv1", "851", "2020-01-26"),
            lives("mv2", "101", "2000-01-01", "2020-01-15"),
            lives("mv2", "851", "2020-01-16"),
        ],
        "benefits": [
            benefit("mv1", "kontanthjaelp", "2019-01-01", "2020-01-20"),
            benefit("mv2", "kontanthjaelp", "2019-01-01"),
        ],
    }
    rows = focus(tmp_path, tables, "2020-01", "2020-01")
    assert rows["101", "2020-01"]["population"] == "1"
    assert rows["851", "2020-01"]["population"] == "1"


def test_twelve_months_ending_on_a_months_last_day_are_whole_calendar_months(
    tmp_path: Path,
) -> None:
    # On 2021-02-28, the last day of February, the 12 months are March 2020 - February 2021
    # (365 days). l1 from 2020-03-01 has 365 days: measured in February 2021. l2 from
    # 2020-03-02 has 364: only from March.
    tables = {
        "persons": [person("l1"), person("l2")],
        "residence": [lives("l1", "101"), lives("l2", "101")],
        "benefits": [
            benefit("l1", "kontanthjaelp", "2020-03-01"),
            benefit("l2", "kontanthjaelp", "2020-03-02"),
        ],
    }
    rows = focus(tmp_path, tables, "2021-02", "2021-03")
    assert rows["101", "2021-02"]["population"] == "1"
    assert rows["101", "2021-03"]["population"] == "2"
