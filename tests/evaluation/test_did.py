"""Difference-in-differences against published results, through the CLI code path."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from effekt.cli import main
from effekt.evaluation.analysis.did import DidSpec, estimate_did
from effekt.evaluation.analysis.errors import InputError


def run_json(*args: str) -> dict[str, object]:
    result = CliRunner().invoke(main, ["evaluation", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.output)
    return data


def test_it_reproduces_wooldridge_example_13_3_with_iid_errors(kielmc_csv: Path) -> None:
    # Wooldridge, Introductory Econometrics, Example 13.3: rprice on nearinc, y81, y81·nearinc.
    data = run_json(
        "did", str(kielmc_csv), "--outcome", "rprice", "--treated", "nearinc", "--post", "y81"
    )
    assert data["estimate"] == pytest.approx(-11863.90, abs=0.01)
    assert data["std_error"] == pytest.approx(7456.65, abs=0.01)
    assert data["vcov"] == "iid"
    assert data["n"] == 321
    assert data["ci_low"] == pytest.approx(-11863.90 - 1.9675 * 7456.65, rel=1e-3)
    assert data["ci_high"] == pytest.approx(-11863.90 + 1.9675 * 7456.65, rel=1e-3)


@pytest.mark.parametrize(
    ("controls", "estimate", "std_error"),
    [
        ("age,agesq", -21920.27, 6359.75),
        ("age,agesq,intst,land,area,rooms,baths", -14177.93, 4987.27),
    ],
)
def test_it_reproduces_the_controlled_columns_of_example_13_3(
    kielmc_csv: Path, controls: str, estimate: float, std_error: float
) -> None:
    # Wooldridge, Example 13.3, columns (2) and (3) of the table of results.
    data = run_json(
        "did", str(kielmc_csv), "--outcome", "rprice", "--treated", "nearinc", "--post", "y81",
        "--controls", controls,
    )  # fmt: skip
    assert data["estimate"] == pytest.approx(estimate, abs=0.01)
    assert data["std_error"] == pytest.approx(std_error, abs=0.01)
    assert data["controls"] == controls.split(",")


def test_it_refuses_a_permutation_test_without_units(kielmc_csv: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["evaluation", "did", str(kielmc_csv), "--outcome", "rprice", "--treated", "nearinc",
         "--post", "y81", "--permutation"],
    )  # fmt: skip
    assert result.exit_code != 0
    assert "permutationstesten kræver en enhedskolonne (--unit)" in result.output


def test_it_refuses_to_permute_when_treatment_varies_within_a_unit() -> None:
    frame = pd.DataFrame(
        {"y": [1.0, 2.0, 3.0, 4.0, 5.0, 7.0], "d": [0, 1, 0, 0, 1, 1], "p": [0, 1, 0, 1, 0, 1],
         "u": ["a", "a", "b", "b", "c", "c"]}
    )  # fmt: skip
    with pytest.raises(InputError, match="kolonne 'd': behandlingen skal være den samme"):
        estimate_did(frame, DidSpec("y", "d", "p", "iid", unit="u"), source="x.csv")


def test_it_reproduces_the_effects_organ_donation_estimate_clustered_by_state(
    organ_csv: Path,
) -> None:
    # The Effect (Huntington-Klein), ch. 18: -0.0225, SE 0.0061, clustered by state.
    data = run_json(
        "did", str(organ_csv), "--outcome", "Rate", "--treated", "california",
        "--post", "after", "--unit", "State", "--time", "Quarter", "--cluster", "State",
    )  # fmt: skip
    assert data["estimate"] == pytest.approx(-0.0225, abs=5e-5)
    assert data["std_error"] == pytest.approx(0.0061, abs=5e-5)
    assert data["vcov"] == "cluster"
    assert data["n"] == 162
    assert data["n_clusters"] == 27
    assert data["n_treated_units"] == 1
    assert isinstance(data["caveat"], str) and data["caveat"].startswith("Kun 1 behandlet")
    permutation = data["permutation"]
    assert isinstance(permutation, dict) and permutation["n_assignments"] == 27


def test_it_adds_a_permutation_test_and_a_caveat_with_one_treated_state(
    organ_donations: pd.DataFrame,
) -> None:
    spec = DidSpec("Rate", "california", "after", "cluster", unit="State", time="Quarter",
                   cluster="State")  # fmt: skip
    result = estimate_did(organ_donations, spec)
    assert result.n_treated_units == 1
    assert result.caveat is not None and "permutation" in result.caveat
    test = result.permutation
    assert test is not None and test.exhaustive and test.n_assignments == 27
    # Hand check: each placebo estimate is the state's own (after − before) change minus the
    # mean change of the other 26 states, so the p-value is the rank of California's |effect|.
    frame = organ_donations
    means = frame.pivot_table(index="State", columns="after", values="Rate", aggfunc="mean")
    change = means[1] - means[0]
    placebo = change - (change.sum() - change) / 26
    assert sorted(test.placebo_estimates) == pytest.approx(sorted(placebo), abs=1e-9)
    extreme = int((placebo.abs() >= abs(placebo["California"]) - 1e-12).sum())
    assert test.p_value == pytest.approx(extreme / 27)


def test_it_prints_the_variance_type_and_the_caveat_as_text(organ_csv: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["evaluation", "did", str(organ_csv), "--outcome", "Rate", "--treated", "california",
         "--post", "after", "--unit", "State", "--time", "Quarter", "--cluster", "State"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Variansestimator:   cluster – CRV1 (klyngerobust) efter State" in result.output
    assert "Permutationstest:   p = 0.1852 (alle 27 tildelinger)" in result.output
    assert "OBS: Kun 1 behandlet enhed" in result.output


def test_hc1_errors_differ_from_iid_errors(kielmc_csv: Path) -> None:
    base = ["did", str(kielmc_csv), "--outcome", "rprice", "--treated", "nearinc", "--post", "y81"]
    iid = run_json(*base, "--vcov", "iid")
    hc1 = run_json(*base, "--vcov", "hc1")
    assert hc1["estimate"] == pytest.approx(iid["estimate"])
    assert hc1["vcov"] == "hc1"
    assert hc1["std_error"] != pytest.approx(iid["std_error"], rel=1e-3)
    assert hc1["vcov_label"] == "HC1 (heteroskedasticitetsrobust)"


def test_it_refuses_a_treated_value_that_is_not_zero_or_one(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("y,d,post\n1,0,0\n2,1,0\n3,yes,1\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["evaluation", "did", str(path), "--outcome", "y", "--treated", "d", "--post", "post"]
    )
    assert result.exit_code != 0
    assert f"{path}, linje 4, kolonne 'd': 'yes' er ikke 0/1" in result.output


def test_it_names_a_missing_column() -> None:
    frame = pd.DataFrame({"y": [1.0], "d": [1]})
    with pytest.raises(InputError, match="kolonne 'post': kolonnen mangler"):
        estimate_did(frame, DidSpec("y", "d", "post", "iid"), source="x.csv")


def test_it_refuses_cluster_variance_without_a_cluster_column() -> None:
    frame = pd.DataFrame({"y": [1.0, 2.0], "d": [0, 1], "p": [0, 1]})
    with pytest.raises(InputError, match="klyngekolonne"):
        estimate_did(frame, DidSpec("y", "d", "p", "cluster"))


def test_it_refuses_data_without_a_comparison_group(tmp_path: Path) -> None:
    path = tmp_path / "all_treated.csv"
    path.write_text("y,d,p\n1,1,0\n2,1,1\n3,1,0\n5,1,1\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["evaluation", "did", str(path), "--outcome", "y", "--treated", "d", "--post", "p"]
    )
    assert result.exit_code != 0
    assert "kolonne 'd': ingen observationer for sammenligning før starten" in result.output


def test_it_reads_parquet_like_csv(kielmc_csv: Path, tmp_path: Path) -> None:
    parquet = tmp_path / "kielmc.parquet"
    pd.read_csv(kielmc_csv).to_parquet(parquet)
    data = run_json(
        "did", str(parquet), "--outcome", "rprice", "--treated", "nearinc", "--post", "y81"
    )
    assert data["estimate"] == pytest.approx(-11863.90, abs=0.01)
