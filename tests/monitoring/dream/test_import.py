import csv
import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from effekt.monitoring.dream import DreamImportError, import_dream
from effekt.monitoring.dream_cli import dream_import

# Weeks 2020-W01..W06: Mondays 30 Dec 2019, 6, 13, 20, 27 Jan, 3 Feb 2020.
HEADER = "person_id,koen,y_2001,y_2002,y_2003,y_2004,y_2005,y_2006,branche_2020_01\n"


def read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="") as handle:
        return list(csv.DictReader(handle))


def dream_file(tmp_path: Path, *rows: str, header: str = HEADER, name: str = "dream.csv") -> Path:
    path = tmp_path / name
    path.write_text(header + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


def test_consecutive_weeks_on_one_benefit_become_one_interval(tmp_path: Path) -> None:
    # a: kontanthjælp (130, then 135 = løntilskud, then 130) for weeks 1-4, then nothing,
    #    then sygedagpenge in week 6.
    path = dream_file(tmp_path, "a,M,130,135,135,130,,890,4711")
    import_dream(path, tmp_path / "out")
    assert read(tmp_path / "out" / "benefits.csv") == [
        {
            "person_id": "a",
            "benefit": "kontanthjaelp",
            "start_date": "2019-12-30",
            "end_date": "2020-01-26",
        },
        {
            "person_id": "a",
            "benefit": "sygedagpenge",
            "start_date": "2020-02-03",
            "end_date": "2020-02-09",
        },
    ]
    assert read(tmp_path / "out" / "offers.csv") == [
        {
            "person_id": "a",
            "offer": "loentilskud",
            "start_date": "2020-01-06",
            "end_date": "2020-01-19",
        }
    ]


def test_a_change_of_benefit_or_a_missing_week_column_splits_the_interval(tmp_path: Path) -> None:
    # Column y_2003 is absent, so weeks 2 and 4 are not consecutive.
    header = "person_id,y_2001,y_2002,y_2004,y_2005\n"
    path = dream_file(tmp_path, "b,111,111,111,750", header=header)
    tables = import_dream(path, tmp_path / "out")
    assert [(s.what, s.start, s.end) for s in tables.benefits] == [
        ("dagpenge", dt.date(2019, 12, 30), dt.date(2020, 1, 12)),
        ("dagpenge", dt.date(2020, 1, 20), dt.date(2020, 1, 26)),
        ("forrevalidering", dt.date(2020, 1, 27), dt.date(2020, 2, 2)),
    ]


def test_columns_are_taken_in_date_order_across_the_new_year(tmp_path: Path) -> None:
    # 2020 has 53 ISO weeks: y_2053 (28 Dec 2020) runs straight into y_2101 (4 Jan 2021).
    header = "pnr,y_2101,y_2053,y_2052\n"
    path = dream_file(tmp_path, "c,899,899,899", header=header)
    tables = import_dream(path, tmp_path / "out")
    assert [(s.what, s.start, s.end) for s in tables.benefits] == [
        ("sygedagpenge", dt.date(2020, 12, 21), dt.date(2021, 1, 10))
    ]
    assert [(s.what, s.start, s.end) for s in tables.offers] == [
        ("delvis_raskmelding", dt.date(2020, 12, 21), dt.date(2021, 1, 10))
    ]


def test_end_of_observation_codes_yield_no_benefit(tmp_path: Path) -> None:
    path = dream_file(tmp_path, "d,M,760,760,999,999,999,999,")
    tables = import_dream(path, tmp_path / "out")
    assert [(s.what, s.end) for s in tables.benefits] == [("revalidering", dt.date(2020, 1, 12))]


def test_it_reads_semicolon_separated_files(tmp_path: Path) -> None:
    path = dream_file(tmp_path, "e;137;137", header="cprnr;y_2001;y_2002\n")
    tables = import_dream(path, tmp_path / "out")
    assert [(s.person_id, s.what) for s in tables.offers] == [("e", "virksomhedspraktik")]


def test_it_reads_parquet(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "dream.parquet"
    pq.write_table(pa.table({"person_id": ["f"], "y_2001": ["139"], "y_2002": [None]}), path)
    tables = import_dream(path, tmp_path / "out")
    assert [(s.what, s.start, s.end) for s in tables.offers] == [
        ("nytteindsats", dt.date(2019, 12, 30), dt.date(2020, 1, 5))
    ]


@pytest.mark.parametrize(
    ("rows", "header", "line", "column", "message"),
    [
        (("a,M,130,,,,,,", "b,K,130,131,150,,,,"), HEADER, 3, "y_2003", "unknown DREAM code '150'"),
        (("a,M,130,,,,,,", "a,M,130,,,,,,"), HEADER, 3, "person_id", "already appeared on line 2"),
        ((",M,130,,,,,,",), HEADER, 2, "person_id", "the person is missing"),
        (("a,130",), "id,y_2001\n", 1, "person_id", "required column is missing"),
        (("a,130",), "person_id,y_1953\n", 1, "y_1953", "2019 has no ISO week 53"),
        (("a,130",), "person_id,uge\n", 1, "y_YYWW", "no week columns"),
    ],
)
def test_it_refuses_bad_input_naming_file_line_and_column_and_writes_nothing(
    tmp_path: Path, rows: tuple[str, ...], header: str, line: int, column: str, message: str
) -> None:
    path = dream_file(tmp_path, *rows, header=header)
    with pytest.raises(DreamImportError) as caught:
        import_dream(path, tmp_path / "out")
    assert (caught.value.file, caught.value.line, caught.value.column) == (str(path), line, column)
    assert message in str(caught.value)
    assert not (tmp_path / "out").exists()


def test_the_command_writes_both_tables_and_says_what_it_wrote(tmp_path: Path) -> None:
    path = dream_file(tmp_path, "a,M,130,135,135,130,,890,", "b,K,111,111,,,,,")
    result = CliRunner().invoke(dream_import, [str(path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "2 personer: 3 ydelsesperioder og 1 tilbud" in result.output
    assert len(read(tmp_path / "out" / "benefits.csv")) == 3


def test_the_command_reports_an_unknown_code_and_fails(tmp_path: Path) -> None:
    path = dream_file(tmp_path, "a,M,130,135,123,130,,890,")
    result = CliRunner().invoke(dream_import, [str(path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert f"{path}, line 2, column y_2003: unknown DREAM code '123'" in result.output
    assert not (tmp_path / "out").exists()


def test_the_command_takes_a_code_table_of_ones_own(tmp_path: Path) -> None:
    codes = tmp_path / "codes.csv"
    codes.write_text("code,benefit,offer,note\n123,kontanthjaelp,nytteindsats,local\n")
    path = dream_file(tmp_path, "a,M,123,123,,,,,")
    args = [str(path), "--out", str(tmp_path / "out"), "--codes", str(codes)]
    result = CliRunner().invoke(dream_import, args)
    assert result.exit_code == 0, result.output
    assert read(tmp_path / "out" / "offers.csv")[0]["offer"] == "nytteindsats"


def test_the_effekt_command_runs_the_import(tmp_path: Path) -> None:
    from effekt.cli import main

    path = dream_file(tmp_path, "a,M,130,135,135,130,,890,")
    args = ["monitoring", "dream-import", str(path), "--out", str(tmp_path / "out")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert len(read(tmp_path / "out" / "offers.csv")) == 1


def test_imported_weeks_make_a_spell_the_focus_targets_measure(tmp_path: Path) -> None:
    from tests.monitoring.reference.reference import focus_targets
    from tests.monitoring.reference.tables import read_register

    # 53 weeks of kontanthjælp from Monday 31 Dec 2018 (y_1901) to Sunday 5 Jan 2020
    # (y_2001), with virksomhedspraktik (137) in week 2019-W20: on 31 Dec 2019 the spell has
    # lasted 366 days >= the 365 days of the 12 months, so the person is measured in
    # 2019-12 (not in 2019-11: 335 < 365 days) with an offer.
    weeks = [f"y_19{w:02d}" for w in range(1, 53)] + ["y_2001"]
    codes = ["137" if column == "y_1920" else "130" for column in weeks]
    path = dream_file(
        tmp_path, "a," + ",".join(codes), header="person_id," + ",".join(weeks) + "\n"
    )
    out = tmp_path / "register"
    import_dream(path, out)
    (out / "persons.csv").write_text("person_id,birth_date\na,1980-01-01\n")
    (out / "residence.csv").write_text(
        "person_id,municipality_code,valid_from,valid_to\na,101,2000-01-01,\n"
    )
    [row] = focus_targets(read_register(out), (2019, 11), (2019, 12))
    assert (row.month, row.population, row.offers_met) == ((2019, 12), 1, 1)
