import datetime as dt

import pytest

from effekt.monitoring.dream import DREAM_FIRST_MONDAY, dream_week_number, week_monday


@pytest.mark.parametrize(
    ("column", "monday"),
    [
        ("y_9132", dt.date(1991, 8, 5)),  # DREAM week 1
        ("y_9201", dt.date(1991, 12, 30)),  # ISO week 1 of 1992 starts in 1991
        ("y_0901", dt.date(2008, 12, 29)),
        ("y_1553", dt.date(2015, 12, 28)),  # 2015 has 53 ISO weeks
        ("y_2001", dt.date(2019, 12, 30)),
        ("y_2053", dt.date(2020, 12, 28)),
        ("y_2101", dt.date(2021, 1, 4)),
        ("y_2410", dt.date(2024, 3, 4)),
    ],
)
def test_a_week_column_names_the_monday_of_its_iso_week(column: str, monday: dt.date) -> None:
    assert week_monday(column) == monday
    assert week_monday(column).weekday() == 0


def test_dream_week_one_is_monday_5_august_1991() -> None:
    assert week_monday("y_9132") == DREAM_FIRST_MONDAY == dt.date(1991, 8, 5)
    assert dream_week_number(week_monday("y_9132")) == 1
    assert dream_week_number(week_monday("y_9133")) == 2
    assert dream_week_number(week_monday("y_9201")) == 22


@pytest.mark.parametrize(
    ("column", "reason"),
    [
        ("y_1953", "2019 has no ISO week 53"),
        ("y_2000", "2020 has no ISO week 0"),
        ("y_9131", "before DREAM's first week"),
        ("y_20x1", "not a week column"),
        ("y_200101", "not a week column"),
    ],
)
def test_it_refuses_a_column_that_names_no_dream_week(column: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        week_monday(column)
