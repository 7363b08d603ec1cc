"""The probability for one measurement, with the version of the model it came from."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from effekt.bip import IndicatorScore, default_instrument, score_indicators
from effekt.probability.model import JobProbabilityModel
from effekt.probability.parameters import default_parameters
from effekt.probability.predict import predict, predict_course
from effekt.probability.store import activate

BIP = default_instrument()


def _scores(s12: int | str | None) -> dict[int, IndicatorScore]:
    caseworker = {"S2": 4, "S6": 3} | ({} if s12 is None else {"S12": s12})
    return score_indicators(BIP, {"B1": 4, "B10": ["internettet"]}, caseworker)


def test_a_caseworker_answering_ja_gives_the_published_rate_and_the_version() -> None:
    prediction = predict(_scores(5), {}, model=default_parameters())
    assert prediction.probability == pytest.approx(0.268)
    assert prediction.model_version == "2026.1-default"


@pytest.mark.parametrize("s12", ["ved_ikke", None])
def test_ved_ikke_and_an_unanswered_s12_give_the_ved_ikke_rate(s12: str | None) -> None:
    prediction = predict(_scores(s12), {}, model=default_parameters())
    assert prediction.probability == pytest.approx(0.074)


def test_a_change_of_caseworker_lowers_the_probability_by_the_shipped_odds_ratio() -> None:
    with_change = predict(_scores(4), {"caseworker_change": 1}, model=default_parameters())
    # By hand: logit(0.104) + ln(odds 6 % / odds 8 %) = -2.15355 - 0.30919 = -2.46274,
    # and 1 / (1 + exp(2.46274)) = 0.078512.
    assert with_change.probability == pytest.approx(0.078512, abs=2e-6)


def test_without_a_model_it_uses_the_active_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EFFEKT_MODEL_DIR", str(tmp_path))
    assert predict(_scores(1)).model_version == "2026.1-default"
    table = pd.DataFrame({"s12": ["nej", "ja"] * 200})
    table["job_or_education"] = [0.0, 1.0] * 150 + [1.0, 0.0] * 50
    fitted = JobProbabilityModel().fit(table, table["job_or_education"])
    activate(fitted.to_parameters("lokal-1"), tmp_path)
    prediction = predict(_scores(5))
    assert prediction.model_version == "lokal-1"
    # 150 of the 200 citizens with Ja got job or education (a saturated model).
    assert prediction.probability == pytest.approx(0.75, abs=1e-6)


def test_it_lists_the_inputs_it_had_to_impute() -> None:
    table = pd.DataFrame(
        {"s12": ["nej", "ja"] * 200, "age": [30.0, 50.0, 40.0, math.nan] * 100}
    ).assign(job_or_education=[0.0, 1.0] * 150 + [1.0, 0.0] * 50)
    model = JobProbabilityModel().fit(table, table["job_or_education"]).to_parameters("x")
    assert predict(_scores(5), {}, model=model).imputed == ("age",)
    assert predict(_scores(5), {"age": 33}, model=model).imputed == ()


def test_it_refuses_a_category_the_model_has_never_seen() -> None:
    table = pd.DataFrame({"s12": ["nej", "ja"] * 200, "sex": ["M", "K", "K", "M"] * 100})
    table["job_or_education"] = [0.0, 1.0, 1.0, 0.0] * 75 + [1.0, 0.0, 0.0, 1.0] * 25
    model = JobProbabilityModel().fit(table, table["job_or_education"]).to_parameters("x")
    with pytest.raises(ValueError, match="kolonne sex: værdien 'X'"):
        predict(_scores(5), {"sex": "X"}, model=model)


def test_a_course_shows_the_probability_at_each_measurement_and_its_change() -> None:
    course = [("baseline", _scores(2)), ("midway", _scores(3)), ("final", _scores(4))]
    points = predict_course(course, model=default_parameters())
    assert [p.point for p in points] == ["baseline", "midway", "final"]
    assert [p.probability for p in points] == pytest.approx([0.027, 0.049, 0.104])
    assert [p.change_since_baseline for p in points] == pytest.approx([0.0, 0.022, 0.077])
    assert {p.model_version for p in points} == {"2026.1-default"}


def test_a_course_without_measurements_has_no_probabilities() -> None:
    assert predict_course([], model=default_parameters()) == []
