"""`effekt model show`, `fit` and `reset` through the CLI runner."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

import pandas as pd
from click.testing import CliRunner

from effekt.cli import main

PUBLISHED_S12 = {  # source 003, share in employment a year later by S12 answer
    "nej": 0.011,
    "tvivler": 0.027,
    "det_svinger": 0.049,
    "gode_chancer": 0.104,
    "ja": 0.268,
    "ved_ikke": 0.074,
}


def _show(model_dir: Path) -> dict[str, object]:
    result = CliRunner().invoke(main, ["model", "show", "--format", "json"])
    assert result.exit_code == 0, result.output
    shown: dict[str, object] = json.loads(result.output)
    return shown


def test_show_prints_the_shipped_version_and_the_published_s12_rates(model_dir: Path) -> None:
    shown = _show(model_dir)
    assert set(shown) == {"model_version", "s12_rates"}
    assert shown["model_version"] == "2026.1-default"
    rates = shown["s12_rates"]
    assert isinstance(rates, dict) and set(rates) == set(PUBLISHED_S12)
    for answer, rate in PUBLISHED_S12.items():
        assert abs(rates[answer] - rate) < 1e-6, answer


def test_show_as_text_uses_the_danish_answer_labels(model_dir: Path) -> None:
    result = CliRunner().invoke(main, ["model", "show"])
    assert result.exit_code == 0
    assert "2026.1-default" in result.output
    assert "Gode chancer   10,4 %" in result.output
    assert "Ja             26,8 %" in result.output


def test_fit_writes_a_report_and_activates_the_new_model(
    model_dir: Path, outcomes_csv: Path, tmp_path: Path
) -> None:
    report = tmp_path / "report"
    result = CliRunner().invoke(
        main,
        [
            "model",
            "fit",
            "--outcomes",
            str(outcomes_csv),
            "--report",
            str(report),
            "--model-version",
            "kbh-2026",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "Modellen kbh-2026 er nu aktiv (før: 2026.1-default)" in result.output
    assert _show(model_dir)["model_version"] == "kbh-2026"
    assert (model_dir / "kbh-2026.json").exists()
    data = json.loads((report / "report.json").read_text())
    assert [s["step"] for s in data["explanatory_power"]] == ["objective", "bip", "caseworker"]
    assert data["n_obs"] == len(pd.read_csv(outcomes_csv))
    assert "Forklaringskraft" in (report / "report.md").read_text()
    svg = ElementTree.parse(report / "calibration.svg").getroot()
    assert len(svg.findall("{http://www.w3.org/2000/svg}circle")) == 10


def test_fit_with_no_activate_keeps_the_active_model(
    model_dir: Path, outcomes_csv: Path, tmp_path: Path
) -> None:
    result = CliRunner().invoke(
        main,
        [
            "model",
            "fit",
            "--outcomes",
            str(outcomes_csv),
            "--no-activate",
            "--report",
            str(tmp_path / "r"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert _show(model_dir)["model_version"] == "2026.1-default"
    assert (tmp_path / "r" / "report.json").exists()


def test_a_failed_fit_leaves_the_active_model_in_place(
    model_dir: Path, outcomes_csv: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    first = runner.invoke(
        main, ["model", "fit", "--outcomes", str(outcomes_csv), "--model-version", "v1"]
    )
    assert first.exit_code == 0, first.output
    tiny = tmp_path / "tiny.csv"
    pd.read_csv(outcomes_csv).head(60).to_csv(tiny, index=False)
    result = runner.invoke(main, ["model", "fit", "--outcomes", str(tiny)])
    assert result.exit_code == 1
    assert "For få udfald" in result.output
    assert "Den aktive model (v1) er uændret" in result.output
    assert _show(model_dir)["model_version"] == "v1"


def test_a_fit_that_does_not_converge_leaves_the_active_model_in_place(
    model_dir: Path, outcomes_csv: Path
) -> None:
    result = CliRunner().invoke(
        main, ["model", "fit", "--outcomes", str(outcomes_csv), "--max-iter", "1"]
    )
    assert result.exit_code == 1
    assert "konvergerede ikke" in result.output
    assert not (model_dir / "active.json").exists()


def test_a_bad_outcomes_file_is_reported_with_line_and_column(
    model_dir: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("job_or_education,s12\n1,ja\n0,maaske\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["model", "fit", "--outcomes", str(bad)])
    assert result.exit_code == 1
    assert "bad.csv, linje 3, kolonne s12" in result.output


def test_reset_makes_the_shipped_defaults_active_again(model_dir: Path, outcomes_csv: Path) -> None:
    runner = CliRunner()
    fitted = runner.invoke(
        main, ["model", "fit", "--outcomes", str(outcomes_csv), "--model-version", "v2"]
    )
    assert fitted.exit_code == 0, fitted.output
    result = runner.invoke(main, ["model", "reset"])
    assert result.exit_code == 0
    assert _show(model_dir)["model_version"] == "2026.1-default"
    assert (model_dir / "v2.json").exists()


def test_a_malformed_active_model_is_an_error_not_a_silent_fallback(model_dir: Path) -> None:
    model_dir.mkdir(parents=True)
    (model_dir / "active.json").write_text("{not json", encoding="utf-8")
    result = CliRunner().invoke(main, ["model", "show", "--format", "json"])
    assert result.exit_code == 1
    assert "active.json: not valid JSON (line 1, column 2)" in result.output


def test_fit_refuses_a_model_version_that_is_not_a_plain_file_name(
    model_dir: Path, outcomes_csv: Path
) -> None:
    result = CliRunner().invoke(
        main, ["model", "fit", "--outcomes", str(outcomes_csv), "--model-version", "../x"]
    )
    assert result.exit_code == 2
    assert "--model-version" in result.output
    assert not model_dir.exists()
