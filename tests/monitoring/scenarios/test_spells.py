"""Benefit spells per benefit group, the continuity exceptions and dead periods (source 002)."""

from __future__ import annotations

from pathlib import Path

from tests.monitoring.scenarios.helpers import (
    benefit,
    exemption,
    focus,
    lives,
    person,
    read_csv,
    run_cli,
)

PARAMETERS = Path(__file__).parents[3] / "src/effekt/monitoring/parameters/parameter_sets.toml"


def _tables(
    benefits: list[dict[str, str]], **more: list[dict[str, str]]
) -> dict[str, list[dict[str, str]]]:
    ids = sorted({row["person_id"] for row in benefits})
    return {
        "persons": [person(p) for p in ids],
        "residence": [lives(p, "101") for p in ids],
        "benefits": benefits,
        **more,
    }


def _population(tmp_path: Path, tables: dict[str, list[dict[str, str]]], month: str) -> int:
    rows = focus(tmp_path, tables, month, month)
    return int(rows["101", month]["population"]) if ("101", month) in rows else 0


def test_dagpenge_count_net_hours_broken_only_by_a_new_period(tmp_path: Path) -> None:
    # d1: full time from 2019-01-01 (new period): 12 x 160.33 h by 2019-12-31 -> measured.
    # d2: twelve monthly rows of exactly 160.33 h in 2019: 1923.96 h, equal counts -> measured.
    # d3: the same, but December holds 160.32 h -> 0.01 h short -> not measured.
    # d6: full time from Wednesday 2019-01-16: January gives 12 of 23 weekdays, so by
    #     December 11 + 12/23 months' hours -> not measured in December (but in January).
    months = [f"2019-{m:02d}" for m in range(1, 13)]
    ends = ["31", "28", "31", "30", "31", "30", "31", "31", "30", "31", "30", "31"]
    rows = [benefit("d1", "dagpenge", "2019-01-01", new_period="true")]
    for pid, december in (("d2", "160.33"), ("d3", "160.32")):
        for month, end in zip(months, ends, strict=True):
            hours = december if month == "2019-12" else "160.33"
            rows.append(benefit(pid, "dagpenge", f"{month}-01", f"{month}-{end}", hours=hours))
    rows.append(benefit("d6", "dagpenge", "2019-01-16"))
    assert _population(tmp_path / "dec", _tables(rows), "2019-12") == 2


def test_a_dagpenge_gap_does_not_break_the_spell_but_a_new_period_does(tmp_path: Path) -> None:
    # d4: 2018 on dagpenge, 2019 at work, back on 2020-01-01: hours still add up -> measured.
    # d5: the same, but 2020-01-01 is the first day of a new period -> starts again at 0.
    # d6: full time from 2019-01-16: 11 + 12/23 months by December, + January 2020 -> measured.
    rows = [
        benefit("d4", "dagpenge", "2018-01-01", "2018-12-31"),
        benefit("d4", "dagpenge", "2020-01-01"),
        benefit("d5", "dagpenge", "2018-01-01", "2018-12-31"),
        benefit("d5", "dagpenge", "2020-01-01", new_period="true"),
        benefit("d6", "dagpenge", "2019-01-16"),
    ]
    assert _population(tmp_path, _tables(rows), "2020-01") == 2


def test_overlapping_sickness_spells_merge_but_touching_ones_do_not(tmp_path: Path) -> None:
    # s1: 2019-01-01..06-30 and 06-15..: overlapping -> one spell from 2019-01-01: measured.
    # s2: the second starts on the first's last day: not "one day before" -> new spell.
    # s3: the second starts the day after: new spell. Neither has 12 months in January.
    rows = [
        benefit("s1", "sygedagpenge", "2019-01-01", "2019-06-30"),
        benefit("s1", "sygedagpenge", "2019-06-15", "2020-03-31"),
        benefit("s2", "sygedagpenge", "2019-01-01", "2019-06-30"),
        benefit("s2", "sygedagpenge", "2019-06-30", "2020-03-31"),
        benefit("s3", "sygedagpenge", "2019-01-01", "2019-06-30"),
        benefit("s3", "sygedagpenge", "2019-07-01", "2020-03-31"),
    ]
    assert _population(tmp_path, _tables(rows), "2020-01") == 1


def test_other_spells_break_on_a_whole_month_without_benefit_or_a_change(tmp_path: Path) -> None:
    # k1: no kontanthjælp in the whole of June 2019 -> new spell from July: not measured.
    # k2: a gap 2019-06-15..07-09 holds no whole month -> one spell from 2019-01-01: measured.
    # k3: sygedagpenge 06-15..06-20 between two kontanthjælp rows is a change of benefit ->
    #     new kontanthjælp spell from 06-21: not measured.
    rows = [
        benefit("k1", "kontanthjaelp", "2019-01-01", "2019-05-31"),
        benefit("k1", "kontanthjaelp", "2019-07-01"),
        benefit("k2", "kontanthjaelp", "2019-01-01", "2019-06-14"),
        benefit("k2", "kontanthjaelp", "2019-07-10"),
        benefit("k3", "kontanthjaelp", "2019-01-01", "2019-06-14"),
        benefit("k3", "sygedagpenge", "2019-06-15", "2019-06-20"),
        benefit("k3", "kontanthjaelp", "2019-06-21"),
    ]
    assert _population(tmp_path, _tables(rows), "2020-01") == 1


def test_the_two_continuity_exceptions(tmp_path: Path) -> None:
    # o1: overgangsydelse (outside the programme) 2019-01..06, then kontanthjælp: one spell
    #     from 2019-01-01 -> measured on kontanthjælp.
    # o2: the same inside the introduction programme: not part of the spell -> not measured.
    # o3: kontanthjælp first, then overgangsydelse: a change of benefit -> not measured.
    # r1: forrevalidering 2019-01..06 then revalidering: part of it -> measured.
    rows = [
        benefit("o1", "overgangsydelse", "2019-01-01", "2019-06-30"),
        benefit("o1", "kontanthjaelp", "2019-07-01"),
        benefit("o2", "overgangsydelse", "2019-01-01", "2019-06-30", intro_program="true"),
        benefit("o2", "kontanthjaelp", "2019-07-01"),
        benefit("o3", "kontanthjaelp", "2019-01-01", "2019-06-30"),
        benefit("o3", "overgangsydelse", "2019-07-01"),
        benefit("r1", "forrevalidering", "2019-01-01", "2019-06-30"),
        benefit("r1", "revalidering", "2019-07-01"),
    ]
    assert _population(tmp_path, _tables(rows), "2020-01") == 2


def test_supplementary_kontanthjaelp_does_not_count(tmp_path: Path) -> None:
    # p1: only supplementary kontanthjælp: no main benefit -> not measured.
    # p2: supplementary 06-15..07-20 between ordinary rows is ignored; the gap holds no whole
    #     month -> one spell from 2019-01-01 -> measured.
    rows = [
        benefit("p1", "kontanthjaelp", "2019-01-01", supplementary="true"),
        benefit("p2", "kontanthjaelp", "2019-01-01", "2019-06-14"),
        benefit("p2", "kontanthjaelp", "2019-06-15", "2019-07-20", supplementary="true"),
        benefit("p2", "kontanthjaelp", "2019-07-21"),
    ]
    assert _population(tmp_path, _tables(rows), "2020-01") == 1


def test_dead_periods_add_no_seniority(tmp_path: Path) -> None:
    # All on kontanthjælp from 2019-01-01. dd1 has barsel (a dead period) in March 2019:
    # 365 - 31 = 334 days by 2019-12-31 (not measured in December); by 2020-01-31
    # 396 - 31 = 365 days = the 12 months ending that day -> measured in January.
    # dd2 has no exemption and dd3 an exemption of reason "other" (not dead): both measured
    # in December already.
    rows = [benefit(p, "kontanthjaelp", "2019-01-01") for p in ("dd1", "dd2", "dd3")]
    exemptions = [
        exemption("dd1", "barsel", "2019-03-01", "2019-03-31"),
        exemption("dd3", "other", "2019-03-01", "2019-03-31"),
    ]
    tables = _tables(rows, exemptions=exemptions)
    rows_by_month = focus(tmp_path, tables, "2019-12", "2020-01")
    assert rows_by_month["101", "2019-12"]["population"] == "2"
    assert rows_by_month["101", "2020-01"]["population"] == "3"


def test_a_holiday_calendar_can_be_switched_on_for_dagpenge_hours(tmp_path: Path) -> None:
    # h1 is on dagpenge from Wednesday 2019-01-02. By default January 2019 gives 22 of its 23
    # weekdays' hours: 11 + 22/23 months by December -> not measured in December. With the
    # holiday calendar switched on, 1 January is a holiday, January has 22 working days and
    # h1 has all of them: exactly 12 x 160.33 hours by 31 December -> measured.
    tables = _tables([benefit("h1", "dagpenge", "2019-01-02", new_period="true")])
    assert _population(tmp_path / "weekdays", tables, "2019-12") == 0
    default = PARAMETERS.read_text("utf-8")
    switched = default.replace("dagpenge_holidays = false", "dagpenge_holidays = true")
    assert switched != default
    rules = tmp_path / "holidays.toml"
    rules.write_text(switched, "utf-8")
    result = run_cli(
        tmp_path / "holidays",
        tables,
        "--from",
        "2019-12",
        "--to",
        "2019-12",
        "--parameters",
        str(rules),
    )
    assert result.exit_code == 0, result.output
    rows = read_csv(tmp_path / "holidays" / "out" / "focus_targets.csv")
    assert [(r["municipality_code"], r["population"]) for r in rows] == [("101", "1")]
