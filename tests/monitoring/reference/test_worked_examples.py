"""Hand-worked examples that pin the reference implementation to source 002.

The registers are in `scenarios.py`, each with its expected numbers worked out in comments.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from .reference import FocusTargetRow, focus_targets, worklist
from .scenarios import (
    scenario_a_kasse_conversations_count_only_by_the_dagpenge_rules,
    scenario_a_spell_counts_from_its_twelfth_whole_month,
    scenario_dagpenge_seniority_is_net_hours_broken_only_by_a_new_period,
    scenario_free_and_trial_municipalities_and_dagpenge_conversations,
    scenario_sickness_spells_merge_only_on_real_overlap_and_count_partial_return,
    scenario_the_measured_ages_run_from_16_to_the_state_pension_age,
    scenario_the_two_continuity_exceptions_and_moving,
    scenario_twelve_months_end_on_the_last_day_of_february,
    scenario_work_hours_exemptions_mentor_and_dead_periods,
)
from .tables import read_register
from .writer import Table, write_tables


def rows_for(
    tmp_path: Path, tables: dict[str, Table], first: str, last: str
) -> dict[tuple[str, str], FocusTargetRow]:
    register = read_register(write_tables(tmp_path, tables))
    first_month = (int(first[:4]), int(first[5:]))
    last_month = (int(last[:4]), int(last[5:]))
    rows = focus_targets(register, first_month, last_month)
    return {(r.municipality_code, f"{r.month[0]}-{r.month[1]:02d}"): r for r in rows}


def test_a_spell_counts_from_its_twelfth_whole_month(tmp_path: Path) -> None:
    tables = scenario_a_spell_counts_from_its_twelfth_whole_month()
    rows = rows_for(tmp_path, tables, "2019-11", "2020-01")
    assert set(rows) == {("101", "2019-12"), ("101", "2020-01")}
    december, january = rows["101", "2019-12"], rows["101", "2020-01"]
    assert (december.population, december.offers_met, december.conversations_met) == (1, 1, 1)
    assert (january.population, january.offers_share, january.conversations_share) == (
        2,
        Fraction(1, 2),
        Fraction(1, 2),
    )
    assert january.offers_share_12m == Fraction(3, 4)
    assert january.conversations_share_12m == Fraction(3, 4)


def test_dagpenge_seniority_is_net_hours_broken_only_by_a_new_period(tmp_path: Path) -> None:
    tables = scenario_dagpenge_seniority_is_net_hours_broken_only_by_a_new_period()
    rows = rows_for(tmp_path, tables, "2019-11", "2020-02")
    populations = {month: row.population for (_, month), row in rows.items()}
    assert populations == {"2019-12": 1, "2020-01": 2, "2020-02": 3}


def test_sickness_spells_merge_only_on_real_overlap_and_count_partial_return(
    tmp_path: Path,
) -> None:
    tables = scenario_sickness_spells_merge_only_on_real_overlap_and_count_partial_return()
    register = read_register(write_tables(tmp_path, tables))
    [row] = focus_targets(register, (2019, 12), (2019, 12))
    assert (row.population, row.offers_met, row.conversations_met) == (2, 1, 0)
    lines = {line.person_id: line for line in worklist(register, (2019, 12))}
    assert set(lines) == {"s1", "k1"}
    assert (lines["s1"].lacks_offer, lines["s1"].lacks_conversations) == (False, True)
    assert lines["s1"].conversations == 3
    assert (lines["k1"].lacks_offer, lines["k1"].lacks_conversations) == (True, True)


def test_the_two_continuity_exceptions_and_moving(tmp_path: Path) -> None:
    tables = scenario_the_two_continuity_exceptions_and_moving()
    rows = rows_for(tmp_path, tables, "2019-12", "2019-12")
    assert {key: row.population for key, row in rows.items()} == {
        ("101", "2019-12"): 2,
        ("851", "2019-12"): 1,
    }


def test_work_hours_exemptions_mentor_and_dead_periods(tmp_path: Path) -> None:
    tables = scenario_work_hours_exemptions_mentor_and_dead_periods()
    [row] = rows_for(tmp_path, tables, "2019-12", "2019-12").values()
    assert (row.population, row.offers_population, row.offers_met) == (6, 5, 2)
    assert row.conversations_met == 1
    assert row.conversations_share == Fraction(1, 6)


def test_free_and_trial_municipalities_and_dagpenge_conversations(tmp_path: Path) -> None:
    tables = scenario_free_and_trial_municipalities_and_dagpenge_conversations()
    rows = rows_for(tmp_path, tables, "2019-12", "2019-12")
    assert {key[0]: (r.population, r.conversations_met) for key, r in rows.items()} == {
        "400": (2, 1),
        "500": (2, 1),
        "101": (1, 1),
    }


def test_a_kasse_conversations_count_only_by_the_dagpenge_rules(tmp_path: Path) -> None:
    tables = scenario_a_kasse_conversations_count_only_by_the_dagpenge_rules()
    [row] = rows_for(tmp_path, tables, "2019-12", "2019-12").values()
    assert (row.population, row.conversations_met) == (2, 0)


def test_the_measured_ages_run_from_16_to_the_state_pension_age(tmp_path: Path) -> None:
    tables = scenario_the_measured_ages_run_from_16_to_the_state_pension_age()
    rows = rows_for(tmp_path, tables, "2019-05", "2021-09")
    assert ("101", "2019-05") not in rows
    assert rows["101", "2019-06"].population == 1
    assert rows["851", "2021-08"].population == 1
    assert ("851", "2021-09") not in rows


def test_twelve_months_end_on_the_last_day_of_february(tmp_path: Path) -> None:
    tables = scenario_twelve_months_end_on_the_last_day_of_february()
    rows = rows_for(tmp_path, tables, "2021-02", "2021-03")
    assert {month: row.population for (_, month), row in rows.items()} == {
        "2021-02": 1,
        "2021-03": 2,
    }
