import pytest

from effekt.progression.rules.endings import CATEGORIES, EndingContext, ending_errors, goal_reached

JOB = EndingContext("job_uddannelsesformidling", frozenset({"ordinaert_job", "uddannelse"}))


def test_there_are_the_sixteen_categories_of_the_contract() -> None:
    assert len(CATEGORIES) == 16
    assert len({c.code for c in CATEGORIES}) == 16


def test_ordinary_job_requires_industry_and_hours() -> None:
    errors = ending_errors("ordinaert_job", {}, JOB)
    assert set(errors) == {"industry", "hours_per_week"}
    assert ending_errors("ordinaert_job", {"industry": "47", "hours_per_week": 30}, JOB) == {}


@pytest.mark.parametrize(
    ("code", "detail"),
    [("uddannelse", "education"), ("afbrudt", "reason"), ("ikke_gennemfoert", "reason")],
)
def test_required_details(code: str, detail: str) -> None:
    assert detail in ending_errors(code, {detail: "  "}, JOB)
    assert ending_errors(code, {detail: "AMU-kursus"}, JOB) == {}


def test_anden_stoette_only_when_nothing_was_established() -> None:
    established = EndingContext("mestringsforloeb", frozenset(), established=True)
    assert "category" in ending_errors("anden_stoette", {}, established)
    assert ending_errors("anden_stoette", {}, EndingContext("mestringsforloeb", frozenset())) == {}


def test_raskmeldt_only_in_a_sickness_course_aiming_at_it() -> None:
    sick = EndingContext("sygedagpengeforloeb", frozenset({"raskmeldt"}))
    assert ending_errors("raskmeldt", {}, sick) == {}
    assert "category" in ending_errors("raskmeldt", {}, JOB)
    assert "category" in ending_errors(
        "raskmeldt", {}, EndingContext("sygedagpengeforloeb", frozenset({"ordinaert_job"}))
    )


def test_fastholdt_only_in_mentor_or_aftercare() -> None:
    assert ending_errors("fastholdt", {}, EndingContext("mentor", frozenset())) == {}
    assert ending_errors("ikke_fastholdt", {}, EndingContext("eftervaern", frozenset())) == {}
    assert "category" in ending_errors("fastholdt", {}, JOB)


def test_documentation_only_when_that_is_the_goal() -> None:
    goal = EndingContext("mestringsforloeb", frozenset({"dokumentation_arbejdsevne"}))
    assert ending_errors("dokumentation_arbejdsevne", {}, goal) == {}
    assert "category" in ending_errors("dokumentation_arbejdsevne", {}, JOB)


def test_goal_reached_means_the_ending_is_in_the_result_goal() -> None:
    assert goal_reached("uddannelse", {"ordinaert_job", "uddannelse"}) is True
    assert goal_reached("afbrudt", {"ordinaert_job"}) is False
    assert goal_reached(None, {"ordinaert_job"}) is None
