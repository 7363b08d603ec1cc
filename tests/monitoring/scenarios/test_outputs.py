"""Outputs: running means, the calendar-year verdict, the result target, work lists, JSON,
and rule changes as new dated parameter sets."""

from __future__ import annotations

import json
from pathlib import Path

from effekt.monitoring.engine.result import FOCUS_TARGET_COLUMNS
from tests.monitoring.scenarios.helpers import (
    benefit,
    lives,
    offer,
    outputs,
    person,
    read_csv,
    run_cli,
    talk,
)

MONTHLY = [f"{y}-{m:02d}-10" for y in (2019, 2020) for m in range(1, 13)]


def _year() -> dict[str, list[dict[str, str]]]:
    # 101: a and b on kontanthjælp since 2018 (measured all of 2020); a is in a praktik all
    #      along, b has nothing; nobody has conversations. Offers 1/2 every month -> mean 0.5;
    #      conversations 0. Both on benefit every day of 2020: actual share 1.0 >= 0.5
    #      expected -> result target missed and both focus targets missed -> candidate.
    # 851: c on kontanthjælp with a praktik and a conversation in person every month; d lives
    #      there without benefit. Focus targets 1.0 > 0.8 (met); actual share 366/732 = 0.5
    #      >= 0.4 expected -> result target missed, but no focus target missed -> not a
    #      candidate under the default rule.
    return {
        "persons": [person(p) for p in "abcd"],
        "residence": [lives("a", "101"), lives("b", "101"), lives("c", "851"), lives("d", "851")],
        "benefits": [benefit(p, "kontanthjaelp", "2018-01-01") for p in "abc"],
        "offers": [
            offer("a", "virksomhedspraktik", "2019-01-01", "2020-12-31"),
            offer("c", "virksomhedspraktik", "2019-01-01", "2020-12-31"),
        ],
        "conversations": [talk("c", day) for day in MONTHLY],
        "expected_rates": [
            {"municipality_code": "101", "period": "2020", "expected_share": "0.5"},
            {"municipality_code": "851", "period": "2020", "expected_share": "0.4",
             "actual_share": "0.45"},
        ],
    }  # fmt: skip


def test_the_year_gives_running_means_and_a_verdict(tmp_path: Path) -> None:
    out = outputs(tmp_path, _year(), "2020-01", "2020-12")
    assert list(out["focus_targets"][0]) == list(FOCUS_TARGET_COLUMNS)
    december = {r["municipality_code"]: r for r in out["focus_targets"] if r["month"] == "2020-12"}
    assert december["101"]["offers_share_12m"] == "0.5"
    assert december["101"]["conversations_share_12m"] == "0.0"
    assert december["851"]["offers_share_12m"] == "1.0"
    verdicts = {r["municipality_code"]: r for r in out["verdicts"]}
    assert verdicts["101"]["year"] == "2020"
    assert verdicts["101"]["actual_share"] == "1.0"
    assert verdicts["101"]["result_target_met"] == "false"
    assert verdicts["101"]["offers_target_met"] == "false"
    assert verdicts["101"]["candidate"] == "true"
    assert verdicts["851"]["result_target_met"] == "false"
    assert verdicts["851"]["offers_target_met"] == "true"
    assert verdicts["851"]["conversations_target_met"] == "true"
    assert verdicts["851"]["candidate"] == "false"


def test_the_result_target_is_the_share_of_days_on_benefit_per_half_year(tmp_path: Path) -> None:
    out = outputs(tmp_path, _year(), "2020-01", "2020-12")
    rows = {(r["municipality_code"], r["period"]): r for r in out["result_target"]}
    # 2020H1 has 182 days; c on benefit every day, d never: 182 / 364.
    h1 = rows["851", "2020H1"]
    assert (h1["resident_days"], h1["benefit_days"], h1["actual_share"]) == ("364", "182", "0.5")
    year = rows["851", "2020"]
    assert (year["expected_share"], year["published_actual_share"], year["met"]) == (
        "0.4",
        "0.45",
        "false",
    )


def test_the_work_list_names_who_lacks_an_offer_or_conversations(tmp_path: Path) -> None:
    out = outputs(tmp_path, _year(), "2020-01", "2020-12")
    lines = {r["person_id"]: r for r in out["worklist"]}
    assert set(lines) == {"a", "b"}
    assert (lines["a"]["has_offer"], lines["a"]["last_offer_date"]) == ("true", "2020-12-31")
    assert (lines["a"]["conversations"], lines["a"]["conversations_missing"]) == ("0", "4")
    assert (lines["b"]["has_offer"], lines["b"]["last_offer_date"]) == ("false", "")
    assert lines["b"]["months_left"] == "0"
    assert lines["b"]["spell_start"] == "2018-01-01"


def test_json_prints_a_summary_and_the_verdicts(tmp_path: Path) -> None:
    result = run_cli(tmp_path, _year(), "--from", "2020-01", "--to", "2020-12", "--format", "json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert (summary["from"], summary["to"], summary["municipalities"]) == ("2020-01", "2020-12", 2)
    assert {v["municipality_code"]: v["candidate"] for v in summary["verdicts"]} == {
        "101": True,
        "851": False,
    }
    assert summary["worklist_persons"] == 2


PARAMETERS = Path(__file__).parents[3] / "src/effekt/monitoring/parameters/parameter_sets.toml"


def test_a_new_dated_parameter_set_changes_the_rules_without_code(tmp_path: Path) -> None:
    # From 2020-07 ordinary work counts as an offer from 100 hours, and a municipality is a
    # candidate when it misses anything. e works 150 hours in 2020-03: not an offer in June
    # (150 < 225), an offer in July (150 >= 100). 851 now misses the result target -> candidate.
    text = PARAMETERS.read_text("utf-8") + (
        '\n[[parameter_set]]\nname = "later rule"\nvalid_from = "2020-07-01"\n'
        'employment_hours_as_offer = 100\ncandidate_rule = "any"\n'
    )
    parameters = tmp_path / "rules.toml"
    parameters.write_text(text, "utf-8")
    tables = _year()
    tables["persons"].append(person("e"))
    tables["residence"].append(lives("e", "147"))
    tables["benefits"].append(benefit("e", "kontanthjaelp", "2018-01-01"))
    tables["employment_hours"] = [{"person_id": "e", "month": "2020-03", "hours": "150"}]
    args = ["--from", "2020-06", "--to", "2020-12", "--parameters", str(parameters)]
    result = run_cli(tmp_path, tables, *args)
    assert result.exit_code == 0, result.output
    focus = {
        (r["municipality_code"], r["month"]): r
        for r in read_csv(tmp_path / "out/focus_targets.csv")
    }
    assert focus["147", "2020-06"]["offers_met"] == "0"
    assert focus["147", "2020-07"]["offers_met"] == "1"
    verdicts = {r["municipality_code"]: r for r in read_csv(tmp_path / "out/verdicts.csv")}
    assert verdicts["851"]["candidate"] == "true"
