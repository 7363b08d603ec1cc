"""Reading the outcomes file: values are parsed, and errors name file, line and column."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from effekt.probability.outcomes import OutcomeFileError, read_outcomes


def _write(tmp_path: Path, text: str, name: str = "udfald.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_it_reads_answers_as_codes_or_numbers_and_empty_s12_as_ved_ikke(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "job_or_education,s12,age,sex,caseworker_change,citizen_job_search,note\n"
        '1,5,34,K,true,"3,5",x\n'
        "0,tvivler,,M,,2,y\n"
        "false,,51,,0,,z\n",
    )
    table = read_outcomes(path)
    assert table["job_or_education"].tolist() == [1.0, 0.0, 0.0]
    assert table["s12"].tolist() == ["ja", "tvivler", "ved_ikke"]
    assert table["age"].tolist()[0] == 34.0 and pd.isna(table["age"].tolist()[1])
    assert table["caseworker_change"].tolist()[0] == 1.0
    assert table["citizen_job_search"].tolist()[0] == 3.5
    assert table["sex"].tolist()[:2] == ["K", "M"]
    assert "note" not in table.columns  # unknown columns are ignored


def test_it_requires_the_outcome_column(tmp_path: Path) -> None:
    path = _write(tmp_path, "s12,age\n5,30\n")
    with pytest.raises(OutcomeFileError, match=r"udfald\.csv, linje 1: kolonnen job_or_education"):
        read_outcomes(path)


def test_it_names_the_line_and_column_of_a_value_that_is_not_a_number(tmp_path: Path) -> None:
    path = _write(tmp_path, "job_or_education,s12,age\n1,5,30\n0,2,tredive\n")
    with pytest.raises(OutcomeFileError, match=r"linje 3, kolonne age: 'tredive' er ikke et tal"):
        read_outcomes(path)


def test_it_refuses_an_indicator_score_outside_one_to_five(tmp_path: Path) -> None:
    path = _write(tmp_path, "job_or_education,s12,caseworker_health_coping\n1,5,6\n")
    with pytest.raises(OutcomeFileError, match="linje 2, kolonne caseworker_health_coping: 6"):
        read_outcomes(path)


def test_it_refuses_a_missing_outcome(tmp_path: Path) -> None:
    path = _write(tmp_path, "job_or_education,s12\n1,5\n,4\n")
    with pytest.raises(OutcomeFileError, match="linje 3, kolonne job_or_education"):
        read_outcomes(path)


def test_it_reads_parquet_and_counts_rows_from_one(tmp_path: Path) -> None:
    path = tmp_path / "udfald.parquet"
    pd.DataFrame({"job_or_education": [1, 0], "s12": ["ja", "kanske"]}).to_parquet(path)
    with pytest.raises(OutcomeFileError, match=r"udfald\.parquet, række 2, kolonne s12"):
        read_outcomes(path)


def test_it_reports_a_file_that_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(OutcomeFileError, match="findes ikke"):
        read_outcomes(tmp_path / "mangler.csv")


def test_it_reads_a_csv_file_saved_with_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_text("job_or_education,s12\n1,ja\n", encoding="utf-8-sig")
    assert read_outcomes(path)["job_or_education"].tolist() == [1.0]
