"""Survey maths against published values: Wilson (Newcombe 1998a) and Newcombe's hybrid
score interval for a difference of proportions (Newcombe 1998b, Table II, method 10)."""

from __future__ import annotations

import pytest

from effekt.evaluation.analysis.shares import wilson_share
from effekt.evaluation.surveys.results import newcombe_difference, wave_changes, wave_result
from effekt.evaluation.surveys.schema import questions_from_json, questions_to_json
from effekt.evaluation.surveys.templates import TEMPLATES


@pytest.mark.parametrize(
    ("after", "before", "low", "high"),
    [
        ((56, 70), (48, 80), 0.0524, 0.3339),
        ((9, 10), (3, 10), 0.1705, 0.8090),
        ((5, 56), (0, 29), -0.0381, 0.1926),
    ],
)
def test_the_wave_to_wave_interval_matches_newcombes_published_examples(
    after: tuple[int, int], before: tuple[int, int], low: float, high: float
) -> None:
    found = newcombe_difference(wilson_share(*after), wilson_share(*before))
    assert found is not None
    assert found[1] == pytest.approx(low, abs=5e-5)
    assert found[2] == pytest.approx(high, abs=5e-5)


def test_the_response_rate_interval_is_wilsons_published_81_of_263() -> None:
    result = wave_result("Bølge 1", (), [{}] * 81, invited=263)
    assert result.response_rate.ci_low == pytest.approx(0.2553, abs=5e-5)
    assert result.response_rate.ci_high == pytest.approx(0.3662, abs=5e-5)


def test_dont_know_is_left_out_of_the_positive_share() -> None:
    questions = TEMPLATES["borger_samtaler"].questions
    answers = [
        {"moedet.i2": "I meget høj grad"},
        {"moedet.i2": "I høj grad"},
        {"moedet.i2": "Slet ikke"},
        {"moedet.i2": "Ved ikke"},
        {"koen": "Kvinde"},
    ]
    result = wave_result("Nulpunktsmåling", questions, answers, invited=10)
    item = next(i for i in result.items if i.key == "moedet.i2")
    assert item.text == "… engagerede sagsbehandlere"
    assert item.dont_know == 1
    assert item.positive is not None
    assert (item.positive.count, item.positive.total) == (2, 3)
    gender = next(i for i in result.items if i.key == "koen")
    assert [(o.label, o.share.count, o.share.total) for o in gender.options] == [
        ("Mand", 0, 1),
        ("Kvinde", 1, 1),
    ]
    assert (result.responses, result.response_rate.share) == (5, 0.5)


def test_multiple_choice_shares_are_of_respondents_not_of_ticks() -> None:
    questions = TEMPLATES["medarbejder_forholdstal"].questions
    first, second, _, fourth = questions[1].options
    answers = [{"elementer": [first, second]}, {"elementer": [first]}, {"elementer": [fourth]}]
    item = next(i for i in wave_result("B", questions, answers, 3).items if i.key == "elementer")
    assert [(o.share.count, o.share.total) for o in item.options] == [
        (2, 3),
        (1, 3),
        (0, 3),
        (1, 3),
    ]


def test_wave_changes_pair_the_same_item_across_waves() -> None:
    questions = TEMPLATES["borger_samtaler"].questions
    before = wave_result(
        "Nulpunkt",
        questions,
        [{"moedet.i1": "I høj grad"}] * 48 + [{"moedet.i1": "Slet ikke"}] * 32,
        100,
    )
    after = wave_result(
        "Bølge 2",
        questions,
        [{"moedet.i1": "I meget høj grad"}] * 56 + [{"moedet.i1": "I mindre grad"}] * 14,
        100,
    )
    (change,) = wave_changes(before, after)
    assert (change.before, change.after) == ("Nulpunkt", "Bølge 2")
    assert change.difference == pytest.approx(0.2)
    assert change.ci_low == pytest.approx(0.0524, abs=5e-5)


def test_the_templates_carry_the_annex_questions_and_survive_json() -> None:
    citizen = TEMPLATES["borger_samtaler"]
    assert [q.key for q in citizen.questions] == [
        "koen", "alder", "samtaler", "moedet", "samtalerne", "kommentar"
    ]  # fmt: skip
    assert len(citizen.questions[3].items) == 5
    employee = TEMPLATES["medarbejder_samtaler"]
    assert [q.key for q in employee.questions if q.final_only] == ["frikommune", "kommentar"]
    assert {t.audience for t in TEMPLATES.values()} == {"citizen", "employee", "manager", "company"}
    for template in TEMPLATES.values():
        assert questions_from_json(questions_to_json(template.questions)) == template.questions
    # The scale of the annexes, with "Ved ikke" last.
    assert citizen.questions[3].choices() == (
        "I meget høj grad", "I høj grad", "I nogen grad", "I mindre grad", "Slet ikke", "Ved ikke"
    )  # fmt: skip
