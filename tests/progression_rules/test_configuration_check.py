from effekt.progression.rules.configuration import check_course_type
from effekt.progression.rules.schedule import DEFAULT_POINTS, PointSpec

GOOD = {"taet_paa": [1, 2, 4, 7, 8]}


def test_the_default_configuration_passes_without_warnings() -> None:
    check = check_course_type("Mentor", 13, DEFAULT_POINTS, GOOD)
    assert check.ok and check.warnings == []


def test_a_measurement_point_outside_the_course_is_an_error() -> None:
    points = [PointSpec("baseline", 0), PointSpec("final", 14)]
    check = check_course_type("Mentor", 13, points, GOOD)
    assert not check.ok
    assert any("uden for forløbet" in e for e in check.errors)


def test_a_missing_baseline_is_an_error() -> None:
    check = check_course_type("Mentor", 13, [PointSpec("final", 12)], GOOD)
    assert any("baseline" in e for e in check.errors)


def test_points_out_of_order_are_an_error() -> None:
    points = [PointSpec("baseline", 0), PointSpec("midway", 10), PointSpec("final", 8)]
    assert not check_course_type("Mentor", 13, points, GOOD).ok


def test_fewer_than_four_or_more_than_six_indicators_is_a_warning_not_an_error() -> None:
    few = check_course_type("Mentor", 13, DEFAULT_POINTS, {"taet_paa": [1, 2, 3]})
    many = check_course_type("Mentor", 13, DEFAULT_POINTS, {"langt_fra": [1, 2, 3, 4, 5, 6, 7]})
    assert few.ok and many.ok
    assert "3 indikatorer" in few.warnings[0] and "4–6" in few.warnings[0]
    assert "7 indikatorer" in many.warnings[0]


def test_an_unknown_indicator_is_an_error() -> None:
    check = check_course_type("Mentor", 13, DEFAULT_POINTS, {"taet_paa": [1, 2, 4, 7, 12]})
    assert any("ukendte indikatorer [12]" in e for e in check.errors)
