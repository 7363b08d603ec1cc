"""The benchmarking model: leave-one-out OLS across municipalities; imported rates win."""

from __future__ import annotations

from fractions import Fraction

import pytest

from effekt.monitoring.engine import load_rules
from effekt.monitoring.engine.result import FocusTargetRow, MonitoringResult, ResultTargetRow
from effekt.monitoring.result_model import describe, estimate, merge
from effekt.monitoring.result_model.apply import (
    actual_shares,
    imported_rates,
    with_expected_shares,
)
from effekt.monitoring.result_model.model import Key, Source


def _conditions(xs: dict[str, list[float]], period: str = "2021") -> list[dict[str, object]]:
    return [
        {"municipality_code": code, "period": period, **{f"x{i}": v for i, v in enumerate(x)}}
        for code, x in xs.items()
    ]


def test_on_exactly_linear_data_every_leave_one_out_prediction_is_the_actual_share() -> None:
    xs = {f"{100 + i}": [i / 10, (i * i % 7) / 10] for i in range(10)}
    actual = {(c, "2021"): 0.1 + 0.5 * x[0] - 0.2 * x[1] + 0.3 for c, x in xs.items()}
    model = estimate(actual, _conditions(xs))
    assert model.covariates == ("x0", "x1")
    [fit] = model.fits
    assert fit.n == 10 and fit.r_squared == pytest.approx(1.0)
    assert fit.coefficients["x0"] == pytest.approx(0.5)
    assert fit.coefficients["x1"] == pytest.approx(-0.2)
    for p in model.predictions:
        assert p.expected_share == pytest.approx(actual[(p.municipality_code, "2021")])


def test_a_municipality_does_not_predict_itself_hand_computed() -> None:
    # points (0, 0), (1, .1), (2, .2), (3, .4); without (1, .1) the line through the others is
    # y = 9/70 x - 1/70, so 8/70 at x = 1; without (3, .4) it is y = x/10, so 0.3 at x = 3;
    # without (0, 0) it is y = 0.15 x - 2/30, so -1/15 at x = 0, clipped to 0.
    xs = {"101": [0.0], "147": [1.0], "151": [2.0], "153": [3.0]}
    shares = {"101": 0.0, "147": 0.1, "151": 0.2, "153": 0.4}
    model = estimate({(c, "2021H1"): s for c, s in shares.items()}, _conditions(xs))
    found = {p.municipality_code: p.expected_share for p in model.predictions}
    assert found["147"] == pytest.approx(8 / 70)
    assert found["153"] == pytest.approx(0.3)
    assert found["101"] == 0.0
    assert {p.period for p in model.predictions} == {"2021H1"}  # half-year used the year


def test_it_makes_no_prediction_with_too_few_municipalities() -> None:
    xs = {"101": [0.0], "147": [1.0], "151": [2.0]}
    model = estimate({(c, "2021"): 0.1 for c in xs}, _conditions(xs))
    assert model.predictions == [] and model.fits == []
    assert "No period had enough municipalities" in describe(model)


def test_imported_expected_rates_always_win() -> None:
    xs = {f"{100 + i}": [float(i)] for i in range(6)}
    model = estimate({(c, "2021"): 0.01 * i for i, c in enumerate(xs)}, _conditions(xs))
    rates = merge({("102", "2021"): 0.5}, model)
    assert rates[("102", "2021")] == (0.5, "imported")
    assert rates[("103", "2021")][1] == "model"
    assert rates[("103", "2021")][0] == pytest.approx(0.03)


def test_describe_prints_the_method_and_the_fit() -> None:
    xs = {f"{100 + i}": [float(i)] for i in range(6)}
    model = estimate({(c, "2021"): 0.01 * i for i, c in enumerate(xs)}, _conditions(xs))
    text = describe(model)
    assert "OLS across municipalities" in text and "leave-one-out" in text
    assert "2021: n=6, R²=1.000" in text and "x0 +0.0100" in text


def _result(imported: float | None) -> MonitoringResult:
    focus = [
        FocusTargetRow(
            code, "2021-12", 10, 10, 9, 10, 9, None, None, Fraction(9, 10), Fraction(1, 2)
        )
        for code in ("101", "147")
    ]
    results = [
        ResultTargetRow("101", "2021", 100, 20, Fraction(1, 5), imported, None, None),
        ResultTargetRow("147", "2021", 100, 10, Fraction(1, 10), None, None, None),
    ]
    return MonitoringResult("2021-01", "2021-12", ("p",), focus, results, [], [])


def test_filling_in_model_rates_keeps_imported_ones_and_judges_the_verdicts_again() -> None:
    result = _result(imported=0.3)
    assert imported_rates(result) == {("101", "2021"): 0.3}
    assert actual_shares(result) == {("101", "2021"): 0.2, ("147", "2021"): 0.1}
    rates: dict[Key, tuple[float, Source]] = {
        ("101", "2021"): (0.1, "model"),
        ("147", "2021"): (0.05, "model"),
    }
    judged = with_expected_shares(result, rates, load_rules(None))
    first, second = judged.result_target
    assert first.expected_share == 0.3 and first.met is None  # imported row left as it was
    assert second.expected_share == 0.05 and second.met is False  # 10 % is not below 5 %
    verdict = {v.municipality_code: v for v in judged.verdicts}
    assert verdict["147"].result_target_met is False
    assert verdict["147"].conversations_target_met is False
    assert verdict["147"].candidate is True
