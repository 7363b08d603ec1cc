"""Register KPIs on a small hand-computed cohort (see the comments for each expected value)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from effekt.cli import main
from effekt.evaluation.analysis.kpis import add_months
from effekt.evaluation.analysis.shares import wilson_share

Kpis = dict[str, dict[str, dict[str, Any]]]

TABLES = {
    # Forsøg: A–D start 2024-01-15 (measured 2025-01-15), E starts 2024-06-01 (2025-06-01).
    "cohort": """person_id,cohort,start_date
A,forsøg,2024-01-15
B,forsøg,2024-01-15
C,forsøg,2024-01-15
D,forsøg,2024-01-15
E,forsøg,2024-06-01
F,sammenligning,2024-01-15
G,sammenligning,2024-01-15
""",
    "employment_hours": """person_id,month,hours
A,2025-01,100
B,2025-01,0
C,2024-12,50
C,2025-09,80
C,2026-03,120
E,2025-06,20
F,2025-01,37
""",
    "educations": """person_id,start_date,end_date
C,2024-08-01,2025-06-30
G,2025-08-01,2026-06-30
""",
    "benefits": """person_id,benefit,start_date,end_date
A,kontanthjaelp,2024-01-01,2024-06-30
B,kontanthjaelp,2024-01-01,
D,su,2024-09-01,2027-06-30
E,dagpenge,2026-05-01,2026-12-31
""",
    "offers": """person_id,offer,start_date,end_date
A,virksomhedspraktik,2024-03-01,2024-04-01
B,vejledning_opkvalificering,2024-02-01,2024-02-28
C,nytteindsats,2023-06-01,2024-01-14
D,loentilskud,2025-01-16,
E,loentilskud,2025-05-01,2025-08-01
""",
    "conversations": """person_id,date,form,kind,held_by
A,2024-01-29,personligt,jobsamtale,jobcenter
A,2024-01-29,telefon,jobsamtale,jobcenter
A,2024-04-15,personligt,jobsamtale,jobcenter
A,2024-07-15,personligt,jobsamtale,jobcenter
B,2024-02-26,personligt,jobsamtale,jobcenter
C,2024-01-01,personligt,jobsamtale,jobcenter
E,2024-06-15,video,jobsamtale,jobcenter
E,2025-06-02,video,jobsamtale,jobcenter
""",
    "categories": """person_id,category,start_date,end_date
A,aktivitetsparat,2023-01-01,2024-09-30
A,jobparat,2024-10-01,
B,aktivitetsparat,2023-01-01,
C,jobparat,2023-01-01,
E,aktivitetsparat,2024-01-01,2025-03-01
E,jobparat,2025-03-02,
""",
}


def write_tables(folder: Path, tables: dict[str, str]) -> Path:
    folder.mkdir(exist_ok=True)
    for name, text in tables.items():
        (folder / f"{name}.csv").write_text(text, encoding="utf-8")
    return folder


def run_kpis(folder: Path, *extra: str) -> Kpis:
    result = CliRunner().invoke(
        main, ["evaluation", "kpis", str(folder), "--as-of", "2026-08-01", "--format", "json",
               *extra],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    return {c["cohort"]: {k["name"]: k for k in c["kpis"]} for c in data["cohorts"]}


@pytest.fixture
def kpis(tmp_path: Path) -> Kpis:
    return run_kpis(write_tables(tmp_path / "register", TABLES))


def counts(kpi: dict[str, object]) -> tuple[object, object]:
    share = kpi["share"]
    assert isinstance(share, dict)
    return share["count"], share["total"]


def test_employment_rate_counts_hours_in_the_month_of_the_measurement_day(kpis: Kpis) -> None:
    # A 100 h in 2025-01, E 20 h in 2025-06; B 0 h, C worked the month before, D nothing.
    assert counts(kpis["forsøg"]["employment_rate"]) == (2, 5)
    assert counts(kpis["sammenligning"]["employment_rate"]) == (1, 2)


def test_education_and_su_rates_are_read_on_the_measurement_day(kpis: Kpis) -> None:
    assert counts(kpis["forsøg"]["education_rate"]) == (1, 5)  # C in education
    assert counts(kpis["forsøg"]["su_rate"]) == (1, 5)  # D on SU


def test_activation_counts_offers_overlapping_the_period_from_start(kpis: Kpis) -> None:
    # A praktik, B vejledning, E løntilskud; C's offer ended before, D's began after.
    forsoeg = kpis["forsøg"]
    assert counts(forsoeg["activation_rate"]) == (3, 5)
    assert counts(forsoeg["company_directed_activation_rate"]) == (2, 5)
    assert counts(forsoeg["guidance_upskilling_rate"]) == (1, 5)


def test_conversations_per_quarter_and_weeks_to_the_first(kpis: Kpis) -> None:
    forsoeg = kpis["forsøg"]
    # Distinct days in the 12 months: A 3 (two on one day count once), B 1, C 0, D 0, E 1
    # (E's second is after the window) -> per quarter 0.75, 0.25, 0, 0, 0.25; mean 0.25.
    per_quarter = forsoeg["conversations_per_quarter"]["mean"]
    assert per_quarter["value"] == pytest.approx(0.25)
    assert per_quarter["n"] == 5
    # Weeks to the first: A 2, B 6, E 2 -> mean 10/3, median 2.
    weeks = forsoeg["weeks_to_first_conversation"]["mean"]
    assert weeks["value"] == pytest.approx(10 / 3)
    assert weeks["median"] == pytest.approx(2)
    assert counts(forsoeg["had_conversation"]) == (3, 5)


def test_category_shift_follows_those_aktivitetsparat_at_start(kpis: Kpis) -> None:
    # A and E move to jobparat, B stays; C was jobparat at start and D has no category.
    assert counts(kpis["forsøg"]["category_shift"]) == (2, 3)


def test_self_sufficiency_after_one_two_and_two_and_a_half_years(kpis: Kpis) -> None:
    forsoeg = kpis["forsøg"]
    # B is on kontanthjælp throughout; SU (D) counts as self-sufficient; E is on dagpenge at
    # 24 months; E's 30-month day (2026-12-01) is after the data and left out.
    assert counts(forsoeg["self_sufficient_12m"]) == (4, 5)
    assert counts(forsoeg["self_sufficient_24m"]) == (3, 5)
    assert counts(forsoeg["self_sufficient_30m"]) == (3, 4)
    assert forsoeg["self_sufficient_30m"]["label"] == "Selvforsørgende 2½ år efter"


def test_employment_after_education_at_three_six_and_nine_months(kpis: Kpis) -> None:
    forsoeg = kpis["forsøg"]
    # C finishes 2025-06-30: hours in 2025-09 and 2026-03, none in 2025-12.
    assert counts(forsoeg["employed_3m_after_education"]) == (1, 1)
    assert counts(forsoeg["employed_6m_after_education"]) == (0, 1)
    assert counts(forsoeg["employed_9m_after_education"]) == (1, 1)
    # G finishes 2026-06-30: three months later is after the data, so nobody is measured.
    share = kpis["sammenligning"]["employed_3m_after_education"]["share"]
    assert share == {"count": 0, "total": 0, "share": None, "ci_low": None, "ci_high": None,
                     "alpha": 0.05}  # fmt: skip


def test_shares_carry_wilson_intervals(kpis: Kpis) -> None:
    # Wilson, 2 of 5, z = 1.96: centre (0.4 + z²/10) / (1 + z²/5) = 0.44345,
    # half-width z·sqrt(0.4·0.6/5 + z²/100) / (1 + z²/5) = 0.32584.
    share = kpis["forsøg"]["employment_rate"]["share"]
    assert share["ci_low"] == pytest.approx(0.44345 - 0.32584, abs=2e-4)
    assert share["ci_high"] == pytest.approx(0.44345 + 0.32584, abs=2e-4)


def test_kpis_that_lack_their_table_are_left_out(tmp_path: Path) -> None:
    folder = write_tables(tmp_path / "only", {"cohort": TABLES["cohort"]})
    assert run_kpis(folder) == {"forsøg": {}, "sammenligning": {}}


def test_the_csv_has_one_row_per_cohort_and_kpi(tmp_path: Path) -> None:
    folder = write_tables(tmp_path / "csv", {k: TABLES[k] for k in ("cohort", "offers")})
    result = CliRunner().invoke(
        main, ["evaluation", "kpis", str(folder), "--as-of", "2026-08-01", "--format", "csv"]
    )
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[0].startswith("cohort,kpi,label,count,total,share,ci_low,ci_high")
    assert lines[1].startswith("forsøg,activation_rate,Aktiveringsgrad,3,5,0.6,")
    assert len(lines) == 1 + 2 * 3


def test_it_names_the_file_line_and_column_of_an_unknown_benefit(tmp_path: Path) -> None:
    tables = dict(TABLES, benefits="person_id,benefit,start_date,end_date\nA,su,2024-01-01,\n"
                  "B,pension,2024-01-01,\n")  # fmt: skip
    folder = write_tables(tmp_path / "bad", tables)
    result = CliRunner().invoke(main, ["evaluation", "kpis", str(folder), "--as-of", "2026-08-01"])
    assert result.exit_code != 0
    assert f"{folder / 'benefits.csv'}, linje 3, kolonne 'benefit': ukendt kode 'pension'" in (
        result.output
    )


def test_it_refuses_an_offer_that_ends_before_it_starts(tmp_path: Path) -> None:
    tables = dict(
        TABLES, offers="person_id,offer,start_date,end_date\nA,mentor,2024-05-01,2024-04-01\n"
    )
    folder = write_tables(tmp_path / "bad", tables)
    result = CliRunner().invoke(main, ["evaluation", "kpis", str(folder), "--as-of", "2026-08-01"])
    assert result.exit_code != 0
    assert "offers.csv, linje 2, kolonne 'end_date': slutdato før startdato" in result.output


def test_the_text_output_is_in_danish_with_percentages(tmp_path: Path) -> None:
    folder = write_tables(tmp_path / "txt", TABLES)
    result = CliRunner().invoke(main, ["evaluation", "kpis", str(folder), "--as-of", "2026-08-01"])
    assert result.exit_code == 0, result.output
    assert "Kohorte: forsøg (n = 5)" in result.output
    assert "Beskæftigelsesgrad: 40.0 % (2/5; 95 % Wilson [11.8 %; 76.9 %])" in result.output


def test_adding_months_clamps_to_the_end_of_the_month() -> None:
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2023, 8, 31), 30) == date(2026, 2, 28)
    assert add_months(date(2024, 11, 15), 3) == date(2025, 2, 15)


def test_an_empty_group_has_no_share() -> None:
    assert wilson_share(0, 0).share is None
    with pytest.raises(ValueError, match="ugyldig andel"):
        wilson_share(3, 2)


def test_completed_courses_are_counted_when_the_cohort_has_end_dates(tmp_path: Path) -> None:
    cohort = """person_id,cohort,start_date,end_date
A,forsøg,2024-01-15,2024-06-30
B,forsøg,2024-01-15,
C,forsøg,2024-01-15,2026-12-31
"""
    folder = write_tables(tmp_path / "done", {"cohort": cohort})
    # A ended before the data end; B is still running; C ends after it.
    assert counts(run_kpis(folder)["forsøg"]["completed"]) == (1, 3)
